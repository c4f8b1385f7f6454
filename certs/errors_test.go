package certs_test

import (
	"os"
	"path/filepath"
	"testing"

	"qscert/certs"
	"qscert/certs/store"
)

func TestLoadExportOfAFileIsFolderUnreadable(t *testing.T) {
	file := filepath.Join(t.TempDir(), "client.pfx")
	if err := os.WriteFile(file, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := certs.LoadExport(file, "")
	wantCode(t, err, certs.CodeFolderUnreadable)
}

// A server certificate without its key is of no use in a store: the plan
// leaves it out and says so.
func TestPlanLeavesOutAServerWithoutItsKey(t *testing.T) {
	exp, _, _ := exports(t)
	keyless := *exp
	server := *exp.Server
	server.Key = nil
	keyless.Server = &server
	plan, err := certs.PlanInstall(&keyless, store.NewMemory(), certs.InstallOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(plan.Notes) != 1 || plan.Notes[0].Code != certs.CodeServerWithoutKey {
		t.Fatalf("notes = %+v", plan.Notes)
	}
	for _, s := range plan.Steps {
		if s.Role == certs.RoleServer {
			t.Fatalf("the keyless server is planned: %+v", s)
		}
	}
	if plan.Count(certs.StepAdd) != 2 {
		t.Fatalf("plan adds %d certificates, want root and client", plan.Count(certs.StepAdd))
	}
}
