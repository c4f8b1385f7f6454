package wizard

import (
	"sync"
	"time"

	"qscert/wizard/flow"
)

// start runs a job of the flow off the UI thread (files, stores, the
// network, DNS) so the window never freezes, then hands its outcome to
// apply on the UI thread and redraws. apply drops an outcome whose inputs
// changed meanwhile: that is the flow's revision check, the only one.
func start[R any](w *Wizard, job *flow.Job[R], apply func(R) bool) {
	if job == nil {
		return
	}
	w.jobs.Add(1)
	go func() {
		defer w.jobs.Done()
		out := job.Run()
		w.onUI(func() {
			apply(out)
			w.refresh()
		})
	}()
}

// debouncer runs an action once input has paused, so that a check does
// not restart on every key typed. Each call to schedule supersedes the
// previous one. A superseded action that fired anyway does no harm: what
// it starts is for the inputs as they are then, and a job that is already
// running or done for them is not started again.
type debouncer struct {
	w     *Wizard
	mu    sync.Mutex
	timer *time.Timer
}

// schedule runs action on the UI thread after the wizard's debounce delay.
func (d *debouncer) schedule(action func()) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.timer != nil && d.timer.Stop() {
		d.w.jobs.Done() // the superseded run will never happen
	}
	d.w.jobs.Add(1)
	d.timer = time.AfterFunc(d.w.debounce, func() {
		defer d.w.jobs.Done()
		d.w.onUI(action)
	})
}
