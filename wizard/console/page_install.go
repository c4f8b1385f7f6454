package console

import (
	"fmt"

	"qscert/certs/install"
)

// install applies the plan, a line per step as it is done, then says how
// it ended: installed, or undone (what was put back, where the backup
// is). Ctrl+C waits for the end meanwhile, or stops the part that runs
// as another account, as the window's Stop does.
func (w *wizard) install() error {
	w.header()
	if !w.f.Installed() && w.f.InstallErr() == nil && w.f.Plan() != nil {
		w.out.para(w.t("wizard.install.status.running"))
	}
	w.installing.Store(true)
	w.f.RunDue(func(done, total int, s install.Step) {
		if w.childStep(s) {
			return
		}
		w.out.indented(fmt.Sprintf("  [%d/%d] ", done, total), "        ", w.stepText(s))
	})
	w.installing.Store(false)
	w.out.blank()
	f := w.f
	switch {
	case f.InstallErr() != nil:
		w.out.marked(markError, w.tr.Error(f.InstallErr()))
	case f.Installed() && f.Plan() != nil && f.Plan().Empty():
		w.out.marked(markOK, w.t("wizard.install.status.already"))
	case f.Installed():
		w.out.marked(markOK, w.t("wizard.install.status.done"))
	case f.Plan() == nil:
		w.out.marked(markError, w.t("wizard.install.status.noplan"))
	}
	w.out.blank()
	_, err := w.navigate("")
	return err
}

// stepText is one step of the plan: what was done where.
func (w *wizard) stepText(s install.Step) string {
	return w.t("wizard.install.step."+string(s.Kind), stepParams(w, s))
}
