package flow_test

import (
	"testing"

	"qscert/certs/accounts"
	"qscert/certs/coded"
	"qscert/certs/foraccount"
	"qscert/wizard/flow"
)

// The account step on Windows' own accounts and services (under Wine in
// tools/wine/test-windows.sh): the service manager's list feeds the
// service choice, LookupAccountName resolves the well-known accounts.
func TestTheAccountStepOnWindowsAccountsAndServices(t *testing.T) {
	r, err := accounts.OpenResolver()
	if err != nil {
		t.Fatal(err)
	}
	l, err := accounts.OpenServices()
	if err != nil {
		t.Fatal(err)
	}
	sys := &foraccount.System{Resolver: r, Services: l, RunnerFor: accounts.RunnerFor, CurrentSID: accounts.CurrentSID()}
	f := flow.NewInstall(flow.Deps{Accounts: sys, Lang: "en", Elevated: true})
	f.SetWho(flow.WhoService)
	if j := f.ServicesDue(); j != nil {
		f.ApplyServices(j.Run())
	}
	list, listed, err := f.Services()
	if !listed || err != nil || len(list) == 0 {
		t.Fatalf("services: %d, %v", len(list), err)
	}
	t.Logf("%d services, the first %q as %q", len(list), list[0].DisplayName, list[0].StartName)
	// A service of the list resolves to its account.
	f.SetService(list[0].Name)
	f.ApplyResolved(f.ResolveDue().Run())
	if a := f.Account(); a == nil && f.AccountErr() == nil {
		t.Fatal("the service's account is neither resolved nor refused")
	}

	f.SetWho(flow.WhoAccount)
	for name, sid := range map[string]string{`NT AUTHORITY\NETWORK SERVICE`: accounts.SIDNetworkService, "LocalSystem": accounts.SIDLocalSystem,
		"NT AUTHORITY\\LocalService": accounts.SIDLocalService} {
		f.Set(flow.FieldAccountName, name)
		f.ApplyResolved(f.ResolveDue().Run())
		a := f.Account()
		if a == nil || a.SID != sid {
			t.Errorf("%s: %+v, %v", name, a, f.AccountErr())
			continue
		}
		if key, params := f.Hint(flow.FieldAccountName); key != "wizard.account.resolved" || params["sid"] != sid {
			t.Errorf("%s: hint %s %v", name, key, params)
		}
	}
	f.Set(flow.FieldAccountName, `NT SERVICE\MSSQLSERVER`)
	f.ApplyResolved(f.ResolveDue().Run())
	if !f.RecommendsMachine() {
		t.Errorf("a virtual account: %+v, %v", f.Account(), f.AccountErr())
	}
	f.Set(flow.FieldAccountName, `NOSUCHDOMAIN\nobody-at-all`)
	f.ApplyResolved(f.ResolveDue().Run())
	if coded.CodeOf(f.AccountErr()) != accounts.CodeNotFound {
		t.Errorf("an unknown account: %+v, %v", f.Account(), f.AccountErr())
	}
}
