package wizard

import (
	"fmt"

	"fyne.io/fyne/v2"
)

// Tour walks the flow's pages from the first, as a user of the demo
// would: it types the demo password, installs, and tests the connection,
// calling shot after each page has settled. `make screenshots` runs it in
// the real program (QSCERT_SCREENSHOT_DIR), just after the window opened.
// Call it from a goroutine, not the UI thread.
func (w *Wizard) Tour(shot func(name string)) {
	for i, s := range w.steps {
		fyne.DoAndWait(func() {
			if p, ok := w.page().(touredPage); ok {
				p.tour()
			}
		})
		w.Wait()
		shot(fmt.Sprintf("%d-%s", i+1, s.ID))
		if p, ok := w.page().(moreShots); ok {
			p.moreShots(func(name string) { shot(fmt.Sprintf("%d-%s-%s", i+1, s.ID, name)) })
		}
		if s.Last {
			return
		}
		fyne.DoAndWait(w.Next)
		w.Wait()
	}
}

// touredPage is a page on which the tour does something before the
// picture: what a user of the demo would do there.
type touredPage interface {
	tour()
}

// tour types the demo's password, which the page shows.
func (p *filesPage) tour() {
	if d := p.w.flow.Demo(); d != nil && p.password.Text == "" {
		p.password.SetText(d.Password)
	}
}

// tour gives Next the focus, so that the picture shows its focus ring.
func (p *welcomePage) tour() { p.w.win.Canvas().Focus(p.w.frame.next) }

// TourRestore walks the restore flow from the welcome page, as a user of
// the demo would after an install: it chooses "Restore a backup", takes
// the latest backup (the tour's install made it), types its password (the
// demo export's, which the install reused) and restores, calling shot
// after each page has settled, numbered after the install's.
func (w *Wizard) TourRestore(first int, shot func(name string)) {
	fyne.DoAndWait(func() {
		if p, ok := w.page().(*welcomePage); ok {
			p.flow.SetSelected(w.t("wizard.welcome.flow.restore"))
		}
	})
	w.Wait()
	fyne.DoAndWait(w.Next)
	w.Wait()
	for i, s := range w.steps[1:] {
		fyne.DoAndWait(func() {
			if p, ok := w.page().(*restoreBackupPage); ok && p.password.Text == "" {
				if d := w.flow.Demo(); d != nil {
					p.password.SetText(d.Password)
				}
			}
		})
		w.Wait()
		shot(fmt.Sprintf("%d-%s", first+i, s.ID))
		if s.Last {
			return
		}
		fyne.DoAndWait(w.Next)
		w.Wait()
	}
}
