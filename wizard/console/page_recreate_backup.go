package console

import (
	"qscert/wizard/flow"
)

// backup asks the folder and the password, then the password again.
func (c *recreate) backup() error {
	w, r := c.w, c.r
	c.header()
	fields := r.Step().Fields
	for {
		if err := c.ask(fields[:2]); err != nil {
			return err
		}
		if err := c.ask(fields[2:]); err != nil {
			return err
		}
		if key, params := r.FieldProblem(flow.FieldBackupRetype, r.Value(flow.FieldBackupRetype)); key != "" {
			w.out.marked(markError, w.t(key, params))
		}
		w.out.blank()
		a, err := c.navigate(w.t("console.change.choices"))
		if err != nil || a != actChange {
			return err
		}
	}
}
