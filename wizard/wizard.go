// Package wizard draws qscert's flows with Fyne: steps as data, a frame with
// Back / Next / Cancel and a step indicator, and one page per step. It asks
// package certs for everything that touches certificates, and never imports
// Fyne's desktop driver, so its tests run headless without cgo.
package wizard

import (
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"

	"qscert/assets/i18n"
	"qscert/certs/machine"
)

// Wizard is the content of the main window.
type Wizard struct {
	win  fyne.Window
	deps Deps
	tr   *i18n.Translator
	st   *state

	// root stays the window's content; switching language rebuilds what
	// is inside it.
	root    *fyne.Container
	steps   []*step
	current int
	frame   *frame

	welcome *welcomePage
	guide   *guidePage
	files   *filesPage
	old     *oldPage
	install *installPage
	done    *donePage

	// jobs counts background work in flight (validation, install,
	// connection test) so tests can wait for it.
	jobs sync.WaitGroup
	// debounce is how long typing must pause before validation runs.
	debounce time.Duration
	// cancelDialog is the last "leave the wizard?" question, for tests.
	cancelDialog *dialog.ConfirmDialog
	// onUI runs a function where widgets may be touched: fyne.DoAndWait.
	// Tests serialise it with their own actions, since the test driver
	// runs it on the calling goroutine.
	onUI func(func())
	// machineReady is closed once st.machine is known.
	machineReady chan struct{}
}

// New builds the wizard for win. It starts looking up this computer's
// names in the background and shows the welcome page at once.
func New(win fyne.Window, deps Deps) *Wizard {
	return newWizard(win, deps, fyne.DoAndWait)
}

func newWizard(win fyne.Window, deps Deps, onUI func(func())) *Wizard {
	if deps.Machine == nil {
		deps.Machine = machine.This
	}
	if deps.Now == nil {
		deps.Now = time.Now
	}
	if deps.Quit == nil {
		deps.Quit = win.Close
	}
	w := &Wizard{
		win:          win,
		deps:         deps,
		st:           &state{keep: map[string]bool{}},
		root:         container.NewStack(),
		debounce:     400 * time.Millisecond,
		onUI:         onUI,
		machineReady: make(chan struct{}),
	}
	w.loadPrefs()
	w.build(w.language())
	w.lookUpMachine()
	win.Canvas().SetOnTypedKey(w.typedKey)
	win.SetOnDropped(w.dropped)
	win.SetCloseIntercept(w.askCancel)
	return w
}

// Content is what the window shows.
func (w *Wizard) Content() fyne.CanvasObject { return w.root }

// Lang is the language the pages are shown in.
func (w *Wizard) Lang() string { return w.tr.Lang() }

// build (re)creates every page and the frame in lang, keeping the state and
// the current step.
func (w *Wizard) build(lang string) {
	w.tr = i18n.New(lang)
	w.welcome, w.guide, w.files, w.old, w.install, w.done = nil, nil, nil, nil, nil, nil
	w.steps = w.flowA()
	w.frame = newFrame(w)
	w.root.Objects = []fyne.CanvasObject{w.frame.content}
	w.root.Refresh()
	w.win.SetTitle(w.t("wizard.title"))
	w.show(w.current)
}

// SetLanguage switches every page to lang and remembers the choice.
func (w *Wizard) SetLanguage(lang string) {
	if lang == w.tr.Lang() {
		return
	}
	w.savePref(prefLanguage, lang)
	w.build(lang)
}

// t translates a key of the wizard's area.
func (w *Wizard) t(key string, params ...map[string]string) string { return w.tr.T(key, params...) }

// step returns the step shown.
func (w *Wizard) step() *step { return w.steps[w.current] }

// StepID is the id of the step shown ("welcome", "files", ...).
func (w *Wizard) StepID() string { return w.step().id }

// StepIDs lists the ids of the flow's steps, in order.
func (w *Wizard) StepIDs() []string {
	ids := make([]string, len(w.steps))
	for i, s := range w.steps {
		ids[i] = s.id
	}
	return ids
}

// show displays step i.
func (w *Wizard) show(i int) {
	w.current = i
	s := w.step()
	w.frame.showStep(s, i)
	if s.enter != nil {
		s.enter()
	}
	w.refresh()
}

// refresh updates the buttons from the current step's state. Pages call it
// whenever something that gates Next changes.
func (w *Wizard) refresh() {
	if w.frame != nil {
		w.frame.refreshButtons(w.step(), w.current)
		// A wrapping label whose text changed needs its containers laid
		// out again, or the lines below it overlap it.
		w.frame.scroll.Content.Refresh()
	}
}

// Next moves to the following step when the current one allows it.
func (w *Wizard) Next() {
	s := w.step()
	if !s.isReady() || s.isBusy() {
		return
	}
	if s.last {
		w.deps.Quit()
		return
	}
	w.show(w.current + 1)
}

// Back returns to the previous step.
func (w *Wizard) Back() {
	s := w.step()
	if w.current == 0 || !s.backAllowed() || s.isBusy() {
		return
	}
	w.show(w.current - 1)
}

// Wait blocks until the background work started so far is finished. Tests
// and the screenshot tour use it.
func (w *Wizard) Wait() { w.jobs.Wait() }

// lookUpMachine finds this computer's names off the UI thread: the FQDN
// may take a DNS round trip.
func (w *Wizard) lookUpMachine() {
	w.background(func() func() {
		info := w.deps.Machine()
		return func() {
			w.st.machine = info
			w.st.machineReady = true
			close(w.machineReady)
			if w.welcome != nil {
				w.welcome.showMachine()
			}
			if w.guide != nil {
				w.guide.showMachine()
			}
		}
	})
}
