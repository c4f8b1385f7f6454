package accounts

import (
	"strings"
)

// Kind is what sort of account a service runs as; it decides how qscert
// can act for it.
type Kind string

const (
	// LocalSystem (S-1-5-18, "LocalSystem" in a service's configuration):
	// acted as through a scheduled task.
	KindLocalSystem Kind = "local-system"
	// LocalService (S-1-5-19): a scheduled task.
	KindLocalService Kind = "local-service"
	// NetworkService (S-1-5-20): a scheduled task.
	KindNetworkService Kind = "network-service"
	// A virtual account (NT SERVICE\<service>, S-1-5-80-...; also IIS
	// APPPOOL\..., S-1-5-82-..., and NT VIRTUAL MACHINE\..., S-1-5-83-...):
	// it exists only while its service runs, so nothing else can run as
	// it. Use the machine store with key access instead.
	KindVirtual Kind = "virtual"
	// A standalone or group managed service account (DOMAIN\name$): its
	// password is the domain's, never known to anyone; a scheduled task
	// can run as it.
	KindManaged Kind = "managed-service-account"
	// An ordinary local or domain user: acted as with its password.
	KindUser Kind = "user"
)

// Account is a Windows account as Windows names it.
type Account struct {
	Name string `json:"name"` // DOMAIN\user, as LookupAccountSid spells it
	SID  string `json:"sid"`  // S-1-5-...
	Kind Kind   `json:"kind"`
}

// NeedsPassword reports whether acting as the account takes its password.
func (a Account) NeedsPassword() bool { return a.Kind == KindUser }

// Well-known SIDs (winnt.h: SECURITY_LOCAL_SYSTEM_RID 18,
// SECURITY_LOCAL_SERVICE_RID 19, SECURITY_NETWORK_SERVICE_RID 20 under
// SECURITY_NT_AUTHORITY).
const (
	SIDLocalSystem    = "S-1-5-18"
	SIDLocalService   = "S-1-5-19"
	SIDNetworkService = "S-1-5-20"
)

// virtualPrefixes are the SID prefixes of virtual accounts:
// SECURITY_SERVICE_ID_BASE_RID (80, NT SERVICE), SECURITY_APPPOOL_ID_BASE_RID
// (82, IIS APPPOOL) and SECURITY_VIRTUALSERVER_ID_BASE_RID (83, NT VIRTUAL
// MACHINE).
var virtualPrefixes = []string{"S-1-5-80-", "S-1-5-82-", "S-1-5-83-"}

// SID_NAME_USE values (winnt.h) that LookupAccountName and LookupAccountSid
// return.
const (
	sidTypeUser           = 1 // SidTypeUser
	sidTypeWellKnownGroup = 5 // SidTypeWellKnownGroup: SYSTEM, LOCAL SERVICE, NETWORK SERVICE, NT SERVICE\x
	sidTypeComputer       = 9 // SidTypeComputer
)

// managedAnswer is what NetIsServiceAccount said about an account.
type managedAnswer int

const (
	managedUnknown managedAnswer = iota // the call is missing (Wine) or failed (no domain controller)
	managedYes
	managedNo
)

// classify decides an account's kind from what Windows says of it: its
// SID, its SID_NAME_USE, its name and NetIsServiceAccount's answer. ok is
// false for what no service runs as (a group, a computer, a domain).
//
// How a managed service account is told apart, without the AD tools:
// LookupAccountName reports sMSAs and gMSAs as SidTypeUser with a name
// ending in '$' (their sAMAccountName), which otherwise only computer
// accounts have, and no service runs as a computer account (that is what
// NetworkService is for). NetIsServiceAccount (netapi32, Windows 7 / 2008
// R2 and later) then confirms that the account is a managed service
// account this machine may use. Reading msDS-GroupMSAMembership or the
// objectClass would take LDAP and domain rights; the trailing '$' and
// NetIsServiceAccount need neither. When NetIsServiceAccount cannot answer
// (Wine has no such export; no domain controller reachable), the '$' alone
// decides: the account is then run through a scheduled task, which fails
// with a clear task-failed if it cannot log on, rather than asking for a
// password nobody knows. When it answers no, the account is taken for an
// ordinary user whose name ends in '$'.
func classify(sid string, use uint32, name string, managed managedAnswer) (Kind, bool) {
	switch sid {
	case SIDLocalSystem:
		return KindLocalSystem, true
	case SIDLocalService:
		return KindLocalService, true
	case SIDNetworkService:
		return KindNetworkService, true
	}
	for _, p := range virtualPrefixes {
		if strings.HasPrefix(sid, p) {
			return KindVirtual, true
		}
	}
	if use != sidTypeUser {
		return "", false
	}
	if strings.HasSuffix(name, "$") && managed != managedNo {
		return KindManaged, true
	}
	return KindUser, true
}
