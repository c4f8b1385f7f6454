package wizard

import (
	"os"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"qscert/certs/export"
	"qscert/certs/qlik"
	"qscert/certs/qrs"
	"qscert/certs/qrs/qrstest"
	"qscert/certs/validate"
	"qscert/wizard/flow"
)

// typo is the host with a letter missing: a valid name, of no server.
const typo = "qlik-centrl.corp.example"

func TestAHostTypoIsShownByTheHostField(t *testing.T) {
	h := newHarness(t)
	dir := writeExport(t, testHost, testMachine, qlik.FormatWindows)
	h.fillFiles(dir, testPassword, typo)
	p := h.files()
	mismatch := en.Code(validate.CodeSiteMismatch, map[string]string{"site": testHost, "host": typo})
	if !contains(texts(p.hostNotes), mismatch) {
		t.Fatalf("the site mismatch is not by the host field; there: %v", texts(p.hostNotes))
	}
	for _, c := range p.cards.Objects {
		if contains(texts(c), mismatch) {
			t.Error("the site mismatch is still in a certificate's card")
		}
	}
	if err := p.host.Validate(); err == nil {
		t.Error("the host field keeps its green check with a name of another site")
	}
	// Fixing it clears the mark.
	h.do(func() { p.host.SetText(""); test.Type(p.host, testHost) })
	if len(p.hostNotes.Objects) != 0 || p.host.Validate() != nil {
		t.Errorf("the right host still marked: %v", texts(p.hostNotes))
	}
}

func TestAWrongHostIsFixedOnTheConfirmationPageAndTestedAgain(t *testing.T) {
	s := newSite(t, qrstest.Options{})
	h := newHarness(t, func(d *flow.Deps) { d.Store = s.Store; d.QRSAddress = s.QRS.Addr })
	h.walkToInstall(s.Dir)
	h.do(func() { h.wiz.flow.Set(flow.FieldHost, typo) }) // as if typed on the files page
	h.next()

	// The test ran once on its own, with the typo: the server's
	// certificate does not name it.
	d := h.wiz.flow.Diagnosis()
	if d == nil || d.Code != qrs.CodeTLSHostMismatch {
		t.Fatalf("test on arrival with a typo: %+v", d)
	}
	p := h.done()
	if p.host.Text != typo {
		t.Fatalf("the confirmation page's host field shows %q", p.host.Text)
	}
	// Correct the host there, with the keyboard: the test runs again.
	h.do(func() { h.win.Canvas().Focus(p.host) })
	h.do(func() {
		p.host.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnd})
		for range typo {
			p.host.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
		}
		test.Type(p.host, testHost)
	})
	d = h.wiz.flow.Diagnosis()
	if d == nil || !d.OK() {
		t.Fatalf("after correcting the host: %+v, %v", d, h.wiz.flow.TestErr())
	}
	h.requireSays(en.Code(qrs.CodeOK, map[string]string{"host": testHost}))
	// Enter in the host field tests again; it does not finish.
	h.do(func() { p.host.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) })
	if h.quits != 0 || s.QRS.Requests() != 2 {
		t.Fatalf("Enter in the host: %d quits, %d requests", h.quits, s.QRS.Requests())
	}
	if got := h.app.Preferences().String("host"); got != testHost {
		t.Errorf("the host that worked is not remembered: %q", got)
	}
}

func TestTheConfirmationPageTakesAnotherPort(t *testing.T) {
	s := newSite(t, qrstest.Options{})
	h := newHarness(t, func(d *flow.Deps) { d.Store = s.Store })
	h.walkToInstall(s.Dir)
	h.next()
	p := h.done()
	h.do(func() { p.port.SetText("70000") })
	if err := p.port.Validate(); err == nil || !h.done().test.Disabled() {
		t.Fatalf("port 70000 accepted (validation %v)", err)
	}
	h.do(func() { p.port.SetText("4343") })
	if h.wiz.flow.Port() != 4343 || h.done().test.Disabled() {
		t.Fatalf("port %d, test disabled %v", h.wiz.flow.Port(), h.done().test.Disabled())
	}
	h.requireSays("(port 4343)")
}

func TestNoWrongPasswordBeforeOneIsTyped(t *testing.T) {
	dir := writeExport(t, testHost, testMachine, qlik.FormatWindows)
	h := newHarness(t, func(d *flow.Deps) { d.Prefs.SetString("lastFolder", dir) })
	h.goTo(flow.StepFiles)
	if h.wiz.flow.Report() == nil {
		t.Fatal("the remembered folder was not checked")
	}
	needed := en.Code(export.CodePasswordRequired, map[string]string{"file": "client.pfx, server.pfx"})
	wrong := en.Code(export.CodeWrongPassword, map[string]string{"file": "client.pfx, server.pfx"})
	if h.pageSays(needed) || h.pageSays(en.T("wizard.files.status.blocking")) {
		t.Fatalf("the page says the password is wrong before one was typed: %v", texts(h.wiz.root))
	}
	h.requireSays(en.T("wizard.files.status.password"))
	h.do(func() { test.Type(h.files().password, "nope") })
	h.requireSays(wrong)
}

func TestFeedbackIsShownBesideItsButton(t *testing.T) {
	s := newSite(t, qrstest.Options{})
	h := newHarness(t, func(d *flow.Deps) {
		d.Store = s.Store
		d.SaveReport = func(path string, _ flow.ReportInput) error { return os.WriteFile(path, []byte("zip"), 0o600) }
	})
	h.walkToInstall(s.Dir)
	h.next()
	path := t.TempDir() + "/report.zip"
	h.do(func() { h.done().saveReport(path) })
	r := h.done().report
	saved := en.T("wizard.done.report.saved", map[string]string{"file": path})
	if !contains(texts(r.content), saved) || !contains(texts(r.content), en.T("wizard.done.report")) {
		t.Fatalf("'Saved to' is not beside the button: %v", texts(r.content))
	}
}

func TestTheInstallPagesTitleSaysHowItEnded(t *testing.T) {
	s := newSite(t, qrstest.Options{})
	h := newHarness(t, func(d *flow.Deps) { d.Store = s.Store })
	h.walkToInstall(s.Dir)
	if got := h.wiz.frame.title.Text; got != en.T("wizard.install.title.done") {
		t.Fatalf("the install page's title after the install: %q", got)
	}
}
