package wizard

import (
	"fmt"

	"fyne.io/fyne/v2"

	"qscert/wizard/flow"
)

// TourRecreate walks flow B from the welcome page on the demo's (or
// --simulate's) simulated central node, as a trainer would: it chooses
// "Recreate", types a backup password twice and the node's name, lets the
// procedure run, redistributes to the rim nodes (showing the first
// password) and fills in an export, calling shot after each page has
// settled, numbered from first. It changes nothing but the simulated
// node. Call it from a goroutine, not the UI thread.
func (w *Wizard) TourRecreate(first int, shot func(name string)) {
	const password = "Training-2026"
	fyne.DoAndWait(func() {
		if p, ok := w.page().(*welcomePage); ok {
			p.flow.SetSelected(w.t("wizard.welcome.flow.recreate"))
		}
	})
	w.Wait()
	// The choice switches the flow through fyne.Do: what is queued after
	// it sees flow B.
	chosen := false
	fyne.DoAndWait(func() { chosen = w.recreating() })
	if !chosen {
		return
	}
	fyne.DoAndWait(w.Next)
	w.Wait()
	for i, s := range w.steps[1:] {
		fyne.DoAndWait(func() {
			switch p := w.page().(type) {
			case *recreateBackupPage:
				p.password.SetText(password)
				p.retype.SetText(password)
			case *recreateConfirmPage:
				p.host.SetText(w.recreate.Host())
			case *recreateNextPage:
				if w.recreate.AskRedistribute() {
					start(w, w.recreate.RedistributeDue(), w.recreate.ApplyRedistributed)
				}
			}
		})
		w.Wait()
		fyne.DoAndWait(func() {
			if p, ok := w.page().(*recreateNextPage); ok {
				p.reveal()
				p.entries[flow.FieldExportPassword].SetText(password)
				p.entries[flow.FieldExportRetype].SetText(password)
				w.refresh()
			}
		})
		w.Wait()
		shot(fmt.Sprintf("%d-%s", first+i, s.ID))
		if s.Last || !w.walk.CanNext() {
			return
		}
		fyne.DoAndWait(w.Next)
		w.Wait()
	}
}
