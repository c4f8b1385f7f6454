package flow

import "qscert/certs/install"

// Planned is the outcome of looking at the stores and planning the
// install, for the choices at Rev.
type Planned struct {
	Rev Rev
	// Found is what the stores hold; nil when they were not looked at
	// again (only the choices changed).
	Found []install.Found
	Plan  *install.Plan
	Err   error
}

// Found is what the stores hold, as the last look classified it; nil
// until the stores were looked at since arriving at the step.
func (f *Install) Found() []install.Found { return f.found }

// Keeps: the user chose to keep this old certificate (by thumbprint).
func (f *Install) Keeps(thumbprint string) bool { return f.keep[thumbprint] }

// SetKeep keeps an old certificate, or lets the install replace it (the
// default for the site's older certificates).
func (f *Install) SetKeep(thumbprint string, keep bool) {
	f.keep[thumbprint] = keep
	f.choicesChanged()
}

// Removing: the install will remove an old certificate, so it needs the
// backup folder and password; so does an install for another account's
// store, whose child's change is undone from a backup.
func (f *Install) Removing() bool {
	if f.forAnotherAccount() {
		return true
	}
	for _, c := range f.found {
		if c.Class == install.ClassReplaced && !f.keep[c.Thumbprint()] {
			return true
		}
	}
	return false
}

// Plan is the plan for the current choices, nil while it is being made or
// when it cannot be (PlanErr).
func (f *Install) Plan() *install.Plan { return f.plan }

// PlanErr says why no plan can be made for these choices.
func (f *Install) PlanErr() error { return f.planErr }

// Planning: the choices changed since the plan on hand was made.
func (f *Install) Planning() bool { return f.planned != f.planRev }

// planReady gates the old-certificates step: a plan for the current
// choices, without error.
func (f *Install) planReady() bool {
	return f.plan != nil && f.planErr == nil && f.planned == f.planRev &&
		(!f.NeedsRetype() || f.backupRetype == f.backupPassword)
}

// choicesChanged makes the plan on hand stale.
func (f *Install) choicesChanged() {
	f.plan, f.planErr = nil, nil
	f.planRev++
}

// enterOld looks at the stores again: the export may have changed, or the
// user removed a certificate by hand meanwhile. The first time, it proposes
// the backup folder and, as its password, the export's: the one the
// administrator just typed and noted, so one password less to keep.
func (f *Install) enterOld() {
	if !f.backupProposed {
		f.backupProposed = true
		if f.backupDir == "" {
			f.backupDir = f.deps.BackupRoot
		}
		if f.backupPassword == "" && install.BackupPasswordOK(f.password) {
			f.backupPassword = f.password
		}
	}
	f.found = nil
	f.choicesChanged()
}

// PlanDue is the plan the current choices need, or nil when one for them
// was already started or made.
func (f *Install) PlanDue() *Job[Planned] {
	if f.planned == f.planRev || f.planStarted == f.planRev {
		return nil
	}
	rev := f.planRev
	f.planStarted = rev
	s, storeErr, exp := f.deps.Store, f.deps.StoreErr, f.export
	opts := install.InstallOptions{
		ClientScope: f.deps.ClientScope, BackupDir: f.backupDir, BackupPassword: f.backupPassword,
		Keep: copyKeep(f.keep), Now: f.deps.Now(),
	}
	whoErr := f.whoOptions(&opts)
	firstLook := f.found == nil
	return &Job[Planned]{Rev: rev, run: func() Planned {
		out := Planned{Rev: rev}
		switch {
		case s == nil:
			out.Err = storeErr
			return out
		case whoErr != nil:
			out.Err = whoErr
			return out
		case exp == nil:
			// Only a flow driven past its files step without an export
			// meets this; it stays without a plan.
			return out
		}
		if firstLook {
			out.Found, out.Err = install.Classify(exp, s)
			out.Found = theirFound(out.Found, opts)
		}
		if out.Err == nil {
			out.Plan, out.Err = install.PlanInstall(exp, s, opts)
		}
		return out
	}}
}

// ApplyPlan stores a plan's outcome; it drops one made for choices that
// changed since.
func (f *Install) ApplyPlan(p Planned) bool {
	if p.Rev != f.planRev {
		return false
	}
	if p.Found != nil {
		f.found = p.Found
	}
	f.plan, f.planErr = p.Plan, p.Err
	f.planned = p.Rev
	return true
}

func copyKeep(m map[string]bool) map[string]bool {
	out := make(map[string]bool, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}
