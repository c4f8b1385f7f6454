package flow_test

import (
	"os"
	"strings"
	"testing"

	"qscert/certs/coded"
	"qscert/certs/install"
	"qscert/certs/qlik"
	"qscert/certs/qrs"
	"qscert/certs/qrs/qrstest"
	"qscert/certs/store/storetest"
	"qscert/wizard/flow"
	"qscert/wizard/flow/flowtest"
)

// A console walks the whole flow on one goroutine, with the same steps,
// questions and operations as the window.
func TestAConsoleWalksFromWelcomeToASuccessfulConnectionTest(t *testing.T) {
	s := flowtest.NewSite(t, qrstest.Options{})
	c := newConsole(t, func(d *flow.Deps) {
		d.Store = s.Store
		d.QRSAddress = s.QRS.Addr
		d.SaveReport = func(path string, in flow.ReportInput) error { return os.WriteFile(path, []byte("report"), 0o600) }
	})
	if _, known := c.f.Machine(); !known {
		t.Fatal("this computer's names are not known after the lookup")
	}
	c.answerFiles(s.Dir, flowtest.Password, flowtest.Host)
	if c.f.Checking() || !c.f.CanNext() {
		t.Fatalf("a good export does not allow Next: checking %v, report %+v, err %v", c.f.Checking(), c.f.Report(), c.f.LoadErr())
	}
	if n := len(c.f.Report().Certificates); n != 3 {
		t.Errorf("%d certificates, want 3", n)
	}
	c.next()

	// Who uses the certificate: this user, unless chosen otherwise.
	c.at(flow.StepAccount)
	if c.f.Who() != flow.WhoMe || !c.f.CanNext() || c.f.Offers(flow.WhoService) {
		t.Fatalf("the account step: %s, Next %v", c.f.Who(), c.f.CanNext())
	}
	c.next()

	// Old certificates: the site's older root and client are replaced, the
	// backup goes under the proposed folder with the export's password.
	c.at(flow.StepOld)
	if c.f.CanNext() {
		t.Fatal("Install is allowed before the plan is made")
	}
	c.f.RunDue(nil)
	if n := replaced(c.f.Found()); n != 2 || !c.f.Removing() {
		t.Fatalf("%d old certificates to replace, want 2", n)
	}
	if c.f.Value(flow.FieldBackupPassword) != flowtest.Password {
		t.Error("the backup password does not default to the export's")
	}
	if key, _ := c.f.Hint(flow.FieldBackupPassword); key != "wizard.old.backup.password.same" {
		t.Errorf("backup password hint %s", key)
	}
	p := c.f.Plan()
	if p == nil || p.Count(install.StepAdd) != 3 || p.Count(install.StepRemove) != 2 || !c.f.CanNext() {
		t.Fatalf("plan %+v, err %v", p, c.f.PlanErr())
	}
	if c.f.Step().NextLabel != "wizard.install" {
		t.Errorf("Next reads %s on the old certificates step", c.f.Step().NextLabel)
	}
	c.next()

	// Install, with progress.
	c.at(flow.StepInstall)
	calls := 0
	c.f.RunDue(func(done, total int, _ install.Step) { calls++ })
	if !c.f.Installed() || c.f.InstallErr() != nil {
		t.Fatalf("not installed: %v", c.f.InstallErr())
	}
	done, progress := c.f.InstallDone()
	if calls != len(p.Steps) || len(done) != len(p.Steps) || progress != 1 {
		t.Errorf("progress: %d calls, %d steps done, %v, for %d steps", calls, len(done), progress, len(p.Steps))
	}
	if c.f.CanBack() {
		t.Error("Back is allowed after a successful install")
	}
	if c.f.RunDue(nil) {
		t.Error("the install ran a second time")
	}
	backup := c.f.Result().BackupDir
	if _, err := os.Stat(backup); err != nil {
		t.Fatalf("no backup folder: %v", err)
	}
	c.next()

	// Confirmation: the connection test with what is now in the store.
	c.at(flow.StepDone)
	job := c.f.ConnectionTest()
	if !c.f.Testing() || c.f.ConnectionTest() != nil {
		t.Error("a second test starts while one runs")
	}
	c.f.ApplyTest(job.Run())
	if d := c.f.Diagnosis(); d == nil || !d.OK() || c.f.Testing() {
		t.Fatalf("connection test: %+v, %v", d, c.f.TestErr())
	}
	if s.QRS.Requests() != 1 {
		t.Errorf("the simulated QRS saw %d requests", s.QRS.Requests())
	}
	path := t.TempDir() + "/report.zip"
	c.f.ApplySaved(c.f.SaveReport(path).Run())
	if sv := c.f.Saved(); sv == nil || sv.Err != nil || sv.Path != path {
		t.Fatalf("saved %+v", sv)
	}
	in := c.f.ReportInput()
	if in.Host != flowtest.Host || in.Diagnosis == nil || in.BackupDir != backup || in.Folder != s.Dir || in.Lang != "en" {
		t.Errorf("report input %+v", in)
	}
	if c.f.CanBack() || c.f.Leaving() != flow.LeaveAtOnce {
		t.Error("the last step offers Back, or asks before closing")
	}
	c.next()
	if c.quits != 1 {
		t.Error("Finish did not quit")
	}
	if c.prefs.Values["lastFolder"] != s.Dir || c.prefs.Values["host"] != flowtest.Host {
		t.Errorf("remembered %v", c.prefs.Values)
	}
}

func TestAnInstallThatFailsMidwayIsRolledBackAndCanBeTriedAgain(t *testing.T) {
	s := flowtest.NewSite(t, qrstest.Options{})
	before := flowtest.Contents(t, s.Store)
	faulty := &storetest.Faulty{Store: s.Store, FailAt: 3} // after the first adds
	c := newConsole(t, func(d *flow.Deps) { d.Store = faulty })
	c.answerFiles(s.Dir, flowtest.Password, flowtest.Host)
	c.goTo(flow.StepOld)
	c.f.RunDue(nil)
	c.next()

	// While it runs, nothing moves away.
	job := c.f.InstallDue(nil)
	if !c.f.Busy() || c.f.CanNext() || c.f.CanBack() || c.f.Leaving() != flow.LeaveRefused {
		t.Error("the install step lets the user leave while it runs")
	}
	if c.f.DropFolder(s.Dir) || c.f.Step().ID != flow.StepInstall {
		t.Error("a drop was taken during the install")
	}
	c.f.ApplyInstall(job.Run())

	if code := coded.CodeOf(c.f.InstallErr()); code != install.CodeInstallRolledBack {
		t.Fatalf("install error %v, want %s", c.f.InstallErr(), install.CodeInstallRolledBack)
	}
	if got := flowtest.Contents(t, s.Store); strings.Join(got, "\n") != strings.Join(before, "\n") {
		t.Fatalf("the store changed:\nbefore %v\nafter  %v", before, got)
	}
	if c.f.CanNext() || !c.f.CanBack() {
		t.Fatalf("after a failed install: Next %v, Back %v", c.f.CanNext(), c.f.CanBack())
	}
	if c.f.RunDue(nil) {
		t.Error("a failed install is tried again without the user asking")
	}
	faulty.FailAt = 0
	if !c.f.Back() {
		t.Fatal("Back refused after a failed install")
	}
	c.f.RunDue(nil)
	c.next()
	c.f.RunDue(nil)
	if !c.f.Installed() {
		t.Fatalf("the second try failed: %v", c.f.InstallErr())
	}
}

func TestAFailedConnectionTestGivesTheDiagnosis(t *testing.T) {
	s := flowtest.NewSite(t, qrstest.Options{Respond403: true})
	c := newConsole(t, func(d *flow.Deps) { d.Store = s.Store; d.QRSAddress = s.QRS.Addr })
	c.walkToInstall(s.Dir)
	c.next()
	c.f.ApplyTest(c.f.ConnectionTest().Run())
	if d := c.f.Diagnosis(); d == nil || d.Code != qrs.CodeHTTP403 {
		t.Fatalf("diagnosis %+v, want %s", d, qrs.CodeHTTP403)
	}
}

func TestWithoutAStoreThePlanAndTheTestSayWhy(t *testing.T) {
	noStore := coded.New(coded.Code("no-store-here"), nil)
	dir := flowtest.WriteExport(t, flowtest.Host, flowtest.Machine, qlik.FormatWindows)
	c := newConsole(t, func(d *flow.Deps) { d.Store = nil; d.StoreErr = noStore })
	c.answerFiles(dir, flowtest.Password, flowtest.Host)
	c.goTo(flow.StepOld)
	c.f.RunDue(nil)
	if c.f.PlanErr() != noStore || c.f.CanNext() {
		t.Errorf("plan error %v, Next %v", c.f.PlanErr(), c.f.CanNext())
	}
	c.f.ApplyTest(c.f.ConnectionTest().Run())
	if c.f.TestErr() != noStore {
		t.Errorf("test error %v", c.f.TestErr())
	}
}
