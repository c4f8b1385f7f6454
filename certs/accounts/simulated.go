package accounts

import (
	"strings"
)

// Simulated is a Resolver and a ServiceLister over a fixed table, for
// tests and the demo on any OS. Lookups follow the same rules as on
// Windows: the built-in aliases, ".\" for the local machine, NT SERVICE\
// names, case-insensitive names, and the same classification.
type Simulated struct {
	Computer string // the local machine's name, for ".\user"
	// Accounts Windows would know besides the built-in ones: SidType is
	// SID_NAME_USE (1 user, 2 group, 4 alias, 9 computer); Managed is
	// what NetIsServiceAccount would answer for a name ending in '$'.
	Accounts  []SimulatedAccount
	Installed []Service // the services of the machine
}

// SimulatedAccount is one account of a Simulated machine.
type SimulatedAccount struct {
	Name    string // DOMAIN\user
	UPN     string // user@domain, if it has one
	SID     string
	SidType uint32
	Managed bool
}

var builtIn = []SimulatedAccount{
	{Name: `NT AUTHORITY\SYSTEM`, SID: SIDLocalSystem, SidType: sidTypeWellKnownGroup},
	{Name: `NT AUTHORITY\LOCAL SERVICE`, SID: SIDLocalService, SidType: sidTypeWellKnownGroup},
	{Name: `NT AUTHORITY\NETWORK SERVICE`, SID: SIDNetworkService, SidType: sidTypeWellKnownGroup},
	{Name: `BUILTIN\Administrators`, SID: "S-1-5-32-544", SidType: 4},
}

func (s *Simulated) table() []SimulatedAccount {
	return append(append([]SimulatedAccount{}, builtIn...), s.Accounts...)
}

func (s *Simulated) account(a SimulatedAccount) (Account, error) {
	answer := managedNo
	if a.Managed {
		answer = managedYes
	}
	kind, ok := classify(a.SID, a.SidType, a.Name, answer)
	if !ok {
		return Account{}, notUsable(a.Name, a.SID)
	}
	return Account{Name: a.Name, SID: a.SID, Kind: kind}, nil
}

// Lookup implements Resolver.
func (s *Simulated) Lookup(typed string) (Account, error) {
	name := cleanName(typed)
	if name == "" {
		return Account{}, notFound(typed, nil)
	}
	if sid := aliasSID(name); sid != "" {
		return s.LookupSID(sid)
	}
	name = localName(name, s.Computer)
	for _, a := range s.table() {
		if strings.EqualFold(a.Name, name) || (a.UPN != "" && strings.EqualFold(a.UPN, name)) {
			return s.account(a)
		}
	}
	if svc := virtualService(name); svc != "" {
		return Account{Name: `NT SERVICE\` + svc, SID: ServiceSID(svc), Kind: KindVirtual}, nil
	}
	return Account{}, notFound(typed, nil)
}

// LookupSID implements Resolver.
func (s *Simulated) LookupSID(sid string) (Account, error) {
	for _, a := range s.table() {
		if strings.EqualFold(a.SID, sid) {
			return s.account(a)
		}
	}
	return Account{}, notFound(sid, nil)
}

// Services implements ServiceLister.
func (s *Simulated) Services() ([]Service, error) { return Rank(s.Installed), nil }

// Service implements ServiceLister.
func (s *Simulated) Service(name string) (Service, error) {
	for _, v := range s.Installed {
		if strings.EqualFold(v.Name, name) {
			return v, nil
		}
	}
	return Service{}, serviceNotFound(name, nil)
}
