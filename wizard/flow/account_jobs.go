package flow

import (
	"strings"

	"qscert/certs/accounts"
)

// Resolved is the account a choice names, looked up for the choice at Rev.
type Resolved struct {
	Rev     Rev
	Account *accounts.Account
	Err     error
}

// ResolveDue looks up the account the choice names: the service's
// account, or the name typed (LookupAccountName on Windows, which may ask
// a domain controller). Nil when there is nothing to look up, or a look-up
// of these names was already started or made.
func (f *Install) ResolveDue() *Job[Resolved] {
	w := &f.who
	if f.deps.Accounts == nil || w.resolved == w.rev || w.resolveStarted == w.rev {
		return nil
	}
	rev := w.rev
	if !f.namesAccount() {
		// Nothing named: "me", or the machine without an account.
		w.resolveStarted = rev
		return &Job[Resolved]{Rev: rev, run: func() Resolved { return Resolved{Rev: rev} }}
	}
	w.resolveStarted = rev
	sys, choice, service := f.deps.Accounts, w.choice, w.service
	name := strings.TrimSpace(w.typed)
	if choice == WhoMachine {
		name = strings.TrimSpace(w.grant)
	}
	return &Job[Resolved]{Rev: rev, run: func() Resolved {
		var a accounts.Account
		var err error
		if choice == WhoService {
			a, err = accounts.ServiceAccount(sys.Services, sys.Resolver, service)
		} else {
			a, err = sys.Resolver.Lookup(name)
		}
		if err != nil {
			return Resolved{Rev: rev, Err: err}
		}
		return Resolved{Rev: rev, Account: &a}
	}}
}

// ApplyResolved stores a look-up; it drops one made for names that
// changed since.
func (f *Install) ApplyResolved(r Resolved) bool {
	if r.Rev != f.who.rev {
		return false
	}
	f.who.account, f.who.resolveErr = r.Account, r.Err
	f.who.resolved = r.Rev
	return true
}

// ServicesListed is the machine's services, likely products first.
type ServicesListed struct {
	Services []accounts.Service
	Err      error
}

// ServicesDue lists the machine's services, once: when the step is first
// shown with the accounts of this machine at hand.
func (f *Install) ServicesDue() *Job[ServicesListed] {
	w := &f.who
	if f.deps.Accounts == nil || w.servicesStarted {
		return nil
	}
	w.servicesStarted = true
	lister := f.deps.Accounts.Services
	return &Job[ServicesListed]{run: func() ServicesListed {
		list, err := lister.Services()
		return ServicesListed{Services: list, Err: err}
	}}
}

// ApplyServices stores the list of services.
func (f *Install) ApplyServices(s ServicesListed) bool {
	f.who.services, f.who.servicesErr, f.who.servicesDone = s.Services, s.Err, true
	return true
}
