package wizard

import (
	"net/url"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// showAbout is the About box: the program, its version (what a support
// engineer asks first), where the help is, and the command line for
// scripts.
func (w *Wizard) showAbout() {
	if w.dialogOpen() {
		return
	}
	content := container.NewVBox(
		heading(w.t("wizard.product")),
		widget.NewLabel(w.t("wizard.about.version", map[string]string{"version": orDash(w, w.flow.Version())})),
		wrapped(w.t("wizard.about.what")),
	)
	if u, err := url.Parse(w.flow.HelpURL()); err == nil && u.Scheme == "https" {
		// A button, not Fyne's hyperlink: that one takes neither Enter
		// nor Escape when it has the focus.
		help := newButton(w, w.t("wizard.about.help"), theme.HelpIcon(), func() {
			if err := w.openURL(u); err != nil {
				w.showError(err)
			}
		})
		help.Importance = widget.LowImportance
		w.aboutHelp = help
		content.Add(container.NewHBox(help))
	}
	content.Add(wrapped(w.t("wizard.about.cli")))
	d, ok := w.infoDialog(w.t("wizard.about.title"), content, w.t("wizard.ok"))
	w.openDialog(d, ok)
	d.Resize(fyne.NewSize(480, d.MinSize().Height))
}

// aboutButton opens the About box; it sits under the steps.
func aboutButton(w *Wizard) *button {
	b := newButton(w, w.t("wizard.about"), theme.InfoIcon(), w.showAbout)
	b.Importance = widget.LowImportance
	return b
}
