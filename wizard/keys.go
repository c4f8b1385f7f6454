package wizard

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// typedKey handles keys typed while no widget has the focus: Enter moves
// on, Escape asks to cancel. While a dialog is open it owns the keyboard:
// Escape closes it and Enter does nothing on the page beneath.
func (w *Wizard) typedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		if !w.dialogOpen() {
			w.Next()
		}
	case fyne.KeyEscape:
		w.escape()
	}
}

// entry is a text entry in which Enter means Next and Escape means Cancel,
// as in any installer: a focused widget receives the keys before the
// window does, so the entry has to pass them on.
type entry struct {
	widget.Entry
	w *Wizard
	// onEnter replaces Next for Enter (an entry in a dialog, or one whose
	// Enter runs something of its page); nil is Next.
	onEnter func()
}

func newEntry(w *Wizard, password bool) *entry {
	e := &entry{w: w}
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	if password {
		e.Password = true // ExtendBaseWidget adds the show/hide button
	}
	e.ExtendBaseWidget(e)
	e.OnSubmitted = func(string) {
		switch {
		case e.onEnter != nil:
			e.onEnter()
		case !w.dialogOpen():
			w.Next()
		}
	}
	return e
}

// TypedKey passes Escape on to the wizard.
func (e *entry) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape {
		e.w.escape()
		return
	}
	e.Entry.TypedKey(ev)
}
