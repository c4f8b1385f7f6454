package flow

import (
	"qscert/certs/central"
)

// Prepared is the outcome of step 1: the procedure with its plan, or why
// the node could not be read at all.
type Prepared struct {
	Rev Rev
	RC  *central.Recreate
	Err error
}

// Plan is the procedure's plan, once made for the account's password as
// it is; nil before.
func (f *Recreate) Plan() *central.Plan {
	if f.rc == nil || f.planDone != f.planRev {
		return nil
	}
	return f.rc.Plan
}

// PlanErr says why the node could not be read (not Windows, no rights to
// the stores); a precondition that is not met is a finding of the plan.
func (f *Recreate) PlanErr() error { return f.planErr }

// Planning: the plan on hand is not for the answers as they are.
func (f *Recreate) Planning() bool { return f.planDone != f.planRev }

// Blocking is the plan's first error finding, which refuses the
// procedure, or nil.
func (f *Recreate) Blocking() error {
	if p := f.Plan(); p != nil {
		return p.Blocking()
	}
	return nil
}

func (f *Recreate) planReady() bool {
	return f.Plan() != nil && f.planErr == nil && f.Blocking() == nil
}

// needsAccountPassword: the plan says the account is an ordinary user
// whose password was not given.
func (f *Recreate) needsAccountPassword() bool {
	if f.rc == nil {
		return false
	}
	for _, fd := range f.rc.Plan.Findings {
		if fd.Code == central.CodeAccountPassword {
			return true
		}
	}
	return f.rc.Plan.Account.NeedsPassword()
}

// PrepareDue is step 1 the check step waits for: it opens the node and
// makes the plan, once per revision of the account's password. It
// changes nothing on the machine.
func (f *Recreate) PrepareDue() *Job[Prepared] {
	if f.stopped != nil || f.planDone == f.planRev || f.planStarted == f.planRev {
		return nil
	}
	rev := f.planRev
	f.planStarted = rev
	open, opts, ctx := f.open, f.planOptions(), f.ctx()
	return &Job[Prepared]{Rev: rev, run: func() Prepared {
		node, err := open()
		if err != nil {
			return Prepared{Rev: rev, Err: err}
		}
		rc, err := central.Prepare(ctx, node, opts)
		return Prepared{Rev: rev, RC: rc, Err: err}
	}}
}

// ApplyPrepared stores a plan; it drops one made for a password changed
// since.
func (f *Recreate) ApplyPrepared(p Prepared) bool {
	if p.Rev != f.planRev {
		if p.RC != nil {
			_ = p.RC.Close()
		}
		return false
	}
	if f.rc != nil {
		_ = f.rc.Close()
	}
	f.rc, f.planErr, f.planDone = p.RC, p.Err, p.Rev
	return true
}

// NeedsElevation: the plan refuses because qscert is not elevated (the
// window offers "Restart as administrator").
func (f *Recreate) NeedsElevation() bool {
	p := f.Plan()
	if p == nil {
		return false
	}
	for _, fd := range p.Findings {
		if fd.Code == central.CodeNotElevated {
			return true
		}
	}
	return false
}
