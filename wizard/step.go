package wizard

import "fyne.io/fyne/v2"

// step is one page of a flow, as data: the frame draws the indicator, the
// title and the buttons from it, so a page only knows its own content.
type step struct {
	id    string // stable name: golden files, screenshots and tests use it
	name  string // translation key of the short name in the step indicator
	title string // translation key of the page title
	intro string // translation key of the sentence under the title

	view  func() fyne.CanvasObject
	ready func() bool // Next is enabled only when it returns true
	enter func()      // called each time the step is shown; nil for none

	nextLabel string      // translation key of Next's label; "" for "Next"
	canBack   func() bool // nil: Back is allowed; false once steps before cannot be redone
	busy      func() bool // while true, no button moves away (an install runs)
	last      bool        // Next closes the wizard
}

func (s *step) isReady() bool { return s.ready == nil || s.ready() }

func (s *step) backAllowed() bool { return s.canBack == nil || s.canBack() }

func (s *step) isBusy() bool { return s.busy != nil && s.busy() }

// flowA is the install flow of DESIGN.md: welcome, QMC export guide, files,
// old certificates, install, confirmation.
func (w *Wizard) flowA() []*step {
	return []*step{
		{
			id: "welcome", name: "wizard.step.welcome", title: "wizard.welcome.title", intro: "wizard.welcome.intro",
			view: w.welcome.view, ready: w.welcome.ready,
		},
		{
			id: "guide", name: "wizard.step.guide", title: "wizard.guide.title", intro: "wizard.guide.intro",
			view: w.guide.view, enter: w.guide.enter,
		},
		{
			id: "files", name: "wizard.step.files", title: "wizard.files.title", intro: "wizard.files.intro",
			view: w.files.view, ready: w.files.ready, enter: w.files.enter,
		},
		{
			id: "old", name: "wizard.step.old", title: "wizard.old.title", intro: "wizard.old.intro",
			view: w.old.view, ready: w.old.ready, enter: w.old.enter, nextLabel: "wizard.install",
		},
		{
			id: "install", name: "wizard.step.install", title: "wizard.install.title", intro: "wizard.install.intro",
			view: w.install.view, ready: w.install.ready, enter: w.install.enter, canBack: w.install.failed, busy: w.install.running,
		},
		{
			id: "done", name: "wizard.step.done", title: "wizard.done.title", intro: "wizard.done.intro",
			view: w.done.view, enter: w.done.enter, canBack: never, last: true, nextLabel: "wizard.finish",
		},
	}
}

func never() bool { return false }
