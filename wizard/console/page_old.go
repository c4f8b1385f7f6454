package console

import (
	"qscert/assets/i18n"
	"qscert/certs/install"
	"qscert/wizard/flow"
)

// old shows what the stores hold that this install replaces, asks which to
// replace (all of the site's older certificates, unless the user keeps
// some) and, when any is removed, the backup folder and password; then the
// plan, or why there is none.
func (w *wizard) old() error {
	w.header()
	if w.f.Planning() {
		w.out.para(w.t("wizard.old.status.checking"))
	}
	w.f.RunDue(nil)
	replaced := w.showFound()
	for {
		if len(replaced) > 0 {
			if err := w.pickReplaced(replaced); err != nil {
				return err
			}
		}
		if w.f.Removing() {
			w.out.blank()
			w.out.heading(w.t("wizard.old.backup"))
			if err := w.askFields(w.f.Step().Fields); err != nil {
				return err
			}
		}
		if w.f.Planning() {
			w.out.para(w.t("wizard.old.status.checking"))
		}
		w.f.RunDue(nil)
		w.out.blank()
		w.showPlan()
		w.out.blank()
		change := ""
		if len(replaced) > 0 || w.f.Removing() {
			change = w.t("console.change.choices")
		}
		a, err := w.navigate(change)
		if err != nil || a != actChange {
			return err
		}
	}
}

// showFound lists the certificates found, the ones the install replaces
// first, and returns those.
func (w *wizard) showFound() []install.Found {
	var replaced, same, other []install.Found
	for _, fd := range w.f.Found() {
		switch fd.Class {
		case install.ClassReplaced:
			replaced = append(replaced, fd)
		case install.ClassSame:
			same = append(same, fd)
		case install.ClassOtherSite:
			other = append(other, fd)
		}
	}
	if len(replaced) > 0 {
		w.out.blank()
		w.out.heading(w.t("wizard.old.replaced"))
		for _, fd := range replaced {
			w.out.bullet(w.describe(fd, "wizard.old.cert"))
		}
	}
	if len(same)+len(other) > 0 {
		w.out.blank()
		w.out.heading(w.t("wizard.old.kept"))
		for _, fd := range same {
			w.out.bullet(w.t("wizard.old.same") + w.out.colon + w.describe(fd, "wizard.old.cert"))
		}
		for _, fd := range other {
			w.out.bullet(w.t("wizard.old.other-site") + w.out.colon + w.describe(fd, "wizard.old.cert"))
		}
	}
	return replaced
}

// pickReplaced asks which of the site's older certificates to replace;
// the others are kept.
func (w *wizard) pickReplaced(replaced []install.Found) error {
	var opts []choice
	var selected []string
	for _, fd := range replaced {
		tp := fd.Thumbprint()
		opts = append(opts, choice{tp, w.describe(fd, "console.old.pick")})
		if !w.f.Keeps(tp) {
			selected = append(selected, tp)
		}
	}
	w.out.blank()
	picked, err := w.p.pick(w.t("console.old.which"), opts, selected)
	if err != nil {
		return err
	}
	chosen := map[string]bool{}
	for _, tp := range picked {
		chosen[tp] = true
	}
	for _, fd := range replaced {
		tp := fd.Thumbprint()
		if keep := !chosen[tp]; keep != w.f.Keeps(tp) {
			w.f.SetKeep(tp, keep)
		}
	}
	return nil
}

// describe is one certificate found in a store, in the sentence key.
func (w *wizard) describe(fd install.Found, key string) string {
	return w.t(key, map[string]string{
		"role": i18n.Capitalise(w.t("role." + string(fd.Role))), "subject": fd.Cert.Subject.String(),
		"location": fd.Location.String(), "until": fd.Cert.NotAfter.UTC().Format(dateFormat),
		"thumbprint": fd.Thumbprint(),
	})
}

// showPlan says what the install will do, or why it cannot, and the
// plan's notes.
func (w *wizard) showPlan() {
	plan := w.f.Plan()
	switch {
	case w.f.PlanErr() != nil:
		w.out.marked(markError, w.tr.Error(w.f.PlanErr()))
	case plan == nil:
		w.out.marked(markError, w.t("wizard.install.status.noplan"))
		return
	case plan.Empty():
		w.out.marked(markOK, w.t("wizard.old.status.nothing"))
	default:
		w.out.marked(markNote, flow.PlanSummary(w.tr, plan))
	}
	if plan != nil {
		w.accountPlan(plan)
		for _, n := range plan.Notes {
			w.finding("", n)
		}
	}
}
