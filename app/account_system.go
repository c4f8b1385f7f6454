package app

import (
	"os"

	"qscert/app/elevation"
	"qscert/certs/accounts"
)

// AccountSystem is how the commands answer "who uses this certificate?":
// the accounts and services of this machine, how to act as an account,
// and whether this process may write the machine's stores. ProcessEnv
// fills it from Windows; tests fill it with simulated parts.
type AccountSystem struct {
	Resolver accounts.Resolver
	Services accounts.ServiceLister
	// RunnerFor returns the way to act as an account.
	RunnerFor func(accounts.Account) (accounts.Runner, error)
	// Program is qscert's own executable, which a child runs.
	Program string
	// ChildStore is the --store a child acting as the account opens: nil
	// is the Windows store, which on Windows is that account's own
	// (CurrentUser is the account's). Tests give each account a folder.
	ChildStore func(accounts.Account) string
	// Elevated reports whether this process has administrator rights.
	Elevated func() bool
	// CurrentSID is the SID of the account running qscert: "for" it is
	// "this user".
	CurrentSID string
}

// systemAccounts is this machine's AccountSystem: on Windows the LSA, the
// service manager and the logon and task runners; elsewhere the calls
// return accounts-unsupported.
func systemAccounts() (*AccountSystem, error) {
	r, err := accounts.OpenResolver()
	if err != nil {
		return nil, err
	}
	l, err := accounts.OpenServices()
	if err != nil {
		return nil, err
	}
	exe, err := os.Executable()
	if err != nil {
		return nil, err
	}
	return &AccountSystem{Resolver: r, Services: l, RunnerFor: accounts.RunnerFor, Program: exe,
		Elevated: elevation.IsElevated, CurrentSID: accounts.CurrentSID()}, nil
}

// childStore is the --store of a child acting as a.
func (s *AccountSystem) childStore(a accounts.Account) string {
	if s.ChildStore != nil {
		return s.ChildStore(a)
	}
	return "windows"
}
