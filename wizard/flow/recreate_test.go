package flow_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"qscert/certs/central"
	"qscert/certs/central/centraltest"
	"qscert/certs/coded"
	"qscert/wizard/flow"
	"qscert/wizard/flow/flowtest"
)

// recreateWalk is flow B walked as a console walks it.
type recreateWalk struct {
	t      *testing.T
	f      *flow.Recreate
	node   *flowtest.Central
	prefs  *flowtest.Prefs
	quits  int
	events []central.Event
}

func newRecreateWalk(t *testing.T, node *flowtest.Central, change ...func(*flow.RecreateDeps)) *recreateWalk {
	t.Helper()
	w := &recreateWalk{t: t, node: node, prefs: flowtest.NewPrefs()}
	rd := *node.Deps
	for _, c := range change {
		c(&rd)
	}
	deps := flow.Deps{Prefs: w.prefs, Lang: "en", BackupRoot: t.TempDir(), Now: func() time.Time { return flowtest.Now },
		Quit: func() { w.quits++ }, Recreate: &rd}
	w.f = flow.NewRecreate(deps, "en")
	return w
}

func (w *recreateWalk) at(id flow.StepID) {
	w.t.Helper()
	if got := w.f.Step().ID; got != id {
		w.t.Fatalf("at step %s, want %s", got, id)
	}
}

func (w *recreateWalk) next() {
	w.t.Helper()
	if !w.f.Next() {
		w.t.Fatalf("Next refused on %s (plan error %v, blocking %v, run %v)", w.f.Step().ID, w.f.PlanErr(), w.f.Blocking(), w.f.RunErr())
	}
}

// due runs what the step waits for, recording the run's events.
func (w *recreateWalk) due() {
	w.f.RunDueNow(func(e central.Event) { w.events = append(w.events, e) })
}

// toConfirm walks the checks and the backup, with password.
func (w *recreateWalk) toConfirm(password string) {
	w.t.Helper()
	w.next()
	w.at(flow.StepRecreateCheck)
	w.due()
	w.next()
	w.at(flow.StepRecreateBackup)
	w.f.Set(flow.FieldBackupPassword, password)
	w.f.Set(flow.FieldBackupRetype, password)
	w.next()
	w.at(flow.StepRecreateConfirm)
}

// run confirms and runs the procedure.
func (w *recreateWalk) run() {
	w.t.Helper()
	w.f.Set(flow.FieldConfirmHost, centraltest.DefaultFQDN)
	w.next()
	w.at(flow.StepRecreateRun)
	w.due()
}

func ids(steps []flow.Step) []flow.StepID {
	var out []flow.StepID
	for _, s := range steps {
		out = append(out, s.ID)
	}
	return out
}

func TestFlowBStepsComeInTheProceduresOrder(t *testing.T) {
	w := newRecreateWalk(t, flowtest.NewCentral(t))
	want := []flow.StepID{flow.StepWelcome, flow.StepRecreateCheck, flow.StepRecreateBackup, flow.StepRecreateConfirm,
		flow.StepRecreateRun, flow.StepRecreateVerify, flow.StepRecreateRestart, flow.StepRecreateNext}
	if got := ids(w.f.Steps()); !slices.Equal(got, want) {
		t.Fatalf("steps %v, want %v", got, want)
	}
	if s := w.f.Steps(); !s[len(s)-1].Last {
		t.Error("what next is not the last step")
	}
	stopped := newRecreateWalk(t, flowtest.NewCentral(t), func(d *flow.RecreateDeps) {
		d.Unfinished = &central.Status{Step: central.StepBootstrap, State: "bootstrap-unfinished", Changed: true}
	})
	want = []flow.StepID{flow.StepWelcome, flow.StepRecreateStopped, flow.StepRecreateRun, flow.StepRecreateVerify,
		flow.StepRecreateRestart, flow.StepRecreateNext}
	if got := ids(stopped.f.Steps()); !slices.Equal(got, want) {
		t.Fatalf("a stopped procedure's steps %v, want %v", got, want)
	}
}

// Each gate: the plan first, a backup password long enough and typed
// twice alike, and the node's name typed (in any case) before anything is
// deleted.
func TestFlowBGatesTheBackupAndTheHostName(t *testing.T) {
	w := newRecreateWalk(t, flowtest.NewCentral(t))
	w.next()
	if w.f.CanNext() || !w.f.Planning() {
		t.Fatal("Next is allowed before the plan is made")
	}
	w.due()
	p := w.f.Plan()
	if p == nil || w.f.Blocking() != nil || !w.f.CanNext() {
		t.Fatalf("the simulated node's plan: %v, %v", w.f.PlanErr(), w.f.Blocking())
	}
	if len(p.Deletions()) != 3 || len(p.ToStop()) != 6 || !p.Exported.Exists {
		t.Fatalf("the plan deletes %d certificates, stops %v, exported %v", len(p.Deletions()), p.ToStop(), p.Exported.Exists)
	}
	if w.f.Asks(flow.FieldServiceAccountPassword) {
		t.Error("the password of a managed service account is asked")
	}
	w.next()
	w.at(flow.StepRecreateBackup)
	for _, c := range []struct{ pw, retype string }{{"short", "short"}, {flowtest.BackupPassword, ""}, {flowtest.BackupPassword, flowtest.BackupPassword + "x"}} {
		w.f.Set(flow.FieldBackupPassword, c.pw)
		w.f.Set(flow.FieldBackupRetype, c.retype)
		if w.f.CanNext() {
			t.Errorf("Next with backup password %q and retype %q", c.pw, c.retype)
		}
	}
	if key, _ := w.f.FieldProblem(flow.FieldBackupPassword, "short"); key == "" {
		t.Error("a short backup password is not refused")
	}
	w.f.Set(flow.FieldBackupPassword, flowtest.BackupPassword)
	w.f.Set(flow.FieldBackupRetype, flowtest.BackupPassword)
	w.next()
	w.at(flow.StepRecreateConfirm)
	for _, typed := range []string{"", "qlik-central", "qlik-central.corp.exampl", "other.corp.example"} {
		w.f.Set(flow.FieldConfirmHost, typed)
		if w.f.CanNext() {
			t.Errorf("Next with the host typed as %q", typed)
		}
	}
	if key, params := w.f.FieldProblem(flow.FieldConfirmHost, "other.corp.example"); key == "" || params["host"] != centraltest.DefaultFQDN {
		t.Errorf("a wrong host name: %q %v", key, params)
	}
	w.f.Set(flow.FieldConfirmHost, "  QLIK-Central.Corp.Example ")
	if !w.f.CanNext() {
		t.Fatal("the host name typed in capitals is refused")
	}
	// Back and forth: the confirmation is typed again.
	if !w.f.Back() || !w.f.Next() || w.f.Value(flow.FieldConfirmHost) != "" || w.f.CanNext() {
		t.Fatal("coming back to the confirmation keeps what was typed")
	}
	if w.f.Changed() || w.f.Leaving() != flow.LeaveAsk {
		t.Errorf("before the run: changed %v, leaving %v", w.f.Changed(), w.f.Leaving())
	}
}

// The whole procedure on the simulated node, then what next: the rim
// nodes' passwords once, an export for the old machines.
func TestFlowBRecreatesAndOffersWhatNext(t *testing.T) {
	node := flowtest.NewCentral(t)
	before := node.Certificates(t)
	w := newRecreateWalk(t, node)
	backups := filepath.Join(t.TempDir(), "chosen")
	w.next()
	w.due()
	w.next()
	w.f.Set(flow.FieldBackupDir, backups)
	w.f.Back()
	w.f.Back()
	w.toConfirm(flowtest.BackupPassword)
	w.run()
	if !w.f.Done() || w.f.RunErr() != nil {
		t.Fatalf("the procedure did not end: %v", w.f.RunErr())
	}
	if filepath.Dir(w.f.Result().Folder) != backups {
		t.Errorf("the procedure's folder %s is not in the folder chosen, %s", w.f.Result().Folder, backups)
	}
	for _, id := range central.Steps {
		if !w.f.StepDone(id) {
			t.Errorf("step %s is not marked done", id)
		}
	}
	output := 0
	for _, e := range w.events {
		if e.Kind == central.EventOutput {
			output++
		}
	}
	if output == 0 || w.f.LogTotal() != len(w.events) {
		t.Errorf("%d output lines of %d events; the flow kept %d", output, len(w.events), w.f.LogTotal())
	}
	if w.f.Leaving() != flow.LeaveRefused && w.f.Busy() {
		t.Error("busy but leaving allowed")
	}
	if w.f.CanBack() {
		t.Error("Back after the procedure ran")
	}
	w.next()
	w.at(flow.StepRecreateVerify)
	res := w.f.Result()
	if len(res.New) != 3 || node.Roots(t) != 1 {
		t.Fatalf("new certificates %d, roots %d", len(res.New), node.Roots(t))
	}
	if after := node.Certificates(t); slices.Equal(before, after) {
		t.Fatal("the certificates did not change")
	}
	w.next()
	w.at(flow.StepRecreateRestart)
	w.due()
	services, err := w.f.Services()
	if err != nil || len(services) != 7 {
		t.Fatalf("services %v, %v", services, err)
	}
	for _, s := range services {
		if s.State != central.StateRunning {
			t.Errorf("%s is %s", s.Name, s.State)
		}
	}
	w.next()
	w.at(flow.StepRecreateNext)
	nx := w.f.NextSteps()
	if nx == nil || len(nx.RimNodes) != 2 || len(nx.Machines) != 2 || !w.f.CanRedistribute() {
		t.Fatalf("what next: %+v", nx)
	}
	if !w.f.AskRedistribute() || w.f.AskRedistribute() {
		t.Fatal("redistributing is not asked exactly once")
	}
	w.due()
	ds, err := w.f.Distributed()
	if err != nil || len(ds) != 2 {
		t.Fatalf("distributed %v, %v", ds, err)
	}
	for _, d := range ds {
		if d.Err != nil || d.Password == "" {
			t.Errorf("%s: %q %v", d.Node.Name, d.Password, d.Err)
		}
	}
	if w.f.CanRedistribute() {
		t.Error("a second redistribution is offered: the passwords would change")
	}
	if got := w.f.Value(flow.FieldExportMachines); got != strings.Join(nx.Machines, ", ") {
		t.Errorf("machines proposed %q", got)
	}
	if w.f.AskExport() || w.f.ExportProblem() != "wizard.recreate.export.password.empty" {
		t.Fatalf("an export without a password: %q", w.f.ExportProblem())
	}
	w.f.Set(flow.FieldExportMachines, "rep01.corp.example, rep01.corp.example ,, newbox.corp.example")
	w.f.Set(flow.FieldExportPassword, "Export-2027")
	w.f.Set(flow.FieldExportRetype, "Export-2027")
	w.f.SetExportPEM(true)
	if !w.f.AskExport() {
		t.Fatalf("export refused: %s", w.f.ExportProblem())
	}
	w.due()
	folder, machines, err := w.f.Exported()
	if err != nil || !slices.Equal(machines, []string{"rep01.corp.example", "newbox.corp.example"}) {
		t.Fatalf("exported %v to %s: %v", machines, folder, err)
	}
	for _, m := range machines {
		if _, err := os.Stat(filepath.Join(folder, m, "client.pem")); err != nil {
			t.Errorf("no PEM export for %s: %v", m, err)
		}
	}
	w.next()
	if w.quits != 1 {
		t.Fatal("Finish does not close the flow")
	}
	// The passwords shown once are forgotten when the flow ends.
	if ds, _ := w.f.Distributed(); ds[0].Password != "" || w.f.Value(flow.FieldBackupPassword) != "" || w.f.Value(flow.FieldExportPassword) != "" {
		t.Error("a password outlives the flow")
	}
}

// Duplicates after the bootstrap: the verification says which, and
// "redo from step 3" (Resume) makes a clean attempt that ends with one
// root.
func TestFlowBRedoesFromStep3AfterDuplicates(t *testing.T) {
	node := flowtest.NewCentral(t)
	node.SetBootstrap(t, centraltest.BootstrapDuplicatesOnce)
	w := newRecreateWalk(t, node)
	w.toConfirm(flowtest.BackupPassword)
	w.run()
	if coded.CodeOf(w.f.RunErr()) != central.CodeStopped || !w.f.StoppedAtVerify() {
		t.Fatalf("duplicates: %v", w.f.RunErr())
	}
	if coded.CodeOf(w.f.Duplicates()) != central.CodeDuplicates || !w.f.RedoFromDelete() || !w.f.CanRestore() {
		t.Fatalf("the verification's error %v, redo %v", w.f.Duplicates(), w.f.RedoFromDelete())
	}
	if w.f.Leaving() != flow.LeaveAsk || !w.f.Changed() {
		t.Error("a stopped procedure may be left without a word")
	}
	if key, params := w.f.CancelQuestion(); key != "wizard.recreate.cancel.stopped" || params["n"] != "5" {
		t.Errorf("Cancel asks %s %v", key, params)
	}
	w.next()
	w.at(flow.StepRecreateVerify)
	if w.f.CanNext() {
		t.Fatal("Next from a verification that failed")
	}
	if !w.f.Resume() {
		t.Fatal("redo from step 3 refused")
	}
	w.at(flow.StepRecreateRun)
	w.due()
	if !w.f.Done() || w.f.Result().Attempt != 2 || node.Roots(t) != 1 {
		t.Fatalf("the second attempt: %v, attempt %d, %d roots", w.f.RunErr(), w.f.Result().Attempt, node.Roots(t))
	}
	w.next()
	w.at(flow.StepRecreateVerify)
}

// A step that fails stops the procedure; Restore puts the node's
// original certificates back, exactly, and ends the flow.
func TestFlowBRestoresAStoppedRun(t *testing.T) {
	node := flowtest.NewCentral(t)
	before := node.Certificates(t)
	b := centraltest.ReadBehaviour(node.Dir)
	b.FailAt = "delete"
	if err := centraltest.SetBehaviour(node.Dir, b); err != nil {
		t.Fatal(err)
	}
	w := newRecreateWalk(t, node)
	w.toConfirm(flowtest.BackupPassword)
	w.run()
	st := w.f.Stopped()
	if st == nil || st.Step != central.StepDelete || !st.Changed || w.f.CanNext() || !w.f.CanRestore() {
		t.Fatalf("a failed deletion: %v, %+v", w.f.RunErr(), st)
	}
	b.FailAt = ""
	if err := centraltest.SetBehaviour(node.Dir, b); err != nil {
		t.Fatal(err)
	}
	if !w.f.Restore() {
		t.Fatal("restore refused")
	}
	w.due()
	if !w.f.Restored() || w.f.RunErr() != nil {
		t.Fatalf("restore: %v", w.f.RunErr())
	}
	if after := node.Certificates(t); !slices.Equal(before, after) {
		t.Fatalf("the certificates are not the original ones:\nbefore %v\nafter  %v", before, after)
	}
	if u, err := central.Unfinished(node.Node); err != nil || u != nil {
		t.Fatalf("a procedure is still pending after the restore: %+v %v", u, err)
	}
	s := w.f.Step()
	if !s.Last || s.NextLabel != "wizard.finish" || w.f.Leaving() != flow.LeaveAtOnce {
		t.Fatalf("after the restore the run step is not the end: %+v", s)
	}
	w.next()
	if w.quits != 1 {
		t.Fatal("Finish after the restore does not close the flow")
	}
}

// A procedure that a killed qscert left: the flow starts at where it
// stands, asks the backup's password, and goes on to the end.
func TestFlowBGoesOnWithAProcedureStoppedBefore(t *testing.T) {
	node := flowtest.NewCentral(t)
	node.SetBootstrap(t, centraltest.BootstrapFail)
	first := newRecreateWalk(t, node)
	first.toConfirm(flowtest.BackupPassword)
	first.run()
	if coded.CodeOf(first.f.RunErr()) != central.CodeStopped {
		t.Fatalf("a failed bootstrap: %v", first.f.RunErr())
	}
	node.SetBootstrap(t, centraltest.BootstrapNormal)
	st, err := central.Unfinished(node.Node)
	if err != nil || st == nil {
		t.Fatalf("no unfinished procedure: %v", err)
	}
	w := newRecreateWalk(t, node, func(d *flow.RecreateDeps) { d.Unfinished = st })
	w.next()
	w.at(flow.StepRecreateStopped)
	if w.f.CanNext() || w.f.Step().NextLabel != "wizard.recreate.resume" {
		t.Fatal("going on without the backup's password")
	}
	w.f.Set(flow.FieldBackupPassword, flowtest.BackupPassword)
	w.next()
	w.at(flow.StepRecreateRun)
	w.due()
	if !w.f.Done() || node.Roots(t) != 1 {
		t.Fatalf("going on: %v", w.f.RunErr())
	}
	if w.f.Result().Attempt != 2 {
		t.Errorf("a failed bootstrap is not redone from step 3: attempt %d", w.f.Result().Attempt)
	}
}

// A machine that is not a central node: the checks say why and refuse.
func TestFlowBRefusesWhatIsNotACentralNode(t *testing.T) {
	for name, c := range map[string]struct {
		change func(string)
		code   coded.Code
	}{
		"not elevated": {func(dir string) {
			nf, _ := centraltest.ReadNode(dir)
			nf.Elevated = false
			_ = centraltest.WriteNode(dir, nf)
		}, central.CodeNotElevated},
		"no Repository.exe": {func(dir string) { _ = os.Remove(centraltest.Repository(dir)) }, central.CodeRepositoryMissing},
		"no Host.cfg":       {func(dir string) { _ = os.Remove(centraltest.HostCfg(dir)) }, central.CodeNotCentralNode},
	} {
		t.Run(name, func(t *testing.T) {
			w := newRecreateWalk(t, flowtest.NewCentral(t, c.change))
			w.next()
			w.due()
			if coded.CodeOf(w.f.Blocking()) != c.code || w.f.CanNext() {
				t.Fatalf("blocking %v, Next %v", w.f.Blocking(), w.f.CanNext())
			}
			if w.f.NeedsElevation() != (c.code == central.CodeNotElevated) {
				t.Errorf("needs elevation: %v", w.f.NeedsElevation())
			}
		})
	}
	t.Run("not Windows", func(t *testing.T) {
		w := newRecreateWalk(t, flowtest.NewCentral(t), func(d *flow.RecreateDeps) { d.Open = nil })
		w.next()
		w.due()
		if coded.CodeOf(w.f.PlanErr()) != central.CodeWindowsOnly || w.f.CanNext() {
			t.Fatalf("without a node: %v", w.f.PlanErr())
		}
	})
}
