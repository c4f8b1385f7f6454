package flow_test

import (
	"testing"

	"qscert/certs/export"
	"qscert/certs/qlik"
	"qscert/certs/validate"
	"qscert/wizard/flow"
	"qscert/wizard/flow/flowtest"
)

func TestNextWaitsForTheFilesAndBackReturns(t *testing.T) {
	c := newConsole(t)
	if c.f.CanBack() || c.f.Back() {
		t.Error("Back is allowed on the first step")
	}
	c.goTo(flow.StepFiles)
	if c.f.CanNext() || c.f.Next() || c.f.Step().ID != flow.StepFiles {
		t.Fatal("Next moved on without files")
	}
	if c.f.CheckDue() != nil {
		t.Error("a check is due with nothing chosen")
	}
	if !c.f.Back() || c.f.Step().ID != flow.StepGuide || !c.f.CanBack() {
		t.Fatalf("Back led to %s", c.f.Step().ID)
	}
}

func TestAWrongPasswordBlocksAndTheRightOneUnblocks(t *testing.T) {
	c := newConsole(t)
	dir := flowtest.WriteExport(t, flowtest.Host, flowtest.Machine, qlik.FormatWindows)
	c.answerFiles(dir, "not-the-password", flowtest.Host)
	r := c.f.Report()
	if r == nil || !r.Blocking() || c.f.CanNext() {
		t.Fatalf("a wrong password does not block: %+v", r)
	}
	if f := r.Findings[0]; f.Code != export.CodeWrongPassword {
		t.Errorf("finding %s, want %s", f.Code, export.CodeWrongPassword)
	}
	c.f.Set(flow.FieldPassword, flowtest.Password)
	if c.f.CanNext() || !c.f.Checking() {
		t.Fatal("the old report still counts once the password changed")
	}
	c.f.RunDue(nil)
	if !c.f.CanNext() {
		t.Fatalf("the right password does not unblock: %+v", c.f.Report().Findings)
	}
}

func TestWarningsLetYouContinue(t *testing.T) {
	c := newConsole(t)
	dir := flowtest.WriteExport(t, "old-central.corp.example", "reporting01.corp.example", qlik.FormatPEM)
	c.answerFiles(dir, flowtest.Password, flowtest.Host)
	codes := map[string]bool{}
	for _, f := range c.f.Report().Findings {
		codes[string(f.Code)] = true
	}
	if !codes[string(validate.CodeSiteMismatch)] || !codes[string(validate.CodeMachineMismatch)] {
		t.Errorf("findings %v: the site and machine mismatches are missing", codes)
	}
	if !c.f.CanNext() {
		t.Fatal("warnings block Next")
	}
}

func TestTheHostMustBeAServerName(t *testing.T) {
	c := newConsole(t)
	dir := flowtest.WriteExport(t, flowtest.Host, flowtest.Machine, qlik.FormatWindows)
	c.answerFiles(dir, flowtest.Password, "https://"+flowtest.Host+"/qmc")
	if c.f.CanNext() {
		t.Fatal("Next is allowed with a URL as the host")
	}
	if key, _ := flow.Problem(flow.FieldHost, c.f.Host()); key != "wizard.files.host.only-name" {
		t.Errorf("host problem %q", key)
	}
	if key, _ := flow.Problem(flow.FieldHost, " "); key != "wizard.files.host.empty" {
		t.Errorf("empty host problem %q", key)
	}
	for _, ok := range []string{flowtest.Host, "10.0.0.5", "qlik"} {
		if key, _ := flow.Problem(flow.FieldHost, ok); key != "" {
			t.Errorf("%s: %s", ok, key)
		}
	}
}

func TestAMissingFolderBlocksAndIsCheckedAgainOnReturn(t *testing.T) {
	c := newConsole(t)
	missing := t.TempDir() + "/nowhere"
	c.answerFiles(missing, flowtest.Password, flowtest.Host)
	if c.f.LoadErr() == nil || c.f.CanNext() {
		t.Fatalf("a missing folder: error %v, Next %v", c.f.LoadErr(), c.f.CanNext())
	}
	if c.f.CheckDue() != nil {
		t.Fatal("the same missing folder is checked again at once")
	}
	// Coming back to the step checks again: the folder may exist now.
	c.f.Back()
	c.next()
	if c.f.CheckDue() == nil {
		t.Error("returning to the files step does not check the folder again")
	}
}

func TestTheBackupPasswordMustBeLongEnoughAndKeepingBothRootsIsRefused(t *testing.T) {
	s := flowtest.NewSite(t, qrstestOptions())
	c := newConsole(t, func(d *flow.Deps) { d.Store = s.Store })
	c.answerFiles(s.Dir, flowtest.Password, flowtest.Host)
	c.goTo(flow.StepOld)
	c.f.Set(flow.FieldBackupPassword, "short")
	c.f.RunDue(nil)
	if c.f.CanNext() || c.f.PlanErr() == nil {
		t.Fatal("Install is allowed with a 5-character backup password")
	}
	if key, params := flow.Problem(flow.FieldBackupPassword, "short"); key != "wizard.old.backup.password.short" || params["min"] != "8" {
		t.Errorf("problem %s %v", key, params)
	}
	for _, f := range c.f.Found() {
		c.f.SetKeep(f.Thumbprint(), true)
	}
	if c.f.Removing() {
		t.Error("keeping every old certificate still removes one")
	}
	c.f.RunDue(nil)
	if c.f.PlanErr() == nil || c.f.CanNext() {
		t.Fatal("keeping both roots of the site is allowed")
	}
}

func TestCancelAsksOnlyWhereSomethingWouldBeLost(t *testing.T) {
	c := newConsole(t)
	if c.f.Leaving() != flow.LeaveAtOnce {
		t.Error("Cancel on the first step asks")
	}
	c.next()
	if c.f.Leaving() != flow.LeaveAsk {
		t.Error("Cancel on the guide does not ask")
	}
	c.f.Quit()
	if c.quits != 1 {
		t.Error("Quit did not quit")
	}
}
