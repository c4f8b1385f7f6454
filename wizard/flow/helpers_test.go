package flow_test

import (
	"testing"
	"time"

	"qscert/certs/install"
	"qscert/certs/store"
	"qscert/certs/store/storetest"
	"qscert/wizard/flow"
	"qscert/wizard/flow/flowtest"
)

// console is a flow walked the way a console front end walks it: one
// goroutine, every job run and applied at once.
type console struct {
	t     *testing.T
	f     *flow.Install
	prefs *flowtest.Prefs
	quits int
	saved []flow.ReportInput
}

func newConsole(t *testing.T, change ...func(*flow.Deps)) *console {
	t.Helper()
	c := &console{t: t, prefs: flowtest.NewPrefs()}
	deps := flow.Deps{
		Prefs:       c.prefs,
		Store:       storetest.NewMemory(),
		ClientScope: store.CurrentUser,
		Machine:     flowtest.MachineInfo,
		Now:         func() time.Time { return flowtest.Now },
		Lang:        "en",
		BackupRoot:  t.TempDir(),
		Quit:        func() { c.quits++ },
	}
	for _, ch := range change {
		ch(&deps)
	}
	c.f = flow.NewInstall(deps)
	c.f.ApplyMachine(c.f.LookUpMachine().Run())
	return c
}

// at fails unless the flow is at step id.
func (c *console) at(id flow.StepID) {
	c.t.Helper()
	if got := c.f.Step().ID; got != id {
		c.t.Fatalf("at step %s, want %s", got, id)
	}
}

// next moves on, failing when the step does not allow it.
func (c *console) next() {
	c.t.Helper()
	if !c.f.Next() {
		c.t.Fatalf("Next refused on %s", c.f.Step().ID)
	}
}

// goTo moves on until step id.
func (c *console) goTo(id flow.StepID) {
	c.t.Helper()
	for c.f.Step().ID != id {
		c.next()
	}
}

// answerFiles answers the files step's questions and runs the check.
func (c *console) answerFiles(dir, password, host string) {
	c.t.Helper()
	c.goTo(flow.StepFiles)
	c.f.Set(flow.FieldFolder, dir)
	c.f.Set(flow.FieldPassword, password)
	c.f.Set(flow.FieldHost, host)
	c.f.RunDue(nil)
}

// walkToInstall answers every question up to the install and runs it.
func (c *console) walkToInstall(dir string) {
	c.t.Helper()
	c.answerFiles(dir, flowtest.Password, flowtest.Host)
	c.next() // who uses the certificate: this user, the default
	c.at(flow.StepAccount)
	c.f.RunDue(nil)
	c.next()
	c.f.RunDue(nil)
	c.next()
	c.f.RunDue(nil)
}

func replaced(found []install.Found) int {
	n := 0
	for _, f := range found {
		if f.Class == install.ClassReplaced {
			n++
		}
	}
	return n
}
