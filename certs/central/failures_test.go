package central_test

import (
	"context"
	"encoding/base64"
	"os"
	"path/filepath"
	"testing"
	"time"

	"qscert/certs/accounts"
	"qscert/certs/central"
	"qscert/certs/central/centraltest"
	"qscert/certs/coded"
	"qscert/certs/store"
)

// A failure injected at each step stops the procedure there, says what
// state the machine is in, leaves it marked unfinished once anything
// changed, and the backup then restores the node exactly.
func TestAFailureAtEachStepStopsAndTheBackupRestores(t *testing.T) {
	cases := []struct {
		name      string
		behaviour centraltest.Behaviour
		timeout   time.Duration
		step      central.StepID
		cause     coded.Code
		state     string
	}{
		{"backup", centraltest.Behaviour{FailAt: "backup"}, 0, central.StepBackup, store.CodeStoreFailed, "unchanged"},
		{"stop", centraltest.Behaviour{FailAt: "stop"}, 0, central.StepDelete, central.CodeServiceStopFailed, "services-stopped"},
		{"delete", centraltest.Behaviour{FailAt: "delete"}, 0, central.StepDelete, store.CodeStoreFailed, "deleting"},
		{"exported", centraltest.Behaviour{FailAt: "exported"}, 0, central.StepDelete, central.CodeExportedDelete, "deleting"},
		{"bootstrap-fails", centraltest.Behaviour{Bootstrap: centraltest.BootstrapFail}, 0, central.StepBootstrap, central.CodeBootstrapFailed, "bootstrap-unfinished"},
		{"bootstrap-never-ends", centraltest.Behaviour{Bootstrap: centraltest.BootstrapHang}, 1500 * time.Millisecond, central.StepBootstrap, central.CodeBootstrapTimeout, "bootstrap-unfinished"},
		{"verify", centraltest.Behaviour{Bootstrap: centraltest.BootstrapNoClient}, 0, central.StepVerify, central.CodeMissing, "bootstrap-done"},
		{"restart", centraltest.Behaviour{FailStart: central.ServiceEngine}, 0, central.StepRestart, central.CodeServiceStartFailed, "certificates-new"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir, node := simulated(t)
			before := content(t, dir)
			setBehaviour(t, dir, c.behaviour)
			o := options(t, nil)
			if c.timeout > 0 {
				o.BootstrapTimeout = c.timeout
			}
			res, err := prepare(t, node, o).Run()
			wantCode(t, err, central.CodeStopped)
			if causeCode(err) != c.cause {
				t.Fatalf("stopped by %v, want %s", err, c.cause)
			}
			if res.Stopped == nil || res.Stopped.Step != c.step || res.Stopped.State != c.state {
				t.Fatalf("status %+v, want step %s, state %s", res.Stopped, c.step, c.state)
			}
			u, err := central.Unfinished(node)
			if err != nil {
				t.Fatal(err)
			}
			if (u != nil) != res.Stopped.Changed {
				t.Fatalf("unfinished %+v, changed %v", u, res.Stopped.Changed)
			}
			if c.cause == central.CodeBootstrapTimeout {
				// The bootstrap that never ends is gone: it must not make
				// certificates while the next qscert works.
				waitNoBootstrap(t, node)
			}
			setBehaviour(t, dir, centraltest.Behaviour{FailStart: c.behaviour.FailStart})
			restoreAll(t, dir, node, res.Folder, before, o)
			if n := rootsOfSite(t, dir); n != 1 {
				t.Fatalf("%d roots after the restore", n)
			}
		})
	}
}

func waitNoBootstrap(t *testing.T, node *central.Node) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		pids, err := node.Processes.Running("Repository.exe")
		if err != nil {
			t.Fatal(err)
		}
		if len(pids) == 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("the bootstrap is still running: %v", pids)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// Step 7 failing is a warning: the certificates are in place.
func TestAQRSThatDoesNotAnswerLeavesStepSevenAWarning(t *testing.T) {
	dir, node := simulated(t)
	setBehaviour(t, dir, centraltest.Behaviour{FailAt: "qrs"})
	o := options(t, nil)
	o.ServiceTimeout = 300 * time.Millisecond
	res, err := prepare(t, node, o).Run()
	if err != nil {
		t.Fatal(err)
	}
	if res.Next == nil || coded.CodeOf(res.Next.Err) != central.CodeNextFailed || len(res.Next.Machines) != 2 {
		t.Fatalf("next %+v", res.Next)
	}
}

// The preconditions refuse, each with its code, and change nothing.
func TestPreconditionsRefuseWithAClearCode(t *testing.T) {
	cases := []struct {
		name   string
		change func(t *testing.T, dir string)
		code   coded.Code
		reason string
	}{
		{"not-elevated", func(t *testing.T, dir string) {
			editNode(t, dir, func(nf *centraltest.NodeFile) { nf.Elevated = false })
		}, central.CodeNotElevated, ""},
		{"repository-missing", func(t *testing.T, dir string) { mustRemove(t, centraltest.Repository(dir)) }, central.CodeRepositoryMissing, ""},
		{"host-cfg-missing", func(t *testing.T, dir string) { mustRemove(t, centraltest.HostCfg(dir)) }, central.CodeNotCentralNode, "host-cfg-missing"},
		{"host-cfg-invalid", func(t *testing.T, dir string) { writeFile(t, centraltest.HostCfg(dir), "not base64!") }, central.CodeNotCentralNode, "host-cfg-invalid"},
		{"rim-node", makeRimNode, central.CodeNotCentralNode, "rim-node"},
		{"password", setUserAccount, central.CodeAccountPassword, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir, _ := simulated(t)
			c.change(t, dir)
			node := openNode(t, dir)
			before := content(t, dir)
			rc := prepare(t, node, options(t, nil))
			err := rc.Plan.Blocking()
			wantCode(t, err, c.code)
			if c.reason != "" && coded.As(err).Params["reason"] != c.reason {
				t.Fatalf("reason %q, want %q", coded.As(err).Params["reason"], c.reason)
			}
			_, err = rc.Run()
			wantCode(t, err, c.code)
			if content(t, dir) != before {
				t.Fatal("a refused procedure changed the node")
			}
		})
	}
}

// An ordinary account works once its password is given: the runner gets
// it, the account's QlikClient is replaced.
func TestAnOrdinaryServiceAccountNeedsItsPassword(t *testing.T) {
	dir, _ := simulated(t)
	setUserAccount(t, dir)
	node := openNode(t, dir)
	o := options(t, nil)
	o.AccountPassword = []byte("Svc-pass-2026")
	res, err := prepare(t, node, o).Run()
	if err != nil {
		t.Fatal(err)
	}
	if len(res.New) != 3 {
		t.Fatalf("new %+v", res.New)
	}
}

// Two procedures at once, and a plan made from stores that changed since,
// are refused before anything changes.
func TestBusyAndStalePlansAreRefused(t *testing.T) {
	dir, node := simulated(t)
	before := content(t, dir)
	unlock, err := node.Mark.Lock()
	if err != nil {
		t.Fatal(err)
	}
	_, err = prepare(t, node, options(t, nil)).Run()
	wantCode(t, err, central.CodeBusy)
	unlock()

	rc := prepare(t, node, options(t, nil))
	s, _ := store.OpenFolder(filepath.Join(dir, centraltest.MachineStore))
	server := rc.Plan.Deletions()[1]
	if err := s.Remove(server.Location, server.Thumbprint); err != nil {
		t.Fatal(err)
	}
	_, err = rc.Run()
	wantCode(t, err, central.CodePlanStale)
	_ = before
	_, _, err = central.Resume(context.Background(), node, options(t, nil))
	wantCode(t, err, central.CodeNothingToResume)
}

// makeRimNode makes the node look like a rim node: its Host.cfg names
// another node, and its root (the central's) has no private key.
func makeRimNode(t *testing.T, dir string) {
	t.Helper()
	s, err := store.OpenFolder(filepath.Join(dir, centraltest.MachineStore))
	if err != nil {
		t.Fatal(err)
	}
	entries, _ := s.List(store.LocalMachineRoot)
	for _, e := range entries {
		c, _ := e.Certificate()
		if c.Subject.CommonName == centraltest.DefaultFQDN+"-CA" {
			if err := s.Remove(e.Location, e.Thumbprint()); err != nil {
				t.Fatal(err)
			}
			if err := s.Add(e.Location, c, nil, ""); err != nil {
				t.Fatal(err)
			}
		}
	}
	writeFile(t, centraltest.HostCfg(dir), base64.StdEncoding.EncodeToString([]byte("qlik-rim1.corp.example")))
}

// setUserAccount makes the services run as an ordinary domain user.
func setUserAccount(t *testing.T, dir string) {
	t.Helper()
	if err := centraltest.SetAccount(dir, accounts.SimulatedAccount{Name: `CORP\svc_qlik`, SID: "S-1-5-21-1-2-3-1105", SidType: 1}); err != nil {
		t.Fatal(err)
	}
}

func editNode(t *testing.T, dir string, f func(*centraltest.NodeFile)) {
	t.Helper()
	nf, err := centraltest.ReadNode(dir)
	if err != nil {
		t.Fatal(err)
	}
	f(&nf)
	if err := centraltest.WriteNode(dir, nf); err != nil {
		t.Fatal(err)
	}
}

func mustRemove(t *testing.T, path string) {
	t.Helper()
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
