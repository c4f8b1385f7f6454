package wizard

import (
	"fyne.io/fyne/v2"

	"qscert/wizard/flow"
)

// askCancel is Cancel, Escape and the window's close button. Where nothing
// would be lost (the welcome page, the end) it closes at once; otherwise it
// asks first. While an install runs it refuses: stopping halfway is what
// the rollback exists to avoid. With a dialog open, the dialog is answered
// first: a second one never opens over it.
func (w *Wizard) askCancel() {
	if w.dialogOpen() {
		return
	}
	switch w.walk.Leaving() {
	case flow.LeaveRefused:
		title, busy := w.t("wizard.cancel.busy.title"), w.t("wizard.cancel.busy")
		if w.recreating() {
			title, busy = w.t("wizard.recreate.cancel.busy.title"), w.t("wizard.recreate.cancel.busy")
		}
		d, ok := w.infoDialog(title, wrapped(busy), w.t("wizard.ok"))
		w.openDialog(d, ok)
		d.Resize(fyne.NewSize(420, d.MinSize().Height))
		return
	case flow.LeaveAtOnce:
		w.walk.Quit()
		return
	}
	msg := wrapped(w.t("wizard.cancel.question"))
	switch {
	case w.recreating():
		msg.SetText(w.t(w.recreate.CancelQuestion()))
	case w.restoring() && w.walk.Changed():
		msg.SetText(w.t("wizard.cancel.question.restored"))
	case w.restoring():
		msg.SetText(w.t("wizard.cancel.question.restore"))
	case w.walk.Changed():
		msg.SetText(w.t("wizard.cancel.question.installed"))
	}
	d, _, stay := w.choiceDialog(w.t("wizard.cancel.title"), msg, w.t("wizard.cancel.confirm"), w.t("wizard.cancel.stay"), w.walk.Quit)
	w.openDialog(d, stay)
	d.Resize(fyne.NewSize(420, d.MinSize().Height+msg.MinSize().Height))
}
