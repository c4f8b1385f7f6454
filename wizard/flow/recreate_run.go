package flow

import (
	"qscert/certs/central"
	"qscert/certs/coded"
)

// MaxLogEvents bounds the events the flow keeps for the live log: the
// bootstrap's output is bounded by the engine, and the window's log
// should not grow without end either.
const MaxLogEvents = 400

// recreateRun is the run step's state: what runs, the events it told, how
// it ended.
type recreateRun struct {
	mode      runMode
	requested int // runs asked for (arriving at the step, Resume, Restore)
	started   int // runs started
	running   bool

	events  []central.Event // the last MaxLogEvents
	total   int             // events told in all
	current central.StepID  // the step under way, or the last one
	done    map[central.StepID]bool

	rc       *central.Recreate // the procedure that ran (step 7 redistributes and exports with it)
	result   *central.Result
	err      error
	restored *central.RestoreResult
}

// Ran is the outcome of a run, a resumption or a restore.
type Ran struct {
	RC       *central.Recreate
	Result   *central.Result
	Restored *central.RestoreResult
	Err      error
}

// enterRun asks for the run the step is for, the first time it is
// reached: the procedure (fresh), or what the stopped step chose.
func (f *Recreate) enterRun() {
	r := &f.run
	if r.requested > 0 {
		return
	}
	switch {
	case f.stopped == nil:
		r.mode = modeRun
	case f.action == ActionRestore:
		r.mode = modeRestore
	default:
		r.mode = modeResume
	}
	r.requested++
}

// Running: the procedure (or its restore) runs; nothing may move away.
func (f *Recreate) Running() bool { return f.run.running }

// Done: the procedure ran to its end.
func (f *Recreate) Done() bool {
	return f.run.result != nil && f.run.err == nil && f.run.mode != modeRestore && !f.run.running
}

// Restored: the old certificates were put back.
func (f *Recreate) Restored() bool {
	return f.run.restored != nil && f.run.err == nil && !f.run.running
}

// RunErr says why the last run stopped (recreate-stopped, with the step
// and the state of the machine), or why it was refused.
func (f *Recreate) RunErr() error {
	if f.run.running {
		return nil
	}
	return f.run.err
}

// Result is what the procedure did; nil before it ran.
func (f *Recreate) Result() *central.Result { return f.run.result }

// RestoreResult is what the restore did; nil before one.
func (f *Recreate) RestoreResult() *central.RestoreResult { return f.run.restored }

// Restoring: the run under way, or the last one, is a restore.
func (f *Recreate) Restoring() bool { return f.run.mode == modeRestore }

// runReady: on to the verification once the procedure ended, or when it
// stopped at the verification (the page says which certificates are too
// many, and offers to redo from step 3).
func (f *Recreate) runReady() bool { return f.Done() || f.StoppedAtVerify() }

// runRefused: the procedure was refused before it changed anything (a
// plan gone stale, another qscert at work): Back lets the user start
// again from the checks.
func (f *Recreate) runRefused() bool {
	r := &f.run
	return !r.running && r.err != nil && r.result == nil && r.restored == nil && r.mode == modeRun
}

// StoppedAtVerify: the last run stopped at step 5 (duplicates, or a
// certificate missing).
func (f *Recreate) StoppedAtVerify() bool {
	st := f.stopped
	return !f.run.running && f.run.err != nil && st != nil && st.Step == central.StepVerify && st.StepState == "failed" && !f.Restored()
}

// Duplicates is the verification's error when the last run found too
// many (or too few) certificates, or nil.
func (f *Recreate) Duplicates() error {
	if !f.StoppedAtVerify() {
		return nil
	}
	// recreate-stopped says where; its cause says which certificates.
	if e := coded.As(f.run.err); e != nil && e.Code == central.CodeStopped && e.Err != nil {
		return e.Err
	}
	return f.run.err
}

// CanResume: a stopped procedure can go on (Resume; after duplicates or
// a cut bootstrap, from step 3).
func (f *Recreate) CanResume() bool {
	return !f.run.running && f.stopped != nil && !f.Restored() && f.run.err != nil
}

// CanRestore: a stopped procedure can be restored.
func (f *Recreate) CanRestore() bool { return f.CanResume() && f.stopped.Changed }

// RedoFromDelete: going on starts again from step 3 (after duplicates, or
// a bootstrap that was cut short).
func (f *Recreate) RedoFromDelete() bool {
	st := f.stopped
	return st != nil && (st.Step == central.StepVerify && st.StepState == "failed" || st.Step == central.StepBootstrap && st.StepState != "done")
}

// Resume asks for the stopped procedure to go on; the flow returns to the
// run step to show it.
func (f *Recreate) Resume() bool { return f.again(modeResume) }

// Restore asks for the old certificates to be put back.
func (f *Recreate) Restore() bool { return f.again(modeRestore) }

func (f *Recreate) again(mode runMode) bool {
	if !f.CanResume() || mode == modeRestore && !f.CanRestore() {
		return false
	}
	f.run.mode = mode
	f.run.requested++
	if i := f.IndexOf(StepRecreateRun); f.index != i {
		f.index = i // no enter: the request is made
	}
	return true
}

// Log is the events kept, and the number of events told before the first
// of them.
func (f *Recreate) Log() (events []central.Event, skipped int) {
	return append([]central.Event(nil), f.run.events...), f.run.total - len(f.run.events)
}

// LogTotal is the number of events told so far.
func (f *Recreate) LogTotal() int { return f.run.total }

// StepDone and CurrentStep are the seven-step indicator's.
func (f *Recreate) StepDone(id central.StepID) bool { return f.run.done[id] }
func (f *Recreate) CurrentStep() central.StepID     { return f.run.current }

// Told records one event of the run, on the goroutine that owns the
// flow. A window calls it from the function it gave RunDue, a console
// straight away.
func (f *Recreate) Told(e central.Event) bool {
	r := &f.run
	if r.done == nil {
		r.done = map[central.StepID]bool{}
	}
	switch {
	case e.Kind == central.EventStep && e.Step.Number() > 0:
		// The steps before are done: in this run, or in the one it goes
		// on with.
		for _, id := range central.Steps[:e.Step.Number()-1] {
			r.done[id] = true
		}
		r.current = e.Step
	case e.Kind == central.EventStep:
		r.current = e.Step // the restore
	case e.Kind == central.EventDone && e.Step != "":
		r.done[e.Step] = true
	}
	r.events = append(r.events, e)
	if len(r.events) > MaxLogEvents {
		r.events = append(r.events[:0:0], r.events[len(r.events)-MaxLogEvents:]...)
	}
	r.total++
	return true
}

// RunDue is the run the run step waits for: the procedure, its
// resumption or the restore, once per request. onEvent is given each
// event on the procedure's goroutine (a window hands it to Told on its UI
// thread).
func (f *Recreate) RunDue(onEvent func(central.Event)) *Job[Ran] {
	r := &f.run
	if r.running || r.started == r.requested || r.mode == modeNone {
		return nil
	}
	r.started = r.requested
	r.running, r.err = true, nil
	opts := f.options(onEvent)
	open, ctx, mode := f.open, f.ctx(), r.mode
	rc := f.rc
	if mode == modeRun && rc != nil {
		rc.SetBackupPassword(f.backupPassword)
		rc.SetBackupDir(f.backupDir)
	}
	folder := ""
	if f.stopped != nil {
		folder = f.stopped.Folder
	}
	return &Job[Ran]{Rev: Rev(r.started), run: func() Ran {
		switch mode {
		case modeRun:
			if rc == nil {
				return Ran{Err: coded.New(central.CodeWindowsOnly, nil)}
			}
			res, err := rc.Run()
			return Ran{RC: rc, Result: res, Err: err}
		}
		node, err := open()
		if err != nil {
			return Ran{Err: err}
		}
		if mode == modeResume {
			rc, res, err := central.Resume(ctx, node, opts)
			return Ran{RC: rc, Result: res, Err: err}
		}
		res, err := central.Restore(ctx, node, folder, opts)
		if err != nil && res != nil && len(res.Parts) == 0 && !res.Exported && len(res.Started) == 0 {
			res = nil
		}
		return Ran{Restored: res, Err: err}
	}}
}

// ApplyRan stores how the run ended: done, stopped (where, and the state
// of the machine: Stopped), refused, or restored.
func (f *Recreate) ApplyRan(o Ran) bool {
	r := &f.run
	r.running = false
	r.err = o.Err
	if o.RC != nil && o.RC != r.rc {
		if r.rc != nil && r.rc != f.rc {
			_ = r.rc.Close()
		}
		r.rc = o.RC
	}
	switch {
	case r.mode == modeRestore:
		r.restored = o.Restored
		if o.Err == nil {
			r.result = nil
		}
	case o.Result != nil:
		r.result = o.Result
		if o.Result.Stopped != nil {
			st := *o.Result.Stopped
			f.stopped = &st
		}
	}
	if o.Err == nil && r.mode != modeRestore {
		f.stopped = nil
	}
	return true
}

// LogFolder is the procedure's folder (backup, journal, log), once known.
func (f *Recreate) LogFolder() string {
	switch {
	case f.run.result != nil:
		return f.run.result.Folder
	case f.run.restored != nil:
		return f.run.restored.Folder
	case f.stopped != nil:
		return f.stopped.Folder
	}
	return ""
}

// RootKind is what the verification said of the new root's kind (no
// basicConstraints, as on sites installed before mid-2019, or marked
// CA:TRUE: an info), or nil.
func (f *Recreate) RootKind() error {
	var out error
	for _, e := range f.run.events {
		if e.Step == central.StepVerify && e.Kind == central.EventInfo && e.Err != nil {
			out = e.Err
		}
	}
	return out
}
