package app

import (
	"testing"

	"qscert/certs/accounts"
	"qscert/certs/foraccount"
	"qscert/certs/install"
	"qscert/certs/store"
	"qscert/wizard/flow"
)

// walkDemoTo walks the demo's flow to the account step.
func walkDemoTo(t *testing.T, deps flow.Deps) *flow.Install {
	t.Helper()
	f := flow.NewInstall(deps)
	f.ApplyMachine(f.LookUpMachine().Run())
	for f.Step().ID != flow.StepFiles {
		f.Next()
	}
	f.Set(flow.FieldPassword, deps.Demo.Password)
	f.RunDue(nil)
	if !f.Next() || f.Step().ID != flow.StepAccount {
		t.Fatalf("at %s: %+v %v", f.Step().ID, f.Report(), f.LoadErr())
	}
	f.RunDue(nil)
	return f
}

// The wizard's demo on its simulated accounts, with the real child: this
// test binary runs as qscert `_for-account` and `test --json` as the
// account (the simulated runner starts it as the current user), on the
// demo's sandbox. For NetworkService (a service of the list), the client
// lands in that account's own store, the connection test runs as it
// against the demo's simulated QRS; for the machine, the key is granted
// and the check says the account may read it.
func TestTheWizardsDemoInstallsForAServiceAccountWithTheRealChild(t *testing.T) {
	t.Setenv(asProgramEnv, "1")
	env := ProcessEnv()
	deps, release, err := wizardDeps(env, guiOptions{demo: true, lang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	if deps.Accounts == nil {
		t.Fatalf("the demo has no accounts: %v", deps.AccountsErr)
	}
	f := walkDemoTo(t, deps)
	f.SetWho(flow.WhoService)
	f.RunDue(nil)
	f.SetService("QlikNPrintingEngine")
	f.RunDue(nil)
	a := f.Account()
	if a == nil || a.SID != accounts.SIDNetworkService || !f.CanNext() {
		t.Fatalf("account %+v, %v", a, f.AccountErr())
	}
	f.Next()
	f.RunDue(nil)
	if p := f.Plan(); p == nil || p.Count(install.StepAccount) != 1 {
		t.Fatalf("plan %+v: %v", p, f.PlanErr())
	}
	f.Next()
	f.RunDue(nil)
	if !f.Installed() || len(f.AccountDone()) == 0 {
		t.Fatalf("install: %v, child steps %d", f.InstallErr(), len(f.AccountDone()))
	}
	res := f.Result()
	// (Where the child keeps it, the demo's profile of the account, this
	// test cannot see: as a child, the test binary takes a configuration
	// folder of its own, TestMain.)
	if len(res.Accounts) != 1 || res.Accounts[0].Backup == "" || res.Accounts[0].Account.SID != accounts.SIDNetworkService {
		t.Fatalf("the account's part: %+v", res.Accounts)
	}
	f.Next()
	f.RunDue(nil)
	who, _ := f.TestedFor()
	if d := f.Diagnosis(); d == nil || !d.OK() || who == nil || who.SID != accounts.SIDNetworkService {
		t.Fatalf("the test as NetworkService: %+v, %v", d, f.TestErr())
	}
}

func TestTheWizardsDemoInstallsForTheMachineWithTheKeyGranted(t *testing.T) {
	env := ProcessEnv()
	deps, release, err := wizardDeps(env, guiOptions{demo: true, lang: "fr"})
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	f := walkDemoTo(t, deps)
	f.SetWho(flow.WhoMachine)
	f.Set(flow.FieldGrantAccount, `NT AUTHORITY\NETWORK SERVICE`)
	f.RunDue(nil)
	f.Next()
	f.RunDue(nil)
	f.Next()
	f.RunDue(nil)
	if !f.Installed() {
		t.Fatalf("install: %v", f.InstallErr())
	}
	f.Next()
	f.RunDue(nil)
	fd := f.TestFindings()
	if d := f.Diagnosis(); d == nil || !d.OK() || len(fd) != 1 || fd[0].Code != foraccount.CodeKeyReadable {
		t.Fatalf("the machine's test: %+v %+v %v", d, fd, f.TestErr())
	}
	if l, err := deps.Store.List(store.LocalMachineMy); err != nil || len(l) != 2 { // the client and the server
		t.Fatalf("LocalMachine\\My holds %d certificates: %v", len(l), err)
	}
}
