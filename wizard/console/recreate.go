package console

import (
	"errors"

	"qscert/certs/central"
	"qscert/wizard/flow"
)

// recreate is flow B in the terminal: the same steps as the window's,
// asked with the same words. The console walks it instead of the install
// flow once chosen on the welcome page, or when a stopped procedure is
// taken up when the wizard starts.
type recreate struct {
	w *wizard
	r *flow.Recreate
}

// startRecreate switches the console to flow B. With an action, the
// stopped procedure's step is shown at once, with that choice.
func (w *wizard) startRecreate(action flow.RecreateAction) {
	r := flow.NewRecreate(w.deps, w.f.Lang())
	w.rec = &recreate{w: w, r: r}
	if action != "" && r.Stopped() != nil {
		r.SetAction(action)
		r.Next()
	}
}

// offerUnfinished says that a recreate procedure was stopped and asks
// what to do: go on, restore, or later (nothing is done without a word).
func (w *wizard) offerUnfinished() error {
	rd := w.deps.Recreate
	if rd == nil || rd.Unfinished == nil {
		return nil
	}
	st := rd.Unfinished
	w.out.blank()
	w.out.heading(w.t("wizard.recreate.unfinished.title"))
	w.out.marked(markWarning, w.tr.Code(central.CodeStopped, st.Params()))
	opts := []choice{{"later", w.t("wizard.recreate.unfinished.later")}, {string(flow.ActionResume), w.t("wizard.recreate.resume")}}
	if st.Changed {
		opts = append(opts, choice{string(flow.ActionRestore), w.t("wizard.recreate.restore")})
	}
	a, err := w.p.choose(w.t("console.what-next"), opts, "later")
	if errors.Is(err, errAborted) {
		return nil
	}
	if err != nil || a == "later" {
		return err
	}
	w.startRecreate(flow.RecreateAction(a))
	return nil
}

// page shows flow B's current step.
func (c *recreate) page() error {
	switch c.r.Step().ID {
	case flow.StepWelcome:
		// Back to the welcome page: the choice of flow is made again.
		c.w.rec = nil
		return nil
	case flow.StepRecreateCheck:
		return c.check()
	case flow.StepRecreateStopped:
		return c.stopped()
	case flow.StepRecreateBackup:
		return c.backup()
	case flow.StepRecreateConfirm:
		return c.confirm()
	case flow.StepRecreateRun:
		return c.run()
	case flow.StepRecreateVerify:
		return c.verify()
	case flow.StepRecreateRestart:
		return c.restart()
	case flow.StepRecreateNext:
		return c.next()
	}
	c.header()
	_, err := c.navigate("")
	return err
}

// header opens a step, as the install flow's does.
func (c *recreate) header() {
	w := c.w
	steps, i := c.r.Steps(), c.r.Index()
	pos := w.t("wizard.position.last", map[string]string{"n": itoa(i + 1), "total": itoa(len(steps))})
	if i+1 < len(steps) {
		pos = w.t("wizard.position.next", map[string]string{"n": itoa(i + 1), "total": itoa(len(steps)), "next": w.t(steps[i+1].Name)})
	}
	w.out.position(pos)
	w.out.heading(w.t(c.r.Title()))
	w.out.para(w.t(steps[i].Intro))
	if dir := c.r.Simulated(); dir != "" {
		w.out.marked(markNote, w.t("wizard.recreate.simulated", map[string]string{"folder": dir}))
	}
	w.out.blank()
}

// navigate is the step's menu: Next under its label when allowed, the
// extra choices, change (ask the questions again), Back, Cancel.
func (c *recreate) navigate(changeLabel string, extra ...choice) (string, error) {
	return c.w.menu(c.r, c.leave, changeLabel, extra...)
}

// leave is Cancel, with the flow's words: what state a stopped procedure
// leaves the machine in.
func (c *recreate) leave() error {
	w, r := c.w, c.r
	switch r.Leaving() {
	case flow.LeaveRefused:
		w.out.marked(markNote, w.t("wizard.recreate.cancel.busy"))
		return nil
	case flow.LeaveAtOnce:
		r.Quit()
		return nil
	}
	w.out.blank()
	w.out.para(w.t(r.CancelQuestion()))
	a, err := w.p.choose(w.t("wizard.cancel.title"), []choice{
		{"stay", w.t("wizard.cancel.stay")}, {"leave", w.t("wizard.cancel.confirm")},
	}, "stay")
	if errors.Is(err, errAborted) {
		a, err = "leave", nil
	}
	if err != nil {
		return err
	}
	if a == "leave" {
		r.Quit()
	}
	return nil
}

// ask asks flow B's questions (those Asks allows), as askFields does for
// the install flow: its words, what it proposes, what it refuses.
func (c *recreate) ask(fields []flow.Field) error {
	w, r := c.w, c.r
	var due []flow.Field
	for _, fd := range fields {
		if r.Asks(fd.ID) {
			due = append(due, fd)
		}
	}
	if len(due) == 0 {
		return nil
	}
	values := make([]string, len(due))
	qs := make([]question, len(due))
	for i, fd := range due {
		values[i] = r.Value(fd.ID)
		key, params := r.Hint(fd.ID)
		q := question{Title: w.t(fd.Label), Hint: w.t(key, params), Value: &values[i], Secret: fd.Secret}
		if fd.Placeholder != "" {
			q.Placeholder = w.t(fd.Placeholder)
		}
		if fd.Validated {
			id := fd.ID
			q.Check = func(v string) error {
				if key, params := r.FieldProblem(id, v); key != "" {
					return errors.New(w.t(key, params))
				}
				return nil
			}
		}
		qs[i] = q
	}
	if err := w.p.ask(qs); err != nil {
		return err
	}
	for i, fd := range due {
		v := values[i]
		if fd.ID == flow.FieldBackupDir {
			v = unquote(v)
		}
		if v != r.Value(fd.ID) {
			r.Set(fd.ID, v)
		}
		if w.term.Mode == Forms {
			w.echoAnswer(fd, v)
		}
	}
	return nil
}
