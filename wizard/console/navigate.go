package console

import (
	"qscert/wizard/flow"
)

// header opens a step: where the user is, its title and its intro.
func (w *wizard) header() {
	steps, i := w.f.Steps(), w.f.Index()
	pos := w.t("wizard.position.last", map[string]string{"n": itoa(i + 1), "total": itoa(len(steps))})
	if i+1 < len(steps) {
		pos = w.t("wizard.position.next", map[string]string{"n": itoa(i + 1), "total": itoa(len(steps)), "next": w.t(steps[i+1].Name)})
	}
	w.out.position(pos)
	s := steps[i]
	w.out.heading(w.t(s.Title))
	w.out.para(w.t(s.Intro))
	w.out.blank()
}

// The actions of a step's menu.
const (
	actNext   = "next"
	actChange = "change"
	actBack   = "back"
	actCancel = "cancel"
)

// navigate asks what next: Next (under the step's own label) when the
// step has what it needs, change (under changeLabel, when not empty: ask
// the step's questions again), Back when allowed, and Cancel except on the
// last step, where Finish ends anyway. It follows the choice, and returns
// it; after Next, Back or Cancel the flow is elsewhere (or done).
func (w *wizard) navigate(changeLabel string, extra ...choice) (string, error) {
	return w.menu(w.f, w.leave, changeLabel, extra...)
}

// stepper is a flow as a step's menu moves it: the install flow, or flow
// B (recreate.navigate).
type stepper interface {
	Step() flow.Step
	CanNext() bool
	CanBack() bool
	Next() bool
	Back() bool
}

// menu is navigate over any flow, leave being its Cancel.
func (w *wizard) menu(f stepper, leave func() error, changeLabel string, extra ...choice) (string, error) {
	s := f.Step()
	var opts []choice
	if f.CanNext() {
		opts = append(opts, choice{actNext, w.t(s.NextLabel)})
	}
	opts = append(opts, extra...)
	if changeLabel != "" {
		opts = append(opts, choice{actChange, changeLabel})
	}
	if f.CanBack() {
		opts = append(opts, choice{actBack, w.t("wizard.back")})
	}
	if !s.Last {
		opts = append(opts, choice{actCancel, w.t("wizard.cancel")})
	}
	a, err := w.p.choose(w.t("console.what-next"), opts, opts[0].Key)
	if err != nil {
		return "", err
	}
	switch a {
	case actNext:
		if s.Last {
			w.end = Finished
		}
		f.Next()
	case actBack:
		f.Back()
	case actCancel:
		return a, leave()
	}
	return a, nil
}

// leave is Cancel: at once where nothing would be lost, otherwise after
// asking, with the window's words.
func (w *wizard) leave() error {
	if w.rec != nil {
		return w.rec.leave()
	}
	switch w.f.Leaving() {
	case flow.LeaveRefused:
		w.out.marked(markNote, w.t("wizard.cancel.busy"))
		return nil
	case flow.LeaveAtOnce:
		w.f.Quit()
		return nil
	}
	question := w.t("wizard.cancel.question")
	if w.f.Installed() {
		question = w.t("wizard.cancel.question.installed")
	}
	w.out.blank()
	w.out.para(question)
	a, err := w.p.choose(w.t("wizard.cancel.title"), []choice{
		{"stay", w.t("wizard.cancel.stay")}, {"leave", w.t("wizard.cancel.confirm")},
	}, "stay")
	if err == errAborted {
		// Ctrl+C at the question itself: the user insists.
		a, err = "leave", nil
	}
	if err != nil {
		return err
	}
	if a == "leave" {
		w.f.Quit()
	}
	return nil
}
