package wizard

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"qscert/wizard/flow"
)

// askCancel is Cancel, Escape and the window's close button. Where nothing
// would be lost (the welcome page, the end) it closes at once; otherwise it
// asks first. While an install runs it refuses: stopping halfway is what
// the rollback exists to avoid.
func (w *Wizard) askCancel() {
	switch w.flow.Leaving() {
	case flow.LeaveRefused:
		dialog.ShowInformation(w.t("wizard.cancel.busy.title"), w.t("wizard.cancel.busy"), w.win)
		return
	case flow.LeaveAtOnce:
		w.flow.Quit()
		return
	}
	msg := widget.NewLabel(w.t("wizard.cancel.question"))
	if w.flow.Installed() {
		msg.SetText(w.t("wizard.cancel.question.installed"))
	}
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm(w.t("wizard.cancel.title"), w.t("wizard.cancel.confirm"), w.t("wizard.cancel.stay"), msg,
		func(leave bool) {
			if leave {
				w.flow.Quit()
			}
		}, w.win)
	d.Show()
	d.Resize(fyne.NewSize(420, d.MinSize().Height+msg.MinSize().Height))
}
