package wizard

import (
	"fmt"

	"fyne.io/fyne/v2"
)

// Tour walks the flow's pages as a user of the demo would: it types the
// demo password, installs, and tests the connection, calling shot after
// each page has settled. `make screenshots` runs it in the real program
// (QSCERT_SCREENSHOT_DIR). Call it from a goroutine, not the UI thread.
func (w *Wizard) Tour(shot func(name string)) {
	var steps []*step
	fyne.DoAndWait(func() {
		w.show(0)
		steps = w.steps
	})
	for i, s := range steps {
		fyne.DoAndWait(func() { w.tourPrepare(s.id) })
		w.Wait()
		shot(fmt.Sprintf("%d-%s", i+1, s.id))
		if s.last {
			return
		}
		fyne.DoAndWait(func() { w.frame.next.OnTapped() })
		w.Wait()
	}
}

// tourPrepare fills in what the user would on page id.
func (w *Wizard) tourPrepare(id string) {
	switch id {
	case "files":
		if d := w.deps.Demo; d != nil && w.pageFiles().password.Text == "" {
			w.pageFiles().password.SetText(d.Password)
		}
	case "done":
		if w.pageDone().test != nil && !w.pageDone().test.Disabled() {
			w.pageDone().test.OnTapped()
		}
	}
}
