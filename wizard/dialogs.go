package wizard

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// modal is a dialog the wizard opened (its own, or Fyne's file dialog).
// While one is open it owns the keyboard: Enter and Escape never reach
// the page beneath.
type modal interface {
	Show()
	Dismiss()
	SetOnClosed(func())
}

// openDialog shows d over the page and gives the focus to focus (the safe
// choice, so that Enter does what a careful user would do). Escape closes
// the dialog on top.
func (w *Wizard) openDialog(d modal, focus fyne.Focusable) {
	w.dialogs = append(w.dialogs, d)
	d.SetOnClosed(func() { w.dialogClosed(d) })
	d.Show()
	if focus != nil {
		w.win.Canvas().Focus(focus)
	}
}

// dialogClosed forgets a dialog once it is gone, however it was closed.
func (w *Wizard) dialogClosed(d modal) {
	for i := len(w.dialogs) - 1; i >= 0; i-- {
		if w.dialogs[i] == d {
			w.dialogs = append(w.dialogs[:i], w.dialogs[i+1:]...)
			return
		}
	}
}

// dialogOpen: a dialog owns the keyboard. An overlay the wizard did not
// open itself (a menu, a pop-up of Fyne's) counts too.
func (w *Wizard) dialogOpen() bool {
	return len(w.dialogs) > 0 || w.win.Canvas().Overlays().Top() != nil
}

// escape is the Escape key: it closes the dialog on top, else asks to
// leave the wizard.
func (w *Wizard) escape() {
	if n := len(w.dialogs); n > 0 {
		w.dialogs[n-1].Dismiss()
		return
	}
	if w.dialogOpen() {
		w.win.Canvas().Overlays().Top().Hide()
		return
	}
	w.askCancel()
}

// choiceDialog is a question with two answers. The safe one (stay, keep)
// has the focus, so Enter takes it unless the user moved to the other.
func (w *Wizard) choiceDialog(title string, content fyne.CanvasObject, confirm, dismiss string, onConfirm func()) (*dialog.CustomDialog, *button, *button) {
	d := dialog.NewCustomWithoutButtons(title, content, w.win)
	var yes, no *button
	no = newButton(w, dismiss, nil, func() { d.Hide() })
	yes = newButton(w, confirm, nil, func() {
		d.Hide()
		onConfirm()
	})
	yes.Importance = widget.HighImportance
	d.SetButtons([]fyne.CanvasObject{no, yes})
	return d, yes, no
}

// infoDialog says something and has one button, which has the focus.
func (w *Wizard) infoDialog(title string, content fyne.CanvasObject, ok string) (*dialog.CustomDialog, *button) {
	d := dialog.NewCustomWithoutButtons(title, content, w.win)
	b := newButton(w, ok, nil, func() { d.Hide() })
	d.SetButtons([]fyne.CanvasObject{b})
	return d, b
}

// dismissDialogs closes every dialog (before the pages are rebuilt in
// another language).
func (w *Wizard) dismissDialogs() {
	for len(w.dialogs) > 0 {
		n := len(w.dialogs)
		w.dialogs[n-1].Dismiss()
		if len(w.dialogs) == n { // one that cannot be closed from here
			w.dialogs = w.dialogs[:n-1]
		}
	}
}

// showError says, in a dialog, what could not be done.
func (w *Wizard) showError(err error) {
	d, ok := w.infoDialog(w.t("wizard.error.title"), wrapped(w.tr.Error(err)), w.t("wizard.ok"))
	w.openDialog(d, ok)
	d.Resize(fyne.NewSize(420, d.MinSize().Height))
}
