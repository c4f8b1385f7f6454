package wizard

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"qscert/wizard/flow"
)

// fieldEntry is the entry that answers one of the flow's questions: it
// shows the field's current value, masks a secret, refuses what
// flow.Problem refuses, and gives every change to the flow, then calls
// changed.
func fieldEntry(w *Wizard, f flow.Field, changed func()) *entry {
	e := newEntry(w, f.Secret)
	if f.Placeholder != "" {
		e.SetPlaceHolder(w.t(f.Placeholder))
	}
	e.SetText(w.flow.Value(f.ID))
	// After SetText: the value proposed is not an answer to judge yet.
	if f.Validated {
		e.Validator = func(s string) error {
			if key, params := w.flow.FieldProblem(f.ID, s); key != "" {
				return textError(w.t(key, params))
			}
			return nil
		}
	}
	e.OnChanged = func(s string) {
		w.flow.Set(f.ID, s)
		changed()
	}
	return e
}

// fieldItem is the form row of a field: its label, its entry (or what
// holds it) and the hint under it.
func fieldItem(w *Wizard, f flow.Field, content fyne.CanvasObject) *widget.FormItem {
	key, params := w.flow.Hint(f.ID)
	return &widget.FormItem{Text: w.t(f.Label), Widget: content, HintText: w.t(key, params)}
}

// textError is an error whose text is already a translated sentence.
type textError string

func (e textError) Error() string { return string(e) }
