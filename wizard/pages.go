package wizard

import (
	"fyne.io/fyne/v2"

	"qscert/wizard/flow"
)

// page draws one step. It reads the flow and changes it; it never calls
// another page: what one step learns reaches the others through the flow.
type page interface {
	// view is the page's content, made once per language.
	view() fyne.CanvasObject
	// enter is called each time the step is shown: the page takes what
	// changed elsewhere (a folder dropped) and starts the work the step
	// waits for.
	enter()
	// refresh draws the flow's state; it is called after every change.
	refresh()
}

// newPage makes the page of step s (whose Fields it asks).
type newPage func(w *Wizard, s flow.Step) page

// step is one step of the flow with the page that draws it.
type step struct {
	flow.Step
	new newPage
}

// installPages are the pages of the install flow's steps. (A function,
// not a table: the welcome page, in it, switches between the flows.)
func installPages() map[flow.StepID]newPage {
	return map[flow.StepID]newPage{
		flow.StepWelcome: newWelcomePage,
		flow.StepGuide:   newGuidePage,
		flow.StepFiles:   newFilesPage,
		flow.StepAccount: newAccountPage,
		flow.StepOld:     newOldPage,
		flow.StepInstall: newInstallPage,
		flow.StepDone:    newDonePage,
	}
}

// restorePages are the pages of the restore flow's steps; the welcome
// page is the same.
func restorePages() map[flow.StepID]newPage {
	return map[flow.StepID]newPage{
		flow.StepWelcome:       newWelcomePage,
		flow.StepRestoreBackup: newRestoreBackupPage,
		flow.StepRestoreApply:  newRestoreApplyPage,
		flow.StepRestoreDone:   newRestoreDonePage,
	}
}

// installSteps pairs the install flow's steps with their pages; a test
// checks that every step has one.
func installSteps(steps []flow.Step) []step { return pairSteps(steps, installPages()) }

// pairSteps pairs a flow's steps with their pages.
func pairSteps(steps []flow.Step, pages map[flow.StepID]newPage) []step {
	out := make([]step, len(steps))
	for i, s := range steps {
		out[i] = step{Step: s, new: pages[s.ID]}
	}
	return out
}
