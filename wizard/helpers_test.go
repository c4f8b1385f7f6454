package wizard

import (
	"os"
	"path/filepath"
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
	"qscert/certs/certstest"
	"qscert/certs/install"
	"qscert/certs/machine"
	"qscert/certs/qlik"
	"qscert/certs/store"
	"qscert/certs/store/storetest"
)

// The site and machine of the tests: a Qlik central node and the
// third-party computer the export was made for.
const (
	testHost     = "qlik.corp.example"
	testMachine  = "thirdparty.corp.example"
	testPassword = "Export-Pa55word"
)

var testNow = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

func testMachineInfo() machine.Info {
	return machine.Info{Hostname: "thirdparty", FQDN: testMachine, IPs: []string{"10.20.30.40", "fd00::40"}}
}

// harness is a wizard in a headless test window.
type harness struct {
	t     *testing.T
	app   fyne.App
	win   fyne.Window
	wiz   *Wizard
	st    *storetest.Memory
	quits int
	deps  Deps
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
func newHarness(t *testing.T, change ...func(*Deps)) *harness {
	t.Helper()
	h := &harness{t: t, app: test.NewTempApp(t), st: storetest.NewMemory()}
	h.win = test.NewTempWindow(t, nil)
	h.deps = Deps{
		Prefs:       h.app.Preferences(),
		Store:       h.st,
		ClientScope: store.CurrentUser,
		Machine:     testMachineInfo,
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
	h.win.SetContent(h.wiz.Content())
	h.win.Resize(fyne.NewSize(800, 600))
	h.ui.Unlock()
	h.wiz.Wait()
	return h
}

// writeExport writes an export of testHost for machineName into a new
// folder and returns the folder.
func writeExport(t *testing.T, host, machineName string, format qlik.Format) string {
	t.Helper()
	exp, err := certstest.NewExport(host, machineName, certstest.StyleLegacy, testNow.AddDate(0, -1, 0))
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "Exported Certificates", machineName)
	if err := exp.Write(dir, certstest.WriteOptions{Format: format, Password: testPassword}); err != nil {
		t.Fatal(err)
	}
	return dir
}

// next taps Next and waits for the background work it starts.
func (h *harness) next() {
	h.t.Helper()
	if h.wiz.frame.next.Disabled() {
		h.t.Fatalf("Next is disabled on %s; the page says: %s", h.wiz.StepID(), strings.Join(texts(h.wiz.step().view()), " | "))
	}
	h.do(func() { test.Tap(h.wiz.frame.next) })
}

// goTo taps Next until step id is shown.
func (h *harness) goTo(id string) {
	h.t.Helper()
	for h.wiz.StepID() != id {
		h.next()
	}
}

// fillFiles types the export's folder, password and host, and waits for
// the check.
func (h *harness) fillFiles(dir, password, host string) {
	h.t.Helper()
	h.goTo("files")
	p := h.wiz.files
	h.do(func() { p.folder.SetText(dir) })
	h.do(func() { p.password.SetText(""); test.Type(p.password, password) })
	h.do(func() { p.host.SetText(""); test.Type(p.host, host) })
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
		h.t.Fatalf("the %s page does not say %q; it says:\n%s", h.wiz.StepID(), text, strings.Join(texts(h.wiz.root), "\n"))
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
func TestMain(m *testing.M) {
	os.Setenv(install.FastKDFEnv, "1")
	os.Exit(m.Run())
}
