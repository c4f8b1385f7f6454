package wizard

import (
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"qscert/certs/coded"
	"qscert/certs/install"
	"qscert/certs/qrs"
	"qscert/certs/qrs/qrstest"
	"qscert/certs/store/storetest"
	"qscert/wizard/flow"
	"qscert/wizard/flow/flowtest"
)

// newSite is a Qlik site of the tests: an export on disk, a store holding
// an older install of the site, and a simulated QRS that trusts the site.
func newSite(t *testing.T, qrsOpts qrstest.Options) *flowtest.Site {
	return flowtest.NewSite(t, qrsOpts)
}

func (h *harness) walkToInstall(dir string) {
	h.t.Helper()
	h.fillFiles(dir, testPassword, testHost)
	h.goTo(flow.StepOld) // to the old certificates
	if !h.wiz.flow.CanNext() {
		h.t.Fatalf("the old certificates page is not ready: %v", texts(h.wiz.root))
	}
	h.next() // Install
}

func TestTheHappyPathFromWelcomeToASuccessfulConnectionTest(t *testing.T) {
	s := newSite(t, qrstest.Options{})
	var saved []flow.ReportInput
	h := newHarness(t, func(d *flow.Deps) {
		d.Store = s.Store
		d.QRSAddress = s.QRS.Addr
		d.SaveReport = func(path string, in flow.ReportInput) error {
			saved = append(saved, in)
			return os.WriteFile(path, []byte("report"), 0o600)
		}
	})
	h.fillFiles(s.Dir, testPassword, testHost)
	h.goTo(flow.StepOld)

	// Old certificates: the older root and client of the site are ticked
	// for removal, and the backup password defaults to the export's.
	if n := len(h.old().checks); n != 2 {
		t.Fatalf("%d old certificates offered for replacement, want 2: %v", n, texts(h.wiz.root))
	}
	for _, c := range h.old().checks {
		if !c.Checked {
			t.Error("an old certificate of the site is not ticked for replacement")
		}
	}
	if h.old().backupPass.Text != testPassword {
		t.Error("the backup password does not default to the export's")
	}
	h.requireSays("The install will add 3 certificates and remove 2 old ones, after a backup.")
	if h.wiz.frame.next.Text != en.T("wizard.install") {
		t.Errorf("Next reads %q on the old certificates page", h.wiz.frame.next.Text)
	}
	h.next()

	// Install.
	if h.stepID() != flow.StepInstall || !h.wiz.flow.Installed() {
		t.Fatalf("not installed: %v", texts(h.wiz.root))
	}
	h.requireSays(en.T("wizard.install.status.done"))
	if h.install().progress.Value != 1 {
		t.Errorf("progress %v at the end", h.install().progress.Value)
	}
	if !h.wiz.frame.back.Disabled() {
		t.Error("Back is enabled after a successful install")
	}
	backup := h.wiz.flow.Result().BackupDir
	if _, err := os.Stat(backup); err != nil {
		t.Fatalf("no backup folder: %v", err)
	}
	id, err := qrs.IdentityFromStore(s.Store, testNow)
	if err != nil || id.Client.SerialNumber.Cmp(s.Export.Client.Cert.SerialNumber) != 0 {
		t.Fatalf("the store's client is not the export's (err %v)", err)
	}
	h.next()

	// Confirmation: summary, backup, connection test (run on its own),
	// report.
	h.requireSays(backup)
	if d := h.wiz.flow.Diagnosis(); d == nil || !d.OK() {
		t.Fatalf("connection test on arrival: %+v, %v", d, h.wiz.flow.TestErr())
	}
	h.requireSays(en.Code(qrs.CodeOK, map[string]string{"host": testHost}))
	if s.QRS.Requests() != 1 {
		t.Errorf("the simulated QRS saw %d requests on arrival", s.QRS.Requests())
	}
	h.do(func() { test.Tap(h.done().test) })
	if d := h.wiz.flow.Diagnosis(); d == nil || !d.OK() || s.QRS.Requests() != 2 {
		t.Fatalf("testing again: %+v, %d requests", d, s.QRS.Requests())
	}
	path := t.TempDir() + "/report.zip"
	h.do(func() { h.done().saveReport(path) })
	if len(saved) != 1 || saved[0].Host != testHost || saved[0].Diagnosis == nil || saved[0].BackupDir != backup {
		t.Fatalf("report input: %+v", saved)
	}
	h.requireSays(en.T("wizard.done.report.saved", map[string]string{"file": path}))

	// Finish closes; nothing remembered holds the password.
	if h.wiz.frame.next.Text != en.T("wizard.finish") || !h.wiz.frame.cancel.Hidden {
		t.Error("the last page does not offer Finish alone")
	}
	h.next()
	if h.quits != 1 {
		t.Error("Finish did not close the wizard")
	}
	prefs := h.app.Preferences()
	if prefs.String("lastFolder") != s.Dir || prefs.String("host") != testHost {
		t.Errorf("remembered folder %q, host %q", prefs.String("lastFolder"), prefs.String("host"))
	}
	values := map[string]any{}
	prefs.(interface{ ReadValues(func(map[string]any)) }).ReadValues(func(m map[string]any) {
		for k, v := range m {
			values[k] = v
		}
	})
	if len(values) == 0 {
		t.Fatal("no preferences saved at all")
	}
	for k, v := range values {
		if strings.Contains(strings.ToLower(k), "password") || strings.Contains(toString(v), testPassword) {
			t.Errorf("preference %q = %v holds the password", k, v)
		}
	}
}

func toString(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case []string:
		return strings.Join(x, "\n")
	}
	return ""
}

func TestAnInstallThatFailsMidwayIsRolledBackAndSaysSo(t *testing.T) {
	s := newSite(t, qrstest.Options{})
	before := flowtest.Contents(t, s.Store)
	faulty := &storetest.Faulty{Store: s.Store, FailAt: 3} // after the first adds
	h := newHarness(t, func(d *flow.Deps) {
		d.Store = faulty
		d.SaveReport = func(string, flow.ReportInput) error { return nil }
	})
	h.walkToInstall(s.Dir)

	err := h.wiz.flow.InstallErr()
	if coded.CodeOf(err) != install.CodeInstallRolledBack {
		t.Fatalf("install error %v, want %s", err, install.CodeInstallRolledBack)
	}
	h.requireSays(en.Error(err))
	if got := h.wiz.frame.title.Text; got != en.T("wizard.install.title.failed") {
		t.Errorf("the title after a rolled-back install: %q", got)
	}
	if !h.install().report.content.Visible() {
		t.Error("no support report can be saved from the failed install")
	}
	if got := flowtest.Contents(t, s.Store); strings.Join(got, "\n") != strings.Join(before, "\n") {
		t.Fatalf("the store changed:\nbefore %v\nafter  %v", before, got)
	}
	if h.wiz.frame.next.Disabled() == false {
		t.Error("Next is enabled after a failed install")
	}
	if h.wiz.frame.back.Disabled() {
		t.Error("Back is disabled after a failed install: the user cannot try again")
	}
	// Trying again once the fault is gone works.
	faulty.FailAt = 0
	h.do(func() { test.Tap(h.wiz.frame.back) })
	h.next()
	if !h.wiz.flow.Installed() {
		t.Fatalf("the second try failed: %v", h.wiz.flow.InstallErr())
	}
}

func TestAFailedConnectionTestShowsTheDiagnosis(t *testing.T) {
	s := newSite(t, qrstest.Options{Respond403: true})
	h := newHarness(t, func(d *flow.Deps) { d.Store = s.Store; d.QRSAddress = s.QRS.Addr })
	h.walkToInstall(s.Dir)
	h.next()
	h.do(func() { test.Tap(h.done().test) })
	d := h.wiz.flow.Diagnosis()
	if d == nil || d.Code != qrs.CodeHTTP403 {
		t.Fatalf("diagnosis %+v, want %s", d, qrs.CodeHTTP403)
	}
	h.requireSays(en.Code(d.Code, d.Params))
	if h.done().result.Importance == 0 {
		t.Error("the failure is not marked as one")
	}
}

func TestTheBackupPasswordMustBeLongEnough(t *testing.T) {
	s := newSite(t, qrstest.Options{})
	h := newHarness(t, func(d *flow.Deps) { d.Store = s.Store })
	h.fillFiles(s.Dir, testPassword, testHost)
	h.goTo(flow.StepOld)
	h.do(func() { h.old().backupPass.SetText("short") })
	if !h.wiz.frame.next.Disabled() {
		t.Fatal("Install is enabled with a 5-character backup password")
	}
	h.requireSays(en.Code(install.CodeBackupPasswordTooShort, map[string]string{"min": "8"}))
	// Keeping every old certificate needs no backup... but leaves two
	// roots of the site, which the plan refuses.
	h.do(func() {
		for _, c := range h.old().checks {
			c.SetChecked(false)
		}
	})
	if coded.CodeOf(h.wiz.flow.PlanErr()) != install.CodeKeepLeavesTwoRoots || !h.wiz.frame.next.Disabled() {
		t.Fatalf("keeping both roots: plan error %v", h.wiz.flow.PlanErr())
	}
	h.requireSays(en.Error(h.wiz.flow.PlanErr()))
}
