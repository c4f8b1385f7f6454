package wizard

import (
	"sync"
	"time"
)

// background runs work off the UI thread (validation, install, connection
// test, DNS) so the window never freezes, then runs the function it
// returns on the UI thread, where widgets may be touched.
func (w *Wizard) background(work func() (apply func())) {
	w.jobs.Add(1)
	go func() {
		defer w.jobs.Done()
		if apply := work(); apply != nil {
			w.onUI(apply)
		}
	}()
}

// debouncer runs an action once input has paused, so that validation does
// not restart on every key typed. Each call to schedule supersedes the
// previous one; gen tells a late result from a current one.
type debouncer struct {
	w     *Wizard
	mu    sync.Mutex
	timer *time.Timer
	gen   int
}

// schedule runs action on the UI thread after the wizard's debounce delay
// and returns the generation it was scheduled as.
func (d *debouncer) schedule(action func(gen int)) int {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.gen++
	gen := d.gen
	if d.timer != nil && d.timer.Stop() {
		d.w.jobs.Done() // the superseded run will never happen
	}
	d.w.jobs.Add(1)
	d.timer = time.AfterFunc(d.w.debounce, func() {
		defer d.w.jobs.Done()
		d.w.onUI(func() { action(gen) })
	})
	return gen
}

// current reports whether gen is still the latest scheduled generation.
func (d *debouncer) current(gen int) bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	return gen == d.gen
}
