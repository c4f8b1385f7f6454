// Package wizard draws qscert's flows with Fyne: steps as data, a frame with
// Back / Next / Cancel, and one page per step. It asks package certs for
// everything that touches certificates.
package wizard

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"qscert/i18n"
)

// Wizard is the window's content.
type Wizard struct {
	tr      *i18n.Translator
	content *fyne.Container
}

// New builds the wizard in the given language ("" follows the system).
func New(lang string) *Wizard {
	w := &Wizard{tr: i18n.New(lang)}
	title := widget.NewLabelWithStyle(w.tr.T("wizard.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	w.content = container.NewVBox(title, widget.NewLabel(w.tr.T("wizard.coming")))
	return w
}

// Content is what the window shows.
func (w *Wizard) Content() fyne.CanvasObject { return w.content }
