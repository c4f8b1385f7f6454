package accounts

import "qscert/certs/coded"

// Resolver finds accounts. OpenResolver returns this machine's (Windows)
// resolver; Simulated stands in for it in tests.
type Resolver interface {
	// Lookup resolves a typed name: DOMAIN\user, user@domain.example,
	// .\user, NT AUTHORITY\NETWORK SERVICE, LocalSystem, NT SERVICE\name,
	// DOMAIN\gmsa$. account-not-found when Windows knows no such account,
	// account-not-usable for a group or a computer.
	Lookup(name string) (Account, error)
	// LookupSID resolves a SID (S-1-5-...) the same way.
	LookupSID(sid string) (Account, error)
}

func notFound(name string, cause error) error {
	return coded.New(CodeNotFound, cause, "account", name)
}

func notUsable(name, sid string) error {
	return coded.New(CodeNotUsable, nil, "account", name, "sid", sid)
}
