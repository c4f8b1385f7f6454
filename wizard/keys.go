package wizard

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// typedKey handles keys typed while no widget has the focus: Enter moves
// on, Escape asks to cancel.
func (w *Wizard) typedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		w.Next()
	case fyne.KeyEscape:
		w.askCancel()
	}
}

// entry is a text entry in which Enter means Next and Escape means Cancel,
// as in any installer: a focused widget receives the keys before the
// window does, so the entry has to pass them on.
type entry struct {
	widget.Entry
	w *Wizard
}

func newEntry(w *Wizard, password bool) *entry {
	e := &entry{w: w}
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	if password {
		e.Password = true // ExtendBaseWidget adds the show/hide button
	}
	e.ExtendBaseWidget(e)
	e.OnSubmitted = func(string) { w.Next() }
	return e
}

// TypedKey passes Escape on to the wizard.
func (e *entry) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape {
		e.w.askCancel()
		return
	}
	e.Entry.TypedKey(ev)
}
