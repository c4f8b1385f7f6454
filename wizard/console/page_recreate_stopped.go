package console

import (
	"qscert/certs/central"
	"qscert/wizard/flow"
)

// stopped is the step of a procedure that was stopped: where it stands,
// go on or restore, the backup's password.
func (c *recreate) stopped() error {
	w, r := c.w, c.r
	c.header()
	if st := r.Stopped(); st != nil {
		w.out.marked(markWarning, w.tr.Code(central.CodeStopped, st.Params()))
		w.out.item(w.t("wizard.recreate.stopped.started", st.Params()))
		w.out.blank()
	}
	for {
		resume := choice{string(flow.ActionResume), w.t("wizard.recreate.stopped.resume", r.Stopped().Params())}
		if r.RedoFromDelete() {
			resume.Label = w.t("wizard.recreate.stopped.redo") + w.out.colon + w.t("wizard.recreate.run.redo.hint")
		}
		opts := []choice{resume}
		if r.Stopped().Changed {
			opts = append(opts, choice{string(flow.ActionRestore), w.t("wizard.recreate.stopped.restore")})
		}
		a, err := w.p.choose(w.t("wizard.recreate.stopped.action"), opts, string(r.Action()))
		if err != nil {
			return err
		}
		r.SetAction(flow.RecreateAction(a))
		if err := c.ask(r.Step().Fields); err != nil {
			return err
		}
		w.out.blank()
		a, err = c.navigate(w.t("console.change.choices"))
		if err != nil || a != actChange {
			return err
		}
	}
}
