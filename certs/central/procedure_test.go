package central_test

import (
	"context"
	"os"
	"strings"
	"testing"

	"qscert/certs/central"
	"qscert/certs/central/centraltest"
	"qscert/certs/export"
	"qscert/certs/qlik"
	"qscert/certs/store"
	"qscert/certs/validate"
)

// The happy path: the seven steps against the simulated node; the old
// site's three certificates and Exported Certificates go, exactly one new
// set comes, the unrelated root stays, the services run again; step 7
// lists the rim nodes and the machines; redistribute and export work;
// the backup then restores the node exactly.
func TestRecreateHappyPathThenRestore(t *testing.T) {
	dir, node := simulated(t)
	before, servicesBefore := content(t, dir), services(t, dir)
	var events []central.Event
	o := options(t, &events)
	rc := prepare(t, node, o)
	if err := rc.Plan.Blocking(); err != nil {
		t.Fatal(err)
	}
	if got := len(rc.Plan.Deletions()); got != 3 {
		t.Fatalf("the plan deletes %d certificates, want 3: %+v", got, rc.Plan.Deletions())
	}
	roles := map[qlik.Role]central.Part{}
	for _, c := range rc.Plan.Deletions() {
		roles[c.Role] = c.Part
	}
	if roles[qlik.RoleRoot] != central.PartMachine || roles[qlik.RoleServer] != central.PartMachine || roles[qlik.RoleClient] != central.PartAccount {
		t.Fatalf("deletions %+v", rc.Plan.Deletions())
	}
	if content(t, dir) != before {
		t.Fatal("Prepare changed the node")
	}
	res, err := rc.Run()
	if err != nil {
		t.Fatalf("run: %v", err)
	}
	if len(res.Done) != 6 || res.Attempt != 1 || res.DispatcherStarted {
		t.Fatalf("result %+v", res)
	}
	if n := rootsOfSite(t, dir); n != 1 {
		t.Fatalf("%d roots of the site after the recreate", n)
	}
	if got := services(t, dir); got != servicesBefore {
		t.Fatalf("services after: %s, before: %s", got, servicesBefore)
	}
	if _, err := os.Stat(centraltest.Exported(dir)); !os.IsNotExist(err) {
		t.Fatalf("Exported Certificates is still there: %v", err)
	}
	// The new set: none of the old certificates, the unrelated root kept.
	after := content(t, dir)
	oldLines := strings.Split(before, "\n")
	kept := 0
	for _, l := range oldLines {
		if strings.Contains(after, l) && !strings.HasPrefix(l, "exported") {
			kept++
		}
	}
	if kept != 1 {
		t.Fatalf("%d of the old certificates are still there, want 1 (the unrelated root)\n%s", kept, after)
	}
	if len(res.New) != 3 {
		t.Fatalf("new certificates %+v", res.New)
	}
	// Step 7.
	if res.Next == nil || res.Next.Err != nil || len(res.Next.RimNodes) != 2 || len(res.Next.Machines) != 2 {
		t.Fatalf("next %+v", res.Next)
	}
	ds, err := rc.Redistribute(context.Background(), res.Folder, res.Next.RimNodes)
	if err != nil || len(ds) != 2 || ds[0].Password == "" || ds[0].Err != nil {
		t.Fatalf("redistribute %+v, %v", ds, err)
	}
	if got := centraltest.LastCentral().Distributed(); got[ds[0].Node.ID] != ds[0].Password {
		t.Fatalf("the QRS handed out %v", got)
	}
	folder, err := rc.Export(context.Background(), res.Folder, central.ExportRequest{Machines: res.Next.Machines, Password: "New-export-pw", IncludeKey: true})
	if err != nil || folder != centraltest.Exported(dir) {
		t.Fatalf("export: %q, %v", folder, err)
	}
	// The new export opens, and is from the new root.
	exp, err := export.LoadExport(folder+"/"+res.Next.Machines[0], "New-export-pw")
	if err != nil || exp.Root == nil || qlik.Thumbprint(exp.Root.X509) != res.New[0].Thumbprint {
		t.Fatalf("new export: %v, root %+v", err, exp)
	}
	if r := validate.Validate(exp, validate.Options{}); r.Blocking() {
		t.Fatalf("the new export does not validate: %+v", r.Findings)
	}
	// The log tells every step, the bootstrap's lines, never a password.
	log, _ := os.ReadFile(res.Log)
	if os.Getenv("QSCERT_SHOW_LOG") != "" {
		t.Logf("%s", log)
	}
	for _, want := range []string{"[1/7]", "[2/7]", "[3/7]", "[4/7]", "[5/7]", "[6/7]", "[7/7]", "Entering main startup phase",
		"Bootstrap mode has terminated", "Deleted CN=QlikClient", "Rim 1", "rep01.corp.example", "redistributed to Rim 1"} {
		if !strings.Contains(string(log), want) {
			t.Errorf("the log lacks %q:\n%s", want, log)
		}
	}
	for _, secret := range []string{backupPassword, "New-export-pw", ds[0].Password} {
		if strings.Contains(string(log), secret) {
			t.Errorf("the log holds a secret")
		}
	}
	if len(events) == 0 {
		t.Fatal("no event")
	}
	// Nothing is left unfinished; the backup restores the old node.
	if u, err := central.Unfinished(node); u != nil || err != nil {
		t.Fatalf("unfinished after success: %+v %v", u, err)
	}
	restoreAll(t, dir, node, res.Folder, before, o)
	if got := services(t, dir); got != servicesBefore {
		t.Fatalf("services after the restore: %s", got)
	}
}

// A bootstrap that stays on "Entering main startup phase" until the
// Service Dispatcher runs: the procedure starts it after StuckAfter and
// the bootstrap finishes.
func TestABootstrapWaitingForTheDispatcherIsUnblocked(t *testing.T) {
	dir, node := simulated(t)
	setBehaviour(t, dir, centraltest.Behaviour{Bootstrap: centraltest.BootstrapWaitDispatcher})
	var events []central.Event
	res, err := prepare(t, node, options(t, &events)).Run()
	if err != nil {
		t.Fatal(err)
	}
	if !res.DispatcherStarted {
		t.Fatal("the dispatcher was not started")
	}
	log, _ := os.ReadFile(res.Log)
	if !strings.Contains(string(log), "Service Dispatcher is up") || !strings.Contains(string(log), "stayed on") {
		t.Fatalf("log:\n%s", log)
	}
	if n := rootsOfSite(t, dir); n != 1 {
		t.Fatalf("%d roots", n)
	}
}

// Duplicates after the bootstrap: step 5 says which and stops; going on
// redoes steps 3 to 7 in a second attempt, which backs up and deletes the
// first attempt's certificates; the end state has one root, and the
// backup of step 2 still restores the old node.
func TestDuplicatesThenRedoFromStepThree(t *testing.T) {
	dir, node := simulated(t)
	before := content(t, dir)
	setBehaviour(t, dir, centraltest.Behaviour{Bootstrap: centraltest.BootstrapDuplicatesOnce})
	o := options(t, nil)
	res, err := prepare(t, node, o).Run()
	wantCode(t, err, central.CodeStopped)
	if causeCode(err) != central.CodeDuplicates || res.Stopped == nil || res.Stopped.Step != central.StepVerify {
		t.Fatalf("stopped: %v, %+v", err, res.Stopped)
	}
	if !strings.Contains(err.Error(), "count=2") || !strings.Contains(err.Error(), "role=root") {
		t.Fatalf("the error does not say which: %v", err)
	}
	u, err := central.Unfinished(node)
	if err != nil || u == nil || u.State != "bootstrap-done" {
		t.Fatalf("unfinished %+v, %v", u, err)
	}
	// A new procedure is refused while this one is unfinished.
	_, err = prepare(t, node, o).Run()
	wantCode(t, err, central.CodeUnfinished)

	rc, res2, err := central.Resume(context.Background(), node, o)
	if err != nil {
		t.Fatalf("resume: %v", err)
	}
	defer rc.Close()
	if res2.Attempt != 2 || res2.Done[0] != central.StepDelete {
		t.Fatalf("resumed %+v", res2)
	}
	if n := rootsOfSite(t, dir); n != 1 {
		t.Fatalf("%d roots after the second attempt", n)
	}
	restoreAll(t, dir, node, res.Folder, before, o)
}

// A dry run is Prepare alone: the plan names what would be deleted, and
// nothing changes, not even a folder.
func TestPrepareTouchesNothing(t *testing.T) {
	dir, node := simulated(t)
	before := content(t, dir)
	o := options(t, nil)
	rc := prepare(t, node, o)
	if content(t, dir) != before {
		t.Fatal("changed")
	}
	entries, _ := os.ReadDir(o.BackupDir)
	if len(entries) != 0 {
		t.Fatalf("the dry run made %v", entries)
	}
	if rc.Plan.Exported.Exists != true || len(rc.Plan.Exported.Machines) != 2 || len(rc.Plan.ToStop()) != 6 || len(rc.Plan.ToStart()) != 7 {
		t.Fatalf("plan %+v", rc.Plan)
	}
	codes := map[string]bool{}
	for _, f := range rc.Plan.Findings {
		codes[string(f.Code)] = true
	}
	if !codes[string(central.CodeProduction)] || !codes[string(validate.CodeRootWithoutBasicConstraints)] {
		t.Fatalf("findings %+v", rc.Plan.Findings)
	}
	for _, c := range rc.Plan.Deletions() {
		if c.Location != store.LocalMachineRoot && c.Location != store.LocalMachineMy && !(c.Part == central.PartAccount && c.Location == store.CurrentUserMy) {
			t.Fatalf("would delete %+v", c)
		}
	}
}
