package console

import (
	"qscert/certs/central"
)

// run runs the procedure (or goes on with it, or restores it), a line per
// event as it comes; Ctrl+C waits for the end meanwhile.
func (c *recreate) run() error {
	w, r := c.w, c.r
	c.header()
	busy := w.t("wizard.recreate.cancel.busy")
	w.busy.Store(&busy)
	w.installing.Store(true)
	r.RunDueNow(c.event)
	w.installing.Store(false)
	w.out.blank()
	switch {
	case r.Restored() && r.RestoreResult().Nothing:
		w.out.marked(markOK, w.t("wizard.recreate.run.status.nothing"))
	case r.Restored():
		w.out.marked(markOK, w.t("wizard.recreate.run.status.restored"))
	case r.Done():
		w.out.marked(markOK, w.t("wizard.recreate.run.status.done"))
	case r.RunErr() != nil:
		w.out.marked(markError, w.tr.Error(r.RunErr()))
	}
	if dir := r.LogFolder(); dir != "" {
		w.out.field(w.t("wizard.recreate.run.folder"), dir)
	}
	w.out.blank()
	a, err := c.navigate("", c.stopChoices()...)
	c.follow(a)
	return err
}

// event prints one event of the run.
func (c *recreate) event(e central.Event) {
	w := c.w
	text := e.Sentence(w.tr)
	switch e.Kind {
	case central.EventStep:
		w.out.blank()
		w.out.heading(text)
	case central.EventOutput:
		w.out.indented("    | ", "      ", text)
	case central.EventWarning:
		w.out.markedIndent("  ", markWarning, text)
	case central.EventError:
		w.out.markedIndent("  ", markError, text)
	default:
		w.out.item(text)
	}
}

// stopChoices are Go on (or Redo from step 3) and Restore, after a stop.
func (c *recreate) stopChoices() []choice {
	w, r := c.w, c.r
	if !r.CanResume() {
		return nil
	}
	resume := choice{"resume", w.t("wizard.recreate.resume")}
	if r.RedoFromDelete() {
		resume.Label = w.t("wizard.recreate.redo")
	}
	out := []choice{resume}
	if r.CanRestore() {
		out = append(out, choice{"restore", w.t("wizard.recreate.restore")})
	}
	return out
}

// follow does what a stop's menu chose: the flow returns to the run
// step, which the main loop shows next.
func (c *recreate) follow(a string) {
	switch a {
	case "resume":
		c.r.Resume()
	case "restore":
		c.r.Restore()
	}
}
