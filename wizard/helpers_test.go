package wizard

import (
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"qscert/assets/i18n"
	"qscert/certs/install"
	"qscert/certs/qlik"
	"qscert/certs/store"
	"qscert/certs/store/storetest"
	"qscert/wizard/flow"
	"qscert/wizard/flow/flowtest"
)

// The site and machine of the tests: a Qlik central node and the
// third-party computer the export was made for.
const (
	testHost     = flowtest.Host
	testMachine  = flowtest.Machine
	testPassword = flowtest.Password
)

var testNow = flowtest.Now

// harness is a wizard in a headless test window.
type harness struct {
	t     *testing.T
	app   fyne.App
	win   fyne.Window
	wiz   *Wizard
	st    *storetest.Memory
	quits int
	deps  flow.Deps
	// ui serialises the test's actions with the wizard's UI callbacks,
	// as the real driver's main thread would.
	ui sync.Mutex
}

// do runs f as a user action on the UI thread, then waits for the
// background work it started.
func (h *harness) do(f func()) {
	h.ui.Lock()
	f()
	h.ui.Unlock()
	h.wiz.Wait()
}

// newHarness opens the wizard at 800x600, the smallest size it supports.
func newHarness(t *testing.T, change ...func(*flow.Deps)) *harness {
	t.Helper()
	h := &harness{t: t, app: test.NewTempApp(t), st: storetest.NewMemory()}
	h.win = test.NewTempWindow(t, nil)
	h.deps = flow.Deps{
		Prefs:       h.app.Preferences(),
		Store:       h.st,
		ClientScope: store.CurrentUser,
		Machine:     flowtest.MachineInfo,
		Now:         func() time.Time { return testNow },
		Lang:        "en",
		BackupRoot:  t.TempDir(),
		Quit:        func() { h.quits++ },
	}
	for _, c := range change {
		c(&h.deps)
	}
	h.ui.Lock()
	h.wiz = newWizard(h.win, h.deps, func(f func()) {
		h.ui.Lock()
		defer h.ui.Unlock()
		f()
	})
	h.wiz.debounce = time.Millisecond
	h.wiz.picker = fynePicker{w: h.wiz} // what the tests can open and close
	h.win.SetContent(h.wiz.Content())
	h.win.Resize(fyne.NewSize(800, 600))
	h.ui.Unlock()
	h.wiz.Wait()
	return h
}

// writeExport writes an export of host for machineName into a new folder
// and returns the folder.
func writeExport(t *testing.T, host, machineName string, format qlik.Format) string {
	t.Helper()
	return flowtest.WriteExport(t, host, machineName, format)
}

// stepID is the id of the step shown.
func (h *harness) stepID() flow.StepID { return h.wiz.walk.Step().ID }

// pageOf is the page of step id, once it was shown.
func pageOf[P page](h *harness, id flow.StepID) P {
	h.t.Helper()
	i := -1
	for n, s := range h.wiz.steps {
		if s.ID == id {
			i = n
		}
	}
	if i < 0 {
		h.t.Fatalf("no step %s in the flow walked", id)
	}
	p, ok := h.wiz.pages[i].(P)
	if !ok {
		h.t.Fatalf("the %s page was never shown", id)
	}
	return p
}

func (h *harness) welcome() *welcomePage { return pageOf[*welcomePage](h, flow.StepWelcome) }
func (h *harness) files() *filesPage     { return pageOf[*filesPage](h, flow.StepFiles) }
func (h *harness) old() *oldPage         { return pageOf[*oldPage](h, flow.StepOld) }
func (h *harness) install() *installPage { return pageOf[*installPage](h, flow.StepInstall) }
func (h *harness) done() *donePage       { return pageOf[*donePage](h, flow.StepDone) }

// next taps Next and waits for the background work it starts.
func (h *harness) next() {
	h.t.Helper()
	if h.wiz.frame.next.Disabled() {
		h.t.Fatalf("Next is disabled on %s; the page says: %s", h.stepID(), strings.Join(texts(h.wiz.page().view()), " | "))
	}
	h.do(func() { test.Tap(h.wiz.frame.next) })
}

// goTo taps Next until step id is shown.
func (h *harness) goTo(id flow.StepID) {
	h.t.Helper()
	for h.stepID() != id {
		h.next()
	}
}

// fillFiles types the export's folder, password and host, and waits for
// the check.
func (h *harness) fillFiles(dir, password, host string) {
	h.t.Helper()
	h.goTo(flow.StepFiles)
	p := h.files()
	h.do(func() { p.folder.SetText(dir) })
	h.do(func() { p.password.SetText(""); test.Type(p.password, password) })
	h.do(func() { p.host.SetText(""); test.Type(p.host, host) })
}

// dialogButton is the button labelled label in the dialog on top of the
// window, or nil when no dialog is shown.
func (h *harness) dialogButton(label string) *button {
	top := h.win.Canvas().Overlays().Top()
	if top == nil || !top.Visible() {
		return nil
	}
	var found *button
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *button:
			if x.Text == label {
				found = x
			}
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(x).Objects() {
				walk(c)
			}
		}
	}
	walk(top)
	return found
}

// tapDialog taps the button labelled label in the dialog shown.
func (h *harness) tapDialog(label string) {
	h.t.Helper()
	b := h.dialogButton(label)
	if b == nil {
		h.t.Fatalf("no dialog with a button %q", label)
	}
	test.Tap(b)
}

// pageSays reports whether the page shown holds text somewhere.
func (h *harness) pageSays(text string) bool {
	for _, s := range texts(h.wiz.root) {
		if strings.Contains(s, text) {
			return true
		}
	}
	return false
}

func (h *harness) requireSays(text string) {
	h.t.Helper()
	if !h.pageSays(text) {
		h.t.Fatalf("the %s page does not say %q; it says:\n%s", h.stepID(), text, strings.Join(texts(h.wiz.root), "\n"))
	}
}

// en is the English translator, to build the sentences the page must show.
var en = i18n.New("en")

// texts lists the visible texts of o and everything inside it.
func texts(o fyne.CanvasObject) []string {
	var out []string
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		switch x := o.(type) {
		case *widget.Label:
			out = append(out, x.Text)
		case *canvas.Text:
			out = append(out, x.Text)
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(x).Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	return out
}

var fyne0 = fyne.NewPos(0, 0)

func uris(paths ...string) []fyne.URI {
	out := make([]fyne.URI, len(paths))
	for i, p := range paths {
		out[i] = storage.NewFileURI(p)
	}
	return out
}

// TestMain makes the tests' backups with a cheap key derivation: the flow
// tests install and restore many times (see install.FastKDFEnv).
//
// The binary is also the simulated central node's programs (flow B).
func TestMain(m *testing.M) {
	flowtest.CentralMain()
	os.Setenv(install.FastKDFEnv, "1")
	os.Exit(m.Run())
}
