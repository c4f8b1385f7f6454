//go:build !windows

package wizard

// newPicker is Fyne's file dialog outside Windows.
func newPicker(w *Wizard) picker { return fynePicker{w: w} }
