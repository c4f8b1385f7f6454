package central_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"qscert/assets/i18n"
	"qscert/certs/central"
	"qscert/certs/central/centraltest"
	"qscert/certs/certstest"
	"qscert/certs/coded"
	"qscert/certs/qlik"
	"qscert/certs/store"
)

// Every code has a sentence in both languages, and a command-line wording
// where it names a flag.
func TestEveryCodeHasAnEnglishAndAFrenchSentence(t *testing.T) {
	for _, lang := range i18n.Languages {
		tr := i18n.New(lang)
		for _, c := range central.Codes.Codes() {
			if !tr.Has("code." + string(c)) {
				t.Errorf("%s: no sentence for %s", lang, c)
			}
		}
		for _, s := range []string{"unchanged", "services-stopped", "deleting", "certificates-deleted", "bootstrap-unfinished",
			"bootstrap-done", "certificates-new", "services-started", "finished", "restored"} {
			if !tr.Has("reason.state-" + s) {
				t.Errorf("%s: no sentence for the state %s", lang, s)
			}
		}
	}
}

// The findings the plan makes of a node that is not quite as expected.
func TestPlanFindingsOfUnusualNodes(t *testing.T) {
	t.Run("no certificates left", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "node")
		if err := centraltest.Create(dir, centraltest.CreateOptions{NoCertificates: true}); err != nil {
			t.Fatal(err)
		}
		node := openNode(t, dir)
		rc := prepare(t, node, options(t, nil))
		wantFinding(t, rc.Plan, central.CodeNothingToDelete)
		if err := rc.Plan.Blocking(); err != nil {
			t.Fatal(err)
		}
		res, err := rc.Run() // the bootstrap makes a new set
		if err != nil || len(res.New) != 3 {
			t.Fatalf("%+v %v", res, err)
		}
	})
	t.Run("another Qlik root", func(t *testing.T) {
		dir, node := simulated(t)
		old, err := certstest.NewSite("qlik-old-name.corp.example", certstest.StyleLegacy, time.Now())
		if err != nil {
			t.Fatal(err)
		}
		s, _ := store.OpenFolder(filepath.Join(dir, centraltest.MachineStore))
		if err := s.Add(store.LocalMachineRoot, old.Root, old.RootKey, ""); err != nil {
			t.Fatal(err)
		}
		rc := prepare(t, node, options(t, nil))
		wantFinding(t, rc.Plan, central.CodeOtherRoot)
		for _, c := range rc.Plan.Deletions() {
			if c.Thumbprint == qlik.Thumbprint(old.Root) {
				t.Fatal("the other root would be deleted")
			}
		}
	})
	t.Run("database stopped", func(t *testing.T) {
		dir, node := simulated(t)
		if err := node.Services.Stop(central.ServiceRepositoryDatabase); err != nil {
			t.Fatal(err)
		}
		rc := prepare(t, node, options(t, nil))
		wantFinding(t, rc.Plan, central.CodeDatabaseStopped)
		if _, err := rc.Run(); err != nil {
			t.Fatal(err)
		}
		if states, _ := centraltest.ServiceStates(dir); states[central.ServiceRepositoryDatabase].State != "running" {
			t.Fatal("the database was not started for the bootstrap")
		}
	})
	t.Run("no repository service", func(t *testing.T) {
		dir, _ := simulated(t)
		path := filepath.Join(dir, "services.json")
		all := map[string]any{}
		data, _ := os.ReadFile(path)
		_ = json.Unmarshal(data, &all)
		delete(all, central.ServiceRepository)
		data, _ = json.Marshal(all)
		writeFile(t, path, string(data))
		rc := prepare(t, openNode(t, dir), options(t, nil))
		wantCode(t, rc.Plan.Blocking(), central.CodeNoRepositoryService)
	})
	t.Run("Exported Certificates too large", func(t *testing.T) {
		dir, node := simulated(t)
		f, err := os.Create(filepath.Join(centraltest.Exported(dir), "rep01.corp.example", "huge.bin"))
		if err != nil {
			t.Fatal(err)
		}
		_ = f.Truncate(central.MaxExportedBytes + 1) // sparse: no disk used
		f.Close()
		rc := prepare(t, node, options(t, nil))
		wantCode(t, rc.Plan.Blocking(), central.CodeExportedTooLarge)
	})
}

func wantFinding(t *testing.T, p *central.Plan, code coded.Code) {
	t.Helper()
	for _, f := range p.Findings {
		if f.Code == code {
			return
		}
	}
	t.Fatalf("no %s in %+v", code, p.Findings)
}

// A Repository.exe that does not end (left by a killed qscert, here a
// process of this test posing as one) stops step 3 before it reads the
// stores.
func TestABootstrapStillRunningStopsStepThree(t *testing.T) {
	dir, node := simulated(t)
	before := content(t, dir)
	data, _ := json.Marshal(map[string]any{"program": "Repository.exe", "pid": os.Getpid()})
	writeFile(t, filepath.Join(dir, "processes", fmt.Sprintf("%d.json", os.Getpid())), string(data))
	o := options(t, nil)
	o.ServiceTimeout = 300 * time.Millisecond
	res, err := prepare(t, node, o).Run()
	wantCode(t, err, central.CodeStopped)
	if causeCode(err) != central.CodeBootstrapRunning || res.Stopped.Step != central.StepDelete {
		t.Fatalf("%v %+v", err, res.Stopped)
	}
	mustRemove(t, filepath.Join(dir, "processes", fmt.Sprintf("%d.json", os.Getpid())))
	restoreAll(t, dir, node, res.Folder, before, o)
}

// A service that never reaches the state asked: service-timeout.
func TestWaitStateTimesOut(t *testing.T) {
	_, err := central.WaitState(context.Background(), stuckService{}, "X", central.StateStopped, 100*time.Millisecond, 10*time.Millisecond)
	wantCode(t, err, central.CodeServiceTimeout)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := central.WaitState(ctx, stuckService{}, "X", central.StateStopped, time.Hour, 10*time.Millisecond); err != context.Canceled {
		t.Fatalf("cancelled: %v", err)
	}
}

type stuckService struct{}

func (stuckService) Query(name string) (central.ServiceStatus, error) {
	return central.ServiceStatus{Name: name, Exists: true, State: central.StateStopPending}, nil
}
func (stuckService) Start(string) error { return nil }
func (stuckService) Stop(string) error  { return nil }

// A journal that is not one, and a sub-command that fails without saying
// why.
func TestUnreadableJournalAndAFailingChild(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, central.JournalName), "not a journal\n")
	_, err := central.StatusOf(dir)
	wantCode(t, err, central.CodeNoJournal)

	_, node := simulated(t)
	exe, _ := os.Executable()
	node.Child = []string{exe, "__exit3"}
	rc := prepare(t, node, options(t, nil))
	if err := rc.Plan.Blocking(); coded.CodeOf(err) != central.CodeChildFailed || !strings.Contains(err.Error(), "exit code 3") {
		t.Fatalf("a child that exits 3: %v", err)
	}
	node.Child = nil
	rc = prepare(t, node, options(t, nil))
	wantCode(t, rc.Plan.Blocking(), central.CodeChildFailed)
}
