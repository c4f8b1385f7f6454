package wizard

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// installPage applies the plan. (Filled in when the install plan lands.)
type installPage struct {
	w       *Wizard
	content fyne.CanvasObject
}

func newInstallPage(w *Wizard) *installPage {
	return &installPage{w: w, content: widget.NewLabel("")}
}

func (p *installPage) view() fyne.CanvasObject { return p.content }
func (p *installPage) ready() bool             { return true }
func (p *installPage) enter()                  {}
func (p *installPage) running() bool           { return false }
func (p *installPage) failed() bool            { return false }
