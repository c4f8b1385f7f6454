package wizard

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"qscert/wizard/flow"
)

// elevationRow says whether the program runs as administrator and, when it
// does not and can be restarted so, offers "Restart as administrator". It
// is empty in demo mode, whose sandbox needs no rights.
func (w *Wizard) elevationRow() fyne.CanvasObject {
	if w.deps.Demo != nil || (w.deps.Store == nil && w.deps.StoreErr == nil) {
		return container.NewVBox()
	}
	if w.deps.Elevated {
		row, _ := messageRow(theme.NewSuccessThemedResource(theme.ConfirmIcon()), w.t("wizard.welcome.elevated"), widget.MediumImportance)
		return row
	}
	row, _ := messageRow(theme.NewWarningThemedResource(theme.WarningIcon()), w.t("wizard.welcome.not-elevated"), widget.MediumImportance)
	if b := w.elevateButton(); b != nil {
		return container.NewVBox(row, b)
	}
	return row
}

// elevateButton is "Restart as administrator", or nil where the program
// cannot be restarted so (not Windows).
func (w *Wizard) elevateButton() fyne.CanvasObject {
	if w.deps.RestartElevated == nil {
		return nil
	}
	b := newButton(w, w.t("wizard.elevate"), theme.WarningIcon(), w.restartElevated)
	hint := widget.NewLabel(w.t("wizard.elevate.hint"))
	hint.Wrapping = fyne.TextWrapWord
	hint.SizeName = theme.SizeNameCaptionText
	return container.NewVBox(container.NewHBox(b), hint)
}

// restartElevated starts the program again as administrator in the flow
// chosen, with the folder, host and language typed so far, never a
// password, and quits; on a refusal (the user said No to the prompt) it
// says so and stays.
func (w *Wizard) restartElevated() {
	err := w.deps.RestartElevated(flow.Restart{
		Flow:   w.flowName(),
		Folder: w.flow.Value(flow.FieldFolder),
		Host:   w.flow.Value(flow.FieldHost),
		Lang:   w.Lang(),
	})
	if err != nil {
		w.showError(err)
		return
	}
	w.deps.Quit()
}

// showNotices says, once the window is up, what the program did before it
// (a change a killed qscert had left unfinished, finished).
func (w *Wizard) showNotices() {
	if len(w.deps.Notices) == 0 {
		return
	}
	box := container.NewVBox()
	for _, n := range w.deps.Notices {
		box.Add(wrapped(n))
	}
	d, ok := w.infoDialog(w.t("wizard.notices.title"), box, w.t("wizard.ok"))
	w.openDialog(d, ok)
	d.Resize(fyne.NewSize(480, d.MinSize().Height))
}
