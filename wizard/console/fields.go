package console

import (
	"errors"

	"qscert/wizard/flow"
)

// askFields asks a step's questions, as the flow lists them: its words,
// the value it proposes, the hint under it, what it refuses. Only answers
// that changed are given to the flow (each is a new revision, which
// makes the check or the plan stale).
//
// A question the flow asks only after another one's answer (the backup
// password again, once a new one was typed: Install.Asks) is asked next,
// on its own.
func (w *wizard) askFields(fields []flow.Field) error {
	var now, after []flow.Field
	for _, fd := range fields {
		if fd.ID == flow.FieldBackupRetype {
			after = append(after, fd)
		} else {
			now = append(now, fd)
		}
	}
	if err := w.askNow(now); err != nil {
		return err
	}
	var due []flow.Field
	for _, fd := range after {
		if w.f.Asks(fd.ID) {
			due = append(due, fd)
		}
	}
	if len(due) == 0 {
		return nil
	}
	return w.askNow(due)
}

func (w *wizard) askNow(fields []flow.Field) error {
	values := make([]string, len(fields))
	qs := make([]question, len(fields))
	for i, fd := range fields {
		values[i] = w.f.Value(fd.ID)
		key, params := w.f.Hint(fd.ID)
		q := question{Title: w.t(fd.Label), Hint: w.t(key, params), Value: &values[i], Secret: fd.Secret}
		if fd.Placeholder != "" {
			q.Placeholder = w.t(fd.Placeholder)
		}
		if fd.Validated {
			id := fd.ID
			q.Check = func(v string) error {
				if key, params := w.f.FieldProblem(id, v); key != "" {
					return errors.New(w.t(key, params))
				}
				return nil
			}
		}
		// An empty answer cannot be the backup password: Enter keeps the
		// one proposed. The export's password may be empty.
		key, _ = flow.Problem(fd.ID, "")
		q.KeepIfEmpty = fd.Secret && key != ""
		qs[i] = q
	}
	if err := w.p.ask(qs); err != nil {
		return err
	}
	for i, fd := range fields {
		v := values[i]
		if isPath(fd.ID) {
			v = unquote(v)
		}
		if v != w.f.Value(fd.ID) {
			w.f.Set(fd.ID, v)
		}
		if w.term.Mode == Forms {
			w.echoAnswer(fd, v)
		}
	}
	return nil
}

// echoAnswer prints an answer given in a form, which vanishes once
// answered; never a password, only whether one was given.
func (w *wizard) echoAnswer(fd flow.Field, v string) {
	switch {
	case fd.Secret && v != "":
		v = w.t("console.secret.given")
	case fd.Secret:
		v = w.t("console.secret.empty")
	case v == "":
		v = "—"
	}
	w.out.field(w.t(fd.Label), v)
}

func isPath(id flow.FieldID) bool { return id == flow.FieldFolder || id == flow.FieldBackupDir }
