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

// flowA is the install flow ("Install exported certificates on this
// machine"): welcome, QMC export guide, files, old certificates, install,
// confirmation.
//
// Pages are built the first time they are shown (the page* accessors):
// the window appears sooner, which is what a double-click waits for.
func (w *Wizard) flowA() []*step {
	return []*step{
		{
			id: "welcome", name: "wizard.step.welcome", title: "wizard.welcome.title", intro: "wizard.welcome.intro",
			view: func() fyne.CanvasObject { return w.pageWelcome().view() }, ready: func() bool { return w.pageWelcome().ready() },
		},
		{
			id: "guide", name: "wizard.step.guide", title: "wizard.guide.title", intro: "wizard.guide.intro",
			view: func() fyne.CanvasObject { return w.pageGuide().view() },
		},
		{
			id: "files", name: "wizard.step.files", title: "wizard.files.title", intro: "wizard.files.intro",
			view: func() fyne.CanvasObject { return w.pageFiles().view() }, ready: func() bool { return w.pageFiles().ready() },
			enter: func() { w.pageFiles().enter() },
		},
		{
			id: "old", name: "wizard.step.old", title: "wizard.old.title", intro: "wizard.old.intro",
			view: func() fyne.CanvasObject { return w.pageOld().view() }, ready: func() bool { return w.pageOld().ready() },
			enter: func() { w.pageOld().enter() }, nextLabel: "wizard.install",
		},
		{
			id: "install", name: "wizard.step.install", title: "wizard.install.title", intro: "wizard.install.intro",
			view: func() fyne.CanvasObject { return w.pageInstall().view() }, ready: func() bool { return w.pageInstall().ready() },
			enter: func() { w.pageInstall().enter() }, canBack: func() bool { return w.pageInstall().failed() },
			busy: func() bool { return w.pageInstall().running() },
		},
		{
			id: "done", name: "wizard.step.done", title: "wizard.done.title", intro: "wizard.done.intro",
			view: func() fyne.CanvasObject { return w.pageDone().view() }, enter: func() { w.pageDone().enter() },
			canBack: never, last: true, nextLabel: "wizard.finish",
		},
	}
}

func never() bool { return false }

// The pages, built on first use. build() forgets them when the language
// changes.
func (w *Wizard) pageWelcome() *welcomePage {
	if w.welcome == nil {
		w.welcome = newWelcomePage(w)
	}
	return w.welcome
}

func (w *Wizard) pageGuide() *guidePage {
	if w.guide == nil {
		w.guide = newGuidePage(w)
	}
	return w.guide
}

func (w *Wizard) pageFiles() *filesPage {
	if w.files == nil {
		w.files = newFilesPage(w)
	}
	return w.files
}

func (w *Wizard) pageOld() *oldPage {
	if w.old == nil {
		w.old = newOldPage(w)
	}
	return w.old
}

func (w *Wizard) pageInstall() *installPage {
	if w.install == nil {
		w.install = newInstallPage(w)
	}
	return w.install
}

func (w *Wizard) pageDone() *donePage {
	if w.done == nil {
		w.done = newDonePage(w)
	}
	return w.done
}
