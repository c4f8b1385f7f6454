package wizard

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// oldPage lists the certificates this install replaces. (Filled in when
// the install plan lands in certs.)
type oldPage struct {
	w       *Wizard
	content fyne.CanvasObject
}

func newOldPage(w *Wizard) *oldPage {
	return &oldPage{w: w, content: widget.NewLabel("")}
}

func (p *oldPage) view() fyne.CanvasObject { return p.content }
func (p *oldPage) ready() bool             { return true }
func (p *oldPage) enter()                  {}
