//go:build cgo

package app

import (
	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"qscert/i18n"
	"qscert/wizard"
)

// runGUI opens the wizard window and returns when it is closed.
func runGUI(env *Env, args []string) int {
	if err := i18n.Register(); err != nil {
		fyne.LogError("loading translations", err)
	}
	fyneapp.SetMetadata(fyne.AppMetadata{
		ID:         "com.qscert.wizard",
		Name:       "qscert",
		Version:    Version,
		Migrations: map[string]bool{"fyneDo": true},
	})
	a := fyneapp.New()
	wiz := wizard.New("")
	w := a.NewWindow(i18n.New("").T("wizard.title"))
	w.SetContent(wiz.Content())
	w.Resize(fyne.NewSize(800, 600))
	w.ShowAndRun()
	return ExitOK
}
