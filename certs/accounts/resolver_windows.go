package accounts

import (
	"errors"
	"strings"

	"golang.org/x/sys/windows"
)

// windowsResolver asks the LSA: LookupAccountName and LookupAccountSid
// (through x/sys/windows' LookupSID and SID.LookupAccount), which reach
// the domain controllers for domain accounts.
type windowsResolver struct {
	computer string // for ".\user"
}

// OpenResolver returns this machine's resolver.
func OpenResolver() (Resolver, error) {
	name, err := windows.ComputerName()
	if err != nil {
		name = ""
	}
	return &windowsResolver{computer: name}, nil
}

// Lookup implements Resolver.
func (r *windowsResolver) Lookup(typed string) (Account, error) {
	name := cleanName(typed)
	if name == "" {
		return Account{}, notFound(typed, nil)
	}
	if sid := aliasSID(name); sid != "" {
		return r.LookupSID(sid)
	}
	name = localName(name, r.computer)
	sid, _, use, err := windows.LookupSID("", name) // LookupAccountNameW; accepts DOMAIN\user and user@domain (UPN)
	if err != nil {
		// NT SERVICE\<name> resolves only while that service is
		// installed; its SID is known all the same, and an ACE may name
		// it (sc.exe sdset does so before a service exists).
		if svc := virtualService(name); svc != "" && errors.Is(err, windows.ERROR_NONE_MAPPED) {
			return Account{Name: `NT SERVICE\` + svc, SID: ServiceSID(svc), Kind: KindVirtual}, nil
		}
		return Account{}, notFound(typed, err)
	}
	return r.account(sid, use)
}

// LookupSID implements Resolver.
func (r *windowsResolver) LookupSID(s string) (Account, error) {
	sid, err := windows.StringToSid(strings.TrimSpace(s))
	if err != nil {
		return Account{}, notFound(s, err)
	}
	return r.account(sid, 0)
}

// account names sid as LookupAccountSid does and classifies it.
func (r *windowsResolver) account(sid *windows.SID, use uint32) (Account, error) {
	str := sid.String()
	user, domain, use2, err := sid.LookupAccount("")
	if err != nil {
		for _, p := range virtualPrefixes {
			if strings.HasPrefix(str, p) && errors.Is(err, windows.ERROR_NONE_MAPPED) {
				// A virtual account whose service is gone: known by SID.
				return Account{Name: str, SID: str, Kind: KindVirtual}, nil
			}
		}
		return Account{}, notFound(str, err)
	}
	if use == 0 {
		use = use2
	}
	name := user
	if domain != "" {
		name = domain + `\` + user
	}
	answer := managedUnknown
	if use == sidTypeUser && strings.HasSuffix(user, "$") {
		answer = isManaged(name)
	}
	kind, ok := classify(str, use, name, answer)
	if !ok {
		return Account{}, notUsable(name, str)
	}
	return Account{Name: name, SID: str, Kind: kind}, nil
}

// isManaged asks NetIsServiceAccount whether name is a managed service
// account this machine may use.
func isManaged(name string) managedAnswer {
	if procNetIsServiceAccount.Find() != nil {
		return managedUnknown // Wine 8: no such export
	}
	u, err := windows.UTF16PtrFromString(name)
	if err != nil {
		return managedUnknown
	}
	var yes int32
	if netIsServiceAccount(nil, // ServerName: this machine
		u, &yes) != nil {
		return managedUnknown // STATUS_... : no domain controller, no such account
	}
	if yes != 0 {
		return managedYes
	}
	return managedNo
}
