package install_test

import (
	"testing"

	"qscert/certs/install"
	"qscert/certs/qlik"
	"qscert/certs/store/storetest"
)

// A server certificate without its key is of no use in a store: the plan
// leaves it out and says so.
func TestPlanLeavesOutAServerWithoutItsKey(t *testing.T) {
	exp, _, _ := exports(t)
	keyless := *exp
	server := *exp.Server
	server.Key = nil
	keyless.Server = &server
	plan, err := install.PlanInstall(&keyless, storetest.NewMemory(), install.InstallOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(plan.Notes) != 1 || plan.Notes[0].Code != install.CodeServerWithoutKey {
		t.Fatalf("notes = %+v", plan.Notes)
	}
	for _, s := range plan.Steps {
		if s.Role == qlik.RoleServer {
			t.Fatalf("the keyless server is planned: %+v", s)
		}
	}
	if plan.Count(install.StepAdd) != 2 {
		t.Fatalf("plan adds %d certificates, want root and client", plan.Count(install.StepAdd))
	}
}
