package flow_test

import (
	"testing"

	"qscert/certs/qrs"
	"qscert/certs/qrs/qrstest"
	"qscert/wizard/flow"
	"qscert/wizard/flow/flowtest"
)

func TestTheConfirmationStepTestsOnItsOwnAndAgainForANewHost(t *testing.T) {
	s := flowtest.NewSite(t, qrstest.Options{})
	c := newConsole(t, func(d *flow.Deps) { d.Store = s.Store; d.QRSAddress = s.QRS.Addr })
	c.walkToInstall(s.Dir)
	c.f.Set(flow.FieldHost, "qlik-centrl.corp.example") // a typo, seen only now
	c.next()
	c.at(flow.StepDone)
	if got := fieldIDs(c.f.Step().Fields); len(got) != 2 || got[0] != flow.FieldHost || got[1] != flow.FieldPort {
		t.Fatalf("the confirmation step asks %v", got)
	}
	if !c.f.RunDue(nil) {
		t.Fatal("arriving at the confirmation step runs no test")
	}
	if d := c.f.Diagnosis(); d == nil || d.Code != qrs.CodeTLSHostMismatch {
		t.Fatalf("with the typo: %+v", c.f.Diagnosis())
	}
	if c.f.RunDue(nil) {
		t.Fatal("the same host is tested twice on its own")
	}
	// The host has its own revision: changing it after the install makes
	// the test due again and leaves the check of the export alone.
	c.f.Set(flow.FieldHost, flowtest.Host)
	if c.f.Checking() {
		t.Error("changing the host after the install made the export's check stale")
	}
	if !c.f.RunDue(nil) || c.f.Diagnosis() == nil || !c.f.Diagnosis().OK() {
		t.Fatalf("after correcting the host: %+v, %v", c.f.Diagnosis(), c.f.TestErr())
	}
	if c.f.ReportInput().Port != qrs.DefaultPort {
		t.Errorf("report port %d", c.f.ReportInput().Port)
	}
	// A port out of range is refused and runs nothing.
	c.f.Set(flow.FieldPort, "0")
	if key, _ := flow.Problem(flow.FieldPort, "0"); key == "" || c.f.TestDue() != nil {
		t.Error("port 0 is accepted")
	}
}

func TestALateTestForAnOldHostIsDropped(t *testing.T) {
	s := flowtest.NewSite(t, qrstest.Options{})
	c := newConsole(t, func(d *flow.Deps) { d.Store = s.Store; d.QRSAddress = s.QRS.Addr })
	c.walkToInstall(s.Dir)
	c.next()
	job := c.f.TestDue()
	c.f.Set(flow.FieldHost, "other.corp.example")
	if c.f.ApplyTest(job.Run()) || c.f.Diagnosis() != nil || c.f.Tested() {
		t.Fatal("a test of the old host was taken for the new one")
	}
	if c.f.TestDue() == nil {
		t.Fatal("no test is due for the new host")
	}
}

func fieldIDs(fields []flow.Field) []flow.FieldID {
	var out []flow.FieldID
	for _, f := range fields {
		out = append(out, f.ID)
	}
	return out
}
