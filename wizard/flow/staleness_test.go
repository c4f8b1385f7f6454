package flow_test

import (
	"testing"

	"qscert/certs/machine"
	"qscert/certs/qlik"
	"qscert/certs/qrs/qrstest"
	"qscert/wizard/flow"
	"qscert/wizard/flow/flowtest"
)

func qrstestOptions() qrstest.Options { return qrstest.Options{} }

// A check started before the user typed again is dropped when it ends:
// what is shown is always for what is typed.
func TestALateCheckIsDropped(t *testing.T) {
	c := newConsole(t)
	dir := flowtest.WriteExport(t, flowtest.Host, flowtest.Machine, qlik.FormatWindows)
	c.goTo(flow.StepFiles)
	c.f.Set(flow.FieldFolder, dir)
	c.f.Set(flow.FieldHost, flowtest.Host)
	late := c.f.CheckDue() // with no password: the keys cannot be read
	if late == nil || c.f.CheckDue() != nil {
		t.Fatal("a check is not due once, and once only, for one revision of the inputs")
	}
	c.f.Set(flow.FieldPassword, flowtest.Password)
	current := c.f.CheckDue()
	if current == nil || current.Rev <= late.Rev {
		t.Fatalf("no newer check after typing: %+v then %+v", late, current)
	}
	out := current.Run()
	if c.f.ApplyCheck(late.Run()) {
		t.Fatal("a check of older inputs was applied")
	}
	if c.f.Report() != nil || !c.f.Checking() || c.f.CanNext() {
		t.Fatal("a late check changed the state")
	}
	if !c.f.ApplyCheck(out) || c.f.Checking() || !c.f.CanNext() {
		t.Fatalf("the current check was not applied: %+v", c.f.Report())
	}
	// The result is tied to its inputs: the next change makes it stale.
	c.f.Set(flow.FieldHost, flowtest.Host)
	if c.f.CanNext() || !c.f.Checking() {
		t.Error("Next is allowed with a report of older inputs")
	}
}

func TestALatePlanIsDropped(t *testing.T) {
	s := flowtest.NewSite(t, qrstest.Options{})
	c := newConsole(t, func(d *flow.Deps) { d.Store = s.Store })
	c.answerFiles(s.Dir, flowtest.Password, flowtest.Host)
	c.goTo(flow.StepOld)
	late := c.f.PlanDue()
	if late == nil || c.f.PlanDue() != nil {
		t.Fatal("a plan is not due once, and once only, for one revision of the choices")
	}
	c.f.Set(flow.FieldBackupPassword, "short")
	if c.f.ApplyPlan(late.Run()) {
		t.Fatal("a plan for older choices was applied")
	}
	if c.f.Plan() != nil || !c.f.Planning() || c.f.CanNext() {
		t.Fatal("a late plan changed the state")
	}
	c.f.RunDue(nil)
	if c.f.Planning() || c.f.PlanErr() == nil {
		t.Fatalf("the plan for the short password: %v", c.f.PlanErr())
	}
	// Arriving at the step again looks at the stores again.
	c.f.Back()
	c.next()
	if c.f.Found() != nil || !c.f.Planning() {
		t.Error("arriving at the old certificates keeps the last look at the stores")
	}
}

// The check needs this computer's names; it waits for the one lookup
// rather than making its own.
func TestTheMachineIsLookedUpOnce(t *testing.T) {
	calls := 0
	c := newConsole(t, func(d *flow.Deps) {
		d.Machine = func() machine.Info { calls++; return flowtest.MachineInfo() }
	})
	dir := flowtest.WriteExport(t, flowtest.Host, "reporting01.corp.example", qlik.FormatWindows)
	c.answerFiles(dir, flowtest.Password, flowtest.Host)
	if calls != 1 {
		t.Errorf("this computer was looked up %d times", calls)
	}
	if info, known := c.f.Machine(); !known || info.FQDN != flowtest.Machine {
		t.Errorf("machine %+v, known %v", info, known)
	}
	mismatch := false
	for _, f := range c.f.Report().Findings {
		mismatch = mismatch || f.Params["machine"] == flowtest.Machine
	}
	if !mismatch {
		t.Error("the check did not compare the export with this computer")
	}
}
