package foraccount

import (
	"qscert/certs/accounts"
	"qscert/certs/install"
)

// System is how a front end answers "who uses this certificate?": the
// accounts and services of this machine, how to act as an account, and
// whether this process may write the machine's stores. The command line
// fills it from Windows; tests and the demo fill it with simulated parts
// (accounts.Simulated, accounts.SimulatedRunner).
type System struct {
	Resolver accounts.Resolver
	Services accounts.ServiceLister
	// RunnerFor returns the way to act as an account.
	RunnerFor func(accounts.Account) (accounts.Runner, error)
	// Program is qscert's own executable, which a child runs.
	Program string
	// ChildStore is the --store a child acting as the account opens: nil
	// is the Windows store, which on Windows is that account's own
	// (CurrentUser is the account's). Tests and the demo give each account
	// a folder.
	ChildStore func(accounts.Account) string
	// Elevated reports whether this process has administrator rights.
	Elevated func() bool
	// CurrentSID is the SID of the account running qscert: "for" it is
	// "this user".
	CurrentSID string
}

// StoreOf is the --store of a child acting as a.
func (s *System) StoreOf(a accounts.Account) string {
	if s.ChildStore != nil {
		return s.ChildStore(a)
	}
	return "windows"
}

// IsCurrent reports whether a is the account running qscert: an install
// "for" it is for this user, with nothing run as anyone.
func (s *System) IsCurrent(a accounts.Account) bool {
	return s.CurrentSID != "" && a.SID == s.CurrentSID
}

// UseChild fills in the install options that put the client in a's own
// Personal store, through a qscert child acting as a: the runner and the
// child's command line (which holds nothing secret). A virtual account
// gets no runner: the plan refuses it with account-virtual, which says to
// choose the machine. The caller adds the password and the progress.
func (s *System) UseChild(a *accounts.Account, opts *install.InstallOptions) error {
	opts.ForAccount = a
	if a.Kind != accounts.KindVirtual {
		r, err := s.RunnerFor(*a)
		if err != nil {
			return err
		}
		opts.Runner = r
	}
	opts.AccountCommand = []string{s.Program, install.AccountCommandName, "--store", s.StoreOf(*a)}
	return nil
}
