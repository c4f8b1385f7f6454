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

// tour tests the connection.
func (p *donePage) tour() {
	if !p.test.Disabled() {
		p.test.OnTapped()
	}
}
