package flow

import (
	"context"
	"sync"

	"qscert/certs/accounts"
	"qscert/certs/install"
	"qscert/certs/store"
)

// forWhom is whom the install is for: an account (nil for this user) and
// whether the client goes to the machine's store.
func (f *Install) forWhom() (*accounts.Account, bool) {
	switch f.who.choice {
	case WhoService, WhoAccount:
		if a := f.Account(); a != nil && !f.IsYou() {
			return a, false
		}
	case WhoMachine:
		return f.Account(), true
	}
	return nil, false
}

// ForWhom is whom the install is for, as the account step chose: an
// account (nil for this user, or the machine without one) and whether the
// client goes to LocalMachine\My.
func (f *Install) ForWhom() (*accounts.Account, bool) { return f.forWhom() }

// forAnotherAccount: the client goes to another account's own store,
// through a child acting as it, whose change is undone from a backup of
// its own, which needs the backup password even when nothing of this
// account's is removed.
func (f *Install) forAnotherAccount() bool {
	a, machine := f.forWhom()
	return a != nil && !machine
}

// whoOptions fills in who the install is for, as the command line's
// --for-account, --for-service and --for-machine do (the same
// foraccount.System), with the password typed on the account step and
// the child's progress relayed to the install page.
func (f *Install) whoOptions(opts *install.InstallOptions) error {
	a, machine := f.forWhom()
	opts.ForMachine = machine
	if a == nil {
		return nil
	}
	who := *a
	opts.ForAccount = &who
	if machine {
		return nil
	}
	if err := f.deps.Accounts.UseChild(&who, opts); err != nil {
		return err
	}
	if who.NeedsPassword() {
		pw := append([]byte(nil), f.who.password...)
		opts.AccountPassword = func() ([]byte, error) {
			// The plan clears what it is given when it ends; this copy is
			// the plan's, made for it.
			return append([]byte(nil), pw...), nil
		}
	}
	opts.OnAccountStep = f.who.relay.step(who)
	return nil
}

// theirFound keeps, of what the stores hold, what this install is about:
// for another account's store, the machine's locations only (the
// administrator's own CurrentUser stores are nobody's concern here, and
// the child looks at the account's).
func theirFound(found []install.Found, opts install.InstallOptions) []install.Found {
	if opts.ForAccount == nil || opts.ForMachine {
		return found
	}
	out := []install.Found{}
	for _, fd := range found {
		if fd.Location.Scope == store.LocalMachine {
			out = append(out, fd)
		}
	}
	return out
}

// accountRelay passes the child's steps to the progress function the
// install was started with: the plan is made before the install page
// gives it.
type accountRelay struct {
	mu sync.Mutex
	to install.Progress
}

func (r *accountRelay) set(p install.Progress) {
	r.mu.Lock()
	r.to = p
	r.mu.Unlock()
}

// step is the plan's OnAccountStep: each step the child did, marked with
// the account it was done as.
func (r *accountRelay) step(a accounts.Account) install.Progress {
	return func(done, total int, s install.Step) {
		r.mu.Lock()
		to := r.to
		r.mu.Unlock()
		if to != nil {
			s.Account = &a
			to(done, total, s)
		}
	}
}

// isChildStep: a step done by the account step's child, as its account.
func isChildStep(s install.Step) bool {
	return s.Account != nil && s.Kind != install.StepAccount && s.Kind != install.StepGrant
}

// AccountDone lists the steps the account step's child did so far, each
// with the account it did them as.
func (f *Install) AccountDone() []install.Step { return append([]install.Step(nil), f.who.child...) }

// installContext is the context the install runs under: CancelInstall
// stops it while the account step's child runs (the change is then rolled
// back).
func (f *Install) installContext() context.Context {
	ctx, cancel := context.WithCancel(context.Background())
	f.who.cancel = cancel
	if f.CanCancelInstall() {
		name := ""
		if a, _ := f.ForWhom(); a != nil {
			name = a.Name
		}
		f.who.running.Store(&AccountStep{Stop: cancel, Account: name})
	}
	return ctx
}

// AccountStep is the running install's account step as another goroutine
// sees it (the console's Ctrl+C): Stop is CancelInstall, and a context's
// cancel, so safe from anywhere and more than once.
type AccountStep struct {
	Stop    func()
	Account string // whom it runs as
}

// RunningAccountStep is the account step of the install that runs, nil
// when none does or it cannot be stopped. Unlike the flow's other
// methods it may be called from any goroutine.
func (f *Install) RunningAccountStep() *AccountStep { return f.who.running.Load() }

// CanCancelInstall: an install runs whose plan has an account step, the
// one step that can take long (a logon, a scheduled task) and can be
// stopped; the rest runs to its end.
func (f *Install) CanCancelInstall() bool {
	return f.installing && f.who.cancel != nil && f.plan != nil && f.plan.Count(install.StepAccount) > 0
}

// CancelInstall stops the account step; the install then rolls back and
// ends with run-cancelled.
func (f *Install) CancelInstall() {
	if f.CanCancelInstall() {
		f.who.cancel()
	}
}

// installEnded forgets the cancel function.
func (f *Install) installEnded() {
	f.who.running.Store(nil)
	if f.who.cancel != nil {
		f.who.cancel()
		f.who.cancel = nil
	}
}
