package install_test

import (
	"crypto/x509"
	"encoding/json"
	"os"
	"strconv"
	"strings"
	"testing"

	"qscert/certs/install"
	"qscert/certs/qlik"
	"qscert/certs/store"
	"qscert/certs/store/storetest"
)

// errStopped is what a progress callback panics with to stop Apply where
// a killed process would stop: between two steps, the journal written.
type errStopped struct{}

// applyUntil applies plan and stops it (by a panic in the progress
// callback, which Apply does not catch) once stopAt steps are done.
func applyUntil(t *testing.T, plan *install.Plan, stopAt int) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(errStopped); !ok {
				panic(r)
			}
		}
	}()
	_, _ = plan.Apply(func(done, _ int, _ install.Step) {
		if done == stopAt {
			panic(errStopped{})
		}
	})
	t.Fatalf("the plan of %d steps ran to the end", len(plan.Steps))
}

// After a change stopped at any step, Recover leaves exactly the old
// certificates or exactly the new ones, one root, and says which.
func TestRecoverFinishesAChangeStoppedAtAnyStep(t *testing.T) {
	exp1, exp2 := reExports(t, qlik.FormatWindows)
	probe := storetest.NewMemory()
	installExport(t, exp1, probe, t.TempDir())
	plan, err := install.PlanInstall(exp2, probe, install.InstallOptions{BackupDir: t.TempDir(), BackupPassword: backupPassword, Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	steps := len(plan.Steps)
	seen := map[string]bool{}
	for stopAt := 1; stopAt < steps; stopAt++ {
		s := storetest.NewMemory()
		installExport(t, exp1, s, t.TempDir())
		old := take(t, s)
		plan, err := install.PlanInstall(exp2, s, install.InstallOptions{BackupDir: t.TempDir(), BackupPassword: backupPassword, Now: testNow})
		if err != nil {
			t.Fatal(err)
		}
		applyUntil(t, plan, stopAt)
		if pending, _ := s.Pending(); len(pending) != 1 {
			t.Fatalf("stopped after %d steps: %d changes marked pending", stopAt, len(pending))
		}
		recovered, err := install.Recover(s)
		if err != nil || len(recovered) != 1 {
			t.Fatalf("stopped after %d steps: Recover = %+v, %v", stopAt, recovered, err)
		}
		got := take(t, s)
		seen[recovered[0].Action] = true
		switch recovered[0].Action {
		case "undone":
			if !equalSnapshots(got, old) {
				t.Errorf("stopped after %d steps, undone, but:\n%s", stopAt, got)
			}
		case "completed":
			assertHolds(t, s, exp2.Root.X509, exp2.Client.X509, exp2.Server.X509)
			if len(got) != 3 {
				t.Errorf("stopped after %d steps, completed, but:\n%s", stopAt, got)
			}
		default:
			t.Errorf("stopped after %d steps: action %q", stopAt, recovered[0].Action)
		}
		if pending, _ := s.Pending(); len(pending) != 0 {
			t.Errorf("stopped after %d steps: still pending after Recover", stopAt)
		}
		if again, _ := install.Recover(s); len(again) != 0 {
			t.Errorf("a second Recover did more: %+v", again)
		}
		// The journal says how the change ended, and it stays.
		data, err := os.ReadFile(recovered[0].Journal)
		if err != nil || !strings.Contains(string(data), `"state":"`+recovered[0].Action+`"`) {
			t.Errorf("journal %s: %v\n%s", recovered[0].Journal, err, data)
		}
	}
	if !seen["undone"] || !seen["completed"] {
		t.Errorf("the stops covered only %v", seen)
	}
}

// assertHolds fails unless every certificate is in one of s's locations.
func assertHolds(t *testing.T, s store.Store, certs ...*x509.Certificate) {
	t.Helper()
	for _, c := range certs {
		found := false
		for _, loc := range store.Locations {
			if _, ok := storetest.FindEntry(t, s, loc, qlik.Thumbprint(c)); ok {
				found = true
			}
		}
		if !found {
			t.Errorf("%s is not in the store", c.Subject)
		}
	}
}

// A plan made before another process changed the store is refused: it
// would act on what is no longer there.
func TestAStalePlanIsRefused(t *testing.T) {
	exp1, exp2 := reExports(t, qlik.FormatWindows)
	s := storetest.NewMemory()
	installExport(t, exp1, s, t.TempDir())
	plan, err := install.PlanInstall(exp2, s, install.InstallOptions{BackupDir: t.TempDir(), BackupPassword: backupPassword, Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Remove(store.LocalMachineMy, qlik.Thumbprint(exp1.Server.X509)); err != nil {
		t.Fatal(err)
	}
	before := take(t, s)
	_, err = plan.Apply(nil)
	wantCode(t, err, install.CodePlanStale)
	if after := take(t, s); !equalSnapshots(after, before) {
		t.Fatalf("a stale plan changed the store:\n%s", after)
	}
}

// Recover never touches a certificate that is not Qlik's, whatever a
// journal names.
func TestRecoverTouchesOnlyQlikCertificates(t *testing.T) {
	exp1, exp2 := reExports(t, qlik.FormatWindows)
	s := storetest.NewMemory()
	corp := unrelatedCA(t, "Corp-Root")
	if err := s.Add(store.LocalMachineRoot, corp, nil, "corp"); err != nil {
		t.Fatal(err)
	}
	installExport(t, exp1, s, t.TempDir())
	plan, err := install.PlanInstall(exp2, s, install.InstallOptions{BackupDir: t.TempDir(), BackupPassword: backupPassword, Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	applyUntil(t, plan, 1)
	pending, _ := s.Pending()
	for _, path := range pending {
		// Someone edits the journal to name the corporate root as added.
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.SplitN(string(data), "\n", 2)
		var h map[string]any
		if err := json.Unmarshal([]byte(lines[0]), &h); err != nil {
			t.Fatal(err)
		}
		steps := h["steps"].([]any)
		steps = append(steps, map[string]any{"kind": "add", "location": map[string]string{"scope": "LocalMachine", "name": "Root"}, "thumbprint": qlik.Thumbprint(corp)})
		h["steps"] = steps
		head, _ := json.Marshal(h)
		tail := lines[1] + `{"step":` + itoa(len(steps)-1) + `,"state":"start"}` + "\n"
		if err := os.WriteFile(path, []byte(string(head)+"\n"+tail), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := install.Recover(s); err != nil {
		t.Fatal(err)
	}
	if _, ok := storetest.FindEntry(t, s, store.LocalMachineRoot, qlik.Thumbprint(corp)); !ok {
		t.Fatal("Recover removed a certificate that is not Qlik's")
	}
}

func itoa(i int) string { return strconv.Itoa(i) }
