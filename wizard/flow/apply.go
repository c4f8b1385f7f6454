package flow

import "qscert/certs/install"

// Installed is the outcome of applying the plan. The plan undoes itself
// when a step fails; Err then says what was put back and where the backup
// is.
type Installed struct {
	Result *install.Result
	Err    error
}

// Installing: the plan is being applied; nothing may move away.
func (f *Install) Installing() bool { return f.installing }

// Changed: the install changed the stores (Cancel then says so).
func (f *Install) Changed() bool { return f.installed }

// Installed: the plan was applied.
func (f *Install) Installed() bool { return f.installed }

// installFailed: the install stopped (and was rolled back); Back lets the
// user change a choice and try again.
func (f *Install) installFailed() bool { return f.installErr != nil && !f.installing }

// Title is the translation key of the current step's title, which on the
// install step says how it ended: "Installing" is wrong once it has.
func (f *Install) Title() string {
	s := f.Step()
	if s.ID == StepInstall {
		switch {
		case f.installed:
			return "wizard.install.title.done"
		case f.installErr != nil && !f.installing:
			return "wizard.install.title.failed"
		}
	}
	return s.Title
}

// InstallDone lists the steps applied so far, and the share of the plan
// they are (0 to 1).
func (f *Install) InstallDone() ([]install.Step, float64) {
	return append([]install.Step(nil), f.done...), f.progress
}

// Result is what the last install did; nil before one.
func (f *Install) Result() *install.Result { return f.result }

// InstallErr says why the last install failed.
func (f *Install) InstallErr() error { return f.installErr }

// InstallDue is the install the install step waits for: once per plan,
// and never while one runs or after one succeeded. Run calls progress
// after each step, on Run's goroutine.
func (f *Install) InstallDue(progress install.Progress) *Job[Installed] {
	if f.installing || f.installed || f.plan == nil || f.attempted == f.planRev {
		return nil
	}
	f.attempted = f.planRev
	f.installing, f.installErr, f.result = true, nil, nil
	f.done, f.progress = nil, 0
	plan := f.plan
	f.who.child = nil
	f.who.relay.set(progress) // the account step's child's steps too
	ctx := f.installContext()
	return &Job[Installed]{Rev: f.planRev, run: func() Installed {
		res, err := plan.ApplyContext(ctx, progress)
		return Installed{Result: res, Err: err}
	}}
}

// Progressed records that step (number done of total) was applied. A
// window calls it from the progress function it gave InstallDue, on its
// UI thread.
func (f *Install) Progressed(done, total int, s install.Step) bool {
	if isChildStep(s) {
		f.who.child = append(f.who.child, s)
		return true
	}
	f.done = append(f.done, s)
	if total > 0 {
		f.progress = float64(done) / float64(total)
	}
	return true
}

// ApplyInstall stores the install's outcome. Nothing can change the plan
// while it runs (the step is busy), so no outcome is stale.
func (f *Install) ApplyInstall(r Installed) bool {
	f.installing = false
	f.installEnded()
	f.result, f.installErr = r.Result, r.Err
	f.installed = r.Err == nil
	if r.Result != nil {
		f.done = append([]install.Step(nil), r.Result.Done...)
	}
	if f.installed {
		f.progress = 1
	}
	return true
}
