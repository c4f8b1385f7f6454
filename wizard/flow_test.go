package wizard

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"qscert/certs/certstest"
	"qscert/certs/coded"
	"qscert/certs/install"
	"qscert/certs/qlik"
	"qscert/certs/qrs"
	"qscert/certs/qrs/qrstest"
	"qscert/certs/store"
	"qscert/certs/store/storetest"
)

// site is a Qlik site of the tests: an export written to disk, a store
// holding the certificates of an older export of the same site, and a
// simulated QRS that trusts the site.
type site struct {
	dir   string
	exp   *certstest.Export
	store *storetest.Memory
	qrs   *qrstest.Server
}

func newSite(t *testing.T, qrsOpts qrstest.Options) *site {
	t.Helper()
	s := &site{store: storetest.NewMemory()}
	s.dir = filepath.Join(t.TempDir(), "Exported Certificates", testMachine)
	var err error
	s.exp, err = certstest.NewExport(testHost, testMachine, certstest.StyleLegacy, testNow.AddDate(0, -1, 0))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.exp.Write(s.dir, certstest.WriteOptions{Format: qlik.FormatWindows, Password: testPassword}); err != nil {
		t.Fatal(err)
	}
	old, err := certstest.NewExport(testHost, testMachine, certstest.StyleLegacy, testNow.AddDate(-3, 0, 0))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.store.Add(store.LocalMachineRoot, old.Root.Cert, nil, "old root"); err != nil {
		t.Fatal(err)
	}
	if err := s.store.Add(store.CurrentUserMy, old.Client.Cert, old.Client.Key, "old client"); err != nil {
		t.Fatal(err)
	}
	qrsOpts.Host = testHost
	qrsOpts.Now = func() time.Time { return testNow } // the wizard's clock in these tests
	s.qrs, err = qrstest.Start(s.exp, qrsOpts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.qrs.Close() })
	return s
}

// contents lists every certificate of a store, location and thumbprint.
func contents(t *testing.T, s store.Store) []string {
	t.Helper()
	var out []string
	for _, loc := range store.Locations {
		entries, err := s.List(loc)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			out = append(out, loc.String()+" "+e.Thumbprint())
		}
	}
	sort.Strings(out)
	return out
}

func (h *harness) walkToInstall(dir string) {
	h.t.Helper()
	h.fillFiles(dir, testPassword, testHost)
	h.next() // to the old certificates
	if !h.wiz.pageOld().ready() {
		h.t.Fatalf("the old certificates page is not ready: %v", texts(h.wiz.root))
	}
	h.next() // Install
}

func TestTheHappyPathFromWelcomeToASuccessfulConnectionTest(t *testing.T) {
	s := newSite(t, qrstest.Options{})
	var saved []ReportInput
	h := newHarness(t, func(d *Deps) {
		d.Store = s.store
		d.QRSAddress = s.qrs.Addr
		d.SaveReport = func(path string, in ReportInput) error {
			saved = append(saved, in)
			return os.WriteFile(path, []byte("report"), 0o600)
		}
	})
	h.fillFiles(s.dir, testPassword, testHost)
	h.next()

	// Old certificates: the older root and client of the site are ticked
	// for removal, and the backup password defaults to the export's.
	if n := len(h.wiz.old.checks); n != 2 {
		t.Fatalf("%d old certificates offered for replacement, want 2: %v", n, texts(h.wiz.root))
	}
	for _, c := range h.wiz.old.checks {
		if !c.Checked {
			t.Error("an old certificate of the site is not ticked for replacement")
		}
	}
	if h.wiz.old.backupPass.Text != testPassword {
		t.Error("the backup password does not default to the export's")
	}
	h.requireSays(en.T("wizard.old.status.plan", map[string]string{"add": "3", "remove": "2"}))
	if h.wiz.frame.next.Text != en.T("wizard.install") {
		t.Errorf("Next reads %q on the old certificates page", h.wiz.frame.next.Text)
	}
	h.next()

	// Install.
	if h.wiz.StepID() != "install" || !h.wiz.st.installed {
		t.Fatalf("not installed: %v", texts(h.wiz.root))
	}
	h.requireSays(en.T("wizard.install.status.done"))
	if h.wiz.install.progress.Value != 1 {
		t.Errorf("progress %v at the end", h.wiz.install.progress.Value)
	}
	if !h.wiz.frame.back.Disabled() {
		t.Error("Back is enabled after a successful install")
	}
	backup := h.wiz.st.result.BackupDir
	if _, err := os.Stat(backup); err != nil {
		t.Fatalf("no backup folder: %v", err)
	}
	id, err := qrs.IdentityFromStore(s.store, testNow)
	if err != nil || id.Client.SerialNumber.Cmp(s.exp.Client.Cert.SerialNumber) != 0 {
		t.Fatalf("the store's client is not the export's (err %v)", err)
	}
	h.next()

	// Confirmation: summary, backup, connection test, report.
	h.requireSays(backup)
	h.do(func() { test.Tap(h.wiz.done.test) })
	if d := h.wiz.st.diagnosis; d == nil || !d.OK() {
		t.Fatalf("connection test: %+v, %v", d, h.wiz.st.testErr)
	}
	h.requireSays(en.Code(qrs.CodeOK, map[string]string{"host": testHost}))
	if s.qrs.Requests() != 1 {
		t.Errorf("the simulated QRS saw %d requests", s.qrs.Requests())
	}
	path := t.TempDir() + "/report.zip"
	h.do(func() { h.wiz.done.saveReport(path) })
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
	if prefs.String(prefLastFolder) != s.dir || prefs.String(prefHost) != testHost {
		t.Errorf("remembered folder %q, host %q", prefs.String(prefLastFolder), prefs.String(prefHost))
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
	before := contents(t, s.store)
	faulty := &storetest.Faulty{Store: s.store, FailAt: 3} // after the first adds
	h := newHarness(t, func(d *Deps) { d.Store = faulty })
	h.walkToInstall(s.dir)

	err := h.wiz.st.installErr
	if coded.CodeOf(err) != install.CodeInstallRolledBack {
		t.Fatalf("install error %v, want %s", err, install.CodeInstallRolledBack)
	}
	h.requireSays(en.Error(err))
	if got := contents(t, s.store); strings.Join(got, "\n") != strings.Join(before, "\n") {
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
	if !h.wiz.st.installed {
		t.Fatalf("the second try failed: %v", h.wiz.st.installErr)
	}
}

func TestAFailedConnectionTestShowsTheDiagnosis(t *testing.T) {
	s := newSite(t, qrstest.Options{Respond403: true})
	h := newHarness(t, func(d *Deps) { d.Store = s.store; d.QRSAddress = s.qrs.Addr })
	h.walkToInstall(s.dir)
	h.next()
	h.do(func() { test.Tap(h.wiz.done.test) })
	d := h.wiz.st.diagnosis
	if d == nil || d.Code != qrs.CodeHTTP403 {
		t.Fatalf("diagnosis %+v, want %s", d, qrs.CodeHTTP403)
	}
	h.requireSays(en.Code(d.Code, d.Params))
	if h.wiz.done.result.Importance == 0 {
		t.Error("the failure is not marked as one")
	}
}

func TestTheBackupPasswordMustBeLongEnough(t *testing.T) {
	s := newSite(t, qrstest.Options{})
	h := newHarness(t, func(d *Deps) { d.Store = s.store })
	h.fillFiles(s.dir, testPassword, testHost)
	h.next()
	h.do(func() { h.wiz.old.backupPass.SetText("short") })
	if !h.wiz.frame.next.Disabled() {
		t.Fatal("Install is enabled with a 5-character backup password")
	}
	h.requireSays(en.Code(install.CodeBackupPasswordTooShort, map[string]string{"min": "8"}))
	// Keeping every old certificate needs no backup... but leaves two
	// roots of the site, which the plan refuses.
	h.do(func() {
		for _, c := range h.wiz.old.checks {
			c.SetChecked(false)
		}
	})
	if coded.CodeOf(h.wiz.st.planErr) != install.CodeKeepLeavesTwoRoots || !h.wiz.frame.next.Disabled() {
		t.Fatalf("keeping both roots: plan error %v", h.wiz.st.planErr)
	}
	h.requireSays(en.Error(h.wiz.st.planErr))
}
