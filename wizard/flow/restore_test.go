package flow_test

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"qscert/certs/coded"
	"qscert/certs/install"
	"qscert/certs/qrs/qrstest"
	"qscert/wizard/flow"
	"qscert/wizard/flow/flowtest"
)

func TestAConsoleRestoresTheBackupOfAnInstall(t *testing.T) {
	s := flowtest.NewSite(t, qrstest.Options{})
	before := flowtest.Contents(t, s.Store)
	c := newConsole(t, func(d *flow.Deps) { d.Store = s.Store })
	c.walkToInstall(s.Dir)
	backup := c.f.Result().BackupDir
	if backup == "" || strings.Join(flowtest.Contents(t, s.Store), "\n") == strings.Join(before, "\n") {
		t.Fatal("the install changed nothing")
	}

	later := func() time.Time { return flowtest.Now.Add(time.Hour) }
	r := flow.NewRestore(flow.Deps{Store: s.Store, BackupRoot: filepath.Dir(backup), Now: later})
	if r.Folder() != backup {
		t.Fatalf("the latest backup proposed is %q, want %q", r.Folder(), backup)
	}
	if !r.Next() || r.Step().ID != flow.StepRestoreBackup {
		t.Fatalf("at %s", r.Step().ID)
	}
	// The wrong password: the plan says so, and Restore waits.
	r.Set(flow.FieldRestorePassword, "not-it-at-all")
	r.RunDue(nil)
	if coded.CodeOf(r.PlanErr()) != install.CodeBackupWrongPassword || r.CanNext() {
		t.Fatalf("wrong backup password: %v, Next %v", r.PlanErr(), r.CanNext())
	}
	r.Set(flow.FieldRestorePassword, flowtest.Password) // the export's, reused for the backup
	r.RunDue(nil)
	if r.Plan() == nil || !r.CanNext() {
		t.Fatalf("no plan: %v", r.PlanErr())
	}
	r.Next()
	r.RunDue(nil)
	if !r.Applied() || r.Title() != "wizard.restore.apply.title.done" {
		t.Fatalf("restore: %v", r.ApplyErr())
	}
	if got := flowtest.Contents(t, s.Store); strings.Join(got, "\n") != strings.Join(before, "\n") {
		t.Fatalf("the store is not as before the install:\nbefore %v\nafter  %v", before, got)
	}
	if !r.Next() || r.Step().ID != flow.StepRestoreDone || r.CanBack() {
		t.Fatalf("at %s, Back %v", r.Step().ID, r.CanBack())
	}
}
