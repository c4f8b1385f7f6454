package wizard

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"qscert/certs/coded"
	"qscert/certs/install"
	"qscert/certs/qrs/qrstest"
	"qscert/wizard/flow"
	"qscert/wizard/flow/flowtest"
)

func TestABackupIsRestoredFromTheWelcomePage(t *testing.T) {
	s := newSite(t, qrstest.Options{})
	before := flowtest.Contents(t, s.Store)
	backups := t.TempDir()
	first := newHarness(t, func(d *flow.Deps) { d.Store = s.Store; d.BackupRoot = backups })
	first.walkToInstall(s.Dir)
	backup := first.wiz.flow.Result().BackupDir
	if filepath.Dir(backup) != backups {
		t.Fatalf("backup in %s", backup)
	}

	// The next run: Restore a backup, chosen on the welcome page.
	h := newHarness(t, func(d *flow.Deps) {
		d.Store = s.Store
		d.BackupRoot = backups
		d.Now = func() time.Time { return testNow.Add(time.Hour) }
	})
	h.do(func() { h.welcome().flow.SetSelected(en.T("wizard.welcome.flow.restore")) })
	if !h.wiz.restoring() || len(h.wiz.steps) != 4 {
		t.Fatalf("choosing Restore: restoring %v, %d steps", h.wiz.restoring(), len(h.wiz.steps))
	}
	h.requireSays(en.T("wizard.step.restore.backup"))
	h.next()
	p := pageOf[*restoreBackupPage](h, flow.StepRestoreBackup)
	if p.folder.Text != backup {
		t.Fatalf("the latest backup is not proposed: %q", p.folder.Text)
	}
	h.do(func() { test.Type(p.password, "wrong-password") })
	if coded.CodeOf(h.wiz.restore.PlanErr()) != install.CodeBackupWrongPassword || !h.wiz.frame.next.Disabled() {
		t.Fatalf("a wrong backup password: %v", h.wiz.restore.PlanErr())
	}
	h.requireSays(en.Error(h.wiz.restore.PlanErr()))
	h.do(func() { p.password.SetText(""); test.Type(p.password, testPassword) })
	if h.wiz.frame.next.Disabled() || !p.planBox.Visible() {
		t.Fatalf("no plan to restore: %v", texts(h.wiz.root))
	}
	fits := func() {
		if m := h.wiz.Content().MinSize(); m.Width > 829 || m.Height > 405 {
			t.Errorf("the %s page needs %v, more than a small screen at 150 %%", h.stepID(), m)
		}
	}
	fits()
	h.next() // Restore
	fits()
	if !h.wiz.restore.Applied() || h.wiz.frame.title.Text != en.T("wizard.restore.apply.title.done") {
		t.Fatalf("restore: %v; title %q", h.wiz.restore.ApplyErr(), h.wiz.frame.title.Text)
	}
	if got := flowtest.Contents(t, s.Store); strings.Join(got, "\n") != strings.Join(before, "\n") {
		t.Fatalf("the store is not as before the install:\nbefore %v\nafter  %v", before, got)
	}
	h.next()
	fits()
	h.requireSays(en.T("wizard.restore.done.backup"))
	h.requireSays(h.wiz.restore.Result().BackupDir)
	h.next()
	if h.quits != 1 {
		t.Error("Finish does not close the wizard")
	}
}

func TestBackFromTheRestoreReturnsToTheWelcomeAndTheInstall(t *testing.T) {
	h := newHarness(t)
	h.do(func() { h.welcome().flow.SetSelected(en.T("wizard.welcome.flow.restore")) })
	h.next()
	h.do(func() { test.Tap(h.wiz.frame.back) })
	h.do(func() { h.welcome().flow.SetSelected(en.T("wizard.welcome.flow.install")) })
	if h.wiz.restoring() || len(h.wiz.steps) != 7 {
		t.Fatalf("back to installing: restoring %v, %d steps", h.wiz.restoring(), len(h.wiz.steps))
	}
	h.next()
	if h.stepID() != flow.StepGuide {
		t.Fatalf("Next after switching back leads to %s", h.stepID())
	}
}
