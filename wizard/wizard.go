// Package wizard draws qscert's flows with Fyne: a frame with Back / Next /
// Cancel and a step indicator around one page per step. What the steps
// are, what they ask and when they let the user move on is package flow's;
// a page draws the flow's state and changes it, and never calls another
// page. The package never imports Fyne's desktop driver, so its tests run
// headless without cgo.
package wizard

import (
	"net/url"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"qscert/assets/i18n"
	"qscert/wizard/flow"
)

// Wizard is the content of the main window.
type Wizard struct {
	win  fyne.Window
	flow *flow.Install // the install flow: it also holds the language, this computer, the preferences
	// restore is the restore flow, made when it is first chosen.
	restore *flow.Restore
	// recreate is flow B, made when it is first chosen (recreate.go).
	recreate *flow.Recreate
	// walk is the flow the frame walks: flow, restore or recreate.
	walk walker
	deps flow.Deps
	tr   *i18n.Translator

	// root stays the window's content; switching language rebuilds what
	// is inside it.
	root  *fyne.Container
	steps []step // the flow's steps and their pages' constructors, built once
	pages []page // built the first time each is shown; forgotten on a language switch
	frame *frame
	// dialogs are the dialogs open, the top one last; while there is one,
	// it owns the keyboard.
	dialogs []modal
	// picker opens the file and folder choosers.
	picker picker
	// openURL opens a folder in the file manager; tests record it.
	openURL func(*url.URL) error
	// aboutHelp is the About box's help button, once shown (tests).
	aboutHelp *button
	// copied is the last "Copied" said beside a copy button.
	copied *widget.Label

	// jobs counts background work in flight (checks, plans, the install,
	// the connection test, timers) so that Wait can wait for it.
	jobs sync.WaitGroup
	// debounce is how long typing must pause before a check or a plan
	// runs; tests shorten it.
	debounce time.Duration
	// onUI runs a function on the UI thread and waits: fyne.DoAndWait. It
	// is a seam because Fyne's test driver runs DoAndWait on the calling
	// goroutine, so the tests give one that serialises it with their own
	// actions, as the real driver's main thread does.
	onUI func(func())
}

// New builds the wizard for win. It starts looking up this computer's
// names in the background and shows the welcome page at once.
func New(win fyne.Window, deps flow.Deps) *Wizard {
	return newWizard(win, deps, fyne.DoAndWait)
}

func newWizard(win fyne.Window, deps flow.Deps, onUI func(func())) *Wizard {
	if deps.Quit == nil {
		deps.Quit = win.Close
	}
	w := &Wizard{
		win:      win,
		deps:     deps,
		flow:     flow.NewInstall(deps),
		root:     container.NewStack(),
		debounce: 400 * time.Millisecond,
		onUI:     onUI,
	}
	w.picker = newPicker(w)
	w.openURL = fyne.CurrentApp().OpenURL
	w.walk = w.flow
	w.steps = installSteps(w.flow.Steps())
	w.openOn(deps.StartFlow)
	w.showNotices()
	w.offerUnfinished()
	start(w, w.flow.LookUpMachine(), w.flow.ApplyMachine)
	win.Canvas().SetOnTypedKey(w.typedKey)
	win.SetOnDropped(w.dropped)
	win.SetCloseIntercept(w.askCancel)
	return w
}

// Content is what the window shows.
func (w *Wizard) Content() fyne.CanvasObject { return w.root }

// Lang is the language the pages are shown in.
func (w *Wizard) Lang() string { return w.tr.Lang() }

// build (re)creates the frame in the flow's language and shows the
// current step; pages are made again as they are shown.
func (w *Wizard) build() {
	w.tr = i18n.New(w.flow.Lang())
	w.dismissDialogs()
	w.copied = nil
	w.pages = make([]page, len(w.steps))
	w.frame = newFrame(w)
	w.root.Objects = []fyne.CanvasObject{w.frame.content}
	w.root.Refresh()
	w.win.SetTitle(w.t("wizard.title"))
	w.show()
}

// SetLanguage switches every page to lang and remembers the choice.
func (w *Wizard) SetLanguage(lang string) {
	if lang == w.tr.Lang() {
		return
	}
	w.flow.SetLang(lang)
	w.relangRecreate(lang)
	w.build()
}

// t translates a key of the wizard's area.
func (w *Wizard) t(key string, params ...map[string]string) string { return w.tr.T(key, params...) }

// page is the page of the current step, made the first time it is shown:
// the window appears sooner, which is what a double-click waits for.
func (w *Wizard) page() page {
	i := w.walk.Index()
	if w.pages[i] == nil {
		w.pages[i] = w.steps[i].new(w, w.steps[i].Step)
	}
	return w.pages[i]
}

// show displays the flow's current step.
func (w *Wizard) show() {
	p := w.page()
	w.frame.showStep(w.walk.Index(), p.view())
	p.enter()
	w.refresh()
}

// refresh draws the current page and the buttons from the flow's state.
// Whatever changes the flow calls it.
func (w *Wizard) refresh() {
	w.page().refresh()
	w.frame.refreshButtons()
	// A wrapping label whose text changed needs its containers laid out
	// again, or the lines below it overlap it.
	w.frame.scroll.Content.Refresh()
}

// Next moves to the following step when the current one allows it; on the
// last one it closes the wizard.
func (w *Wizard) Next() {
	i := w.walk.Index()
	if w.walk.Next() && w.walk.Index() != i {
		w.show()
	}
}

// Back returns to the previous step.
func (w *Wizard) Back() {
	if w.walk.Back() {
		w.show()
	}
}

// walker is a flow as the frame walks it: the install flow or the restore
// flow, chosen on the welcome page.
type walker interface {
	Steps() []flow.Step
	Index() int
	Step() flow.Step
	CanNext() bool
	CanBack() bool
	Busy() bool
	Next() bool
	Back() bool
	Leaving() flow.Leaving
	Quit()
	Title() string
	// Changed: the flow changed the stores (Cancel says so).
	Changed() bool
}

// useRestore switches, on the welcome page, between installing and
// restoring a backup: the steps on the left, and the pages, are the chosen
// flow's.
func (w *Wizard) useRestore(on bool) {
	if w.walk.Index() != 0 || on && w.restoring() || !on && w.walk == walker(w.flow) {
		return
	}
	if on {
		if w.restore == nil {
			w.restore = flow.NewRestore(w.deps)
		}
		w.walk = w.restore
		w.steps = pairSteps(w.restore.Steps(), restorePages())
	} else {
		w.walk = w.flow
		w.steps = installSteps(w.flow.Steps())
	}
	w.build()
}

// openOn draws the wizard on the flow the program was started on
// (--flow, as an elevated copy is): "" and FlowInstall the install flow.
// Switching draws it, so the frame is built once.
func (w *Wizard) openOn(name string) {
	switch name {
	case flow.FlowRestore:
		w.useRestore(true)
	case flow.FlowRecreate:
		w.useRecreate()
	default:
		w.build()
	}
}

// flowName is the flow walked, as --flow names it.
func (w *Wizard) flowName() string {
	switch {
	case w.restoring():
		return flow.FlowRestore
	case w.recreating():
		return flow.FlowRecreate
	}
	return flow.FlowInstall
}

// restoring: the restore flow is the one walked.
func (w *Wizard) restoring() bool { return w.restore != nil && w.walk == walker(w.restore) }

// Wait blocks until the background work started so far is finished. Tests
// and the screenshot tour use it.
func (w *Wizard) Wait() { w.jobs.Wait() }
