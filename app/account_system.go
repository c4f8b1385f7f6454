package app

import (
	"os"

	"qscert/app/elevation"
	"qscert/certs/accounts"
	"qscert/certs/foraccount"
)

// AccountSystem is how the commands answer "who uses this certificate?":
// the accounts and services of this machine, how to act as an account,
// and whether this process may write the machine's stores. ProcessEnv
// fills it from Windows; tests fill it with simulated parts. The wizard
// uses the same type (foraccount.System).
type AccountSystem = foraccount.System

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
