package flow_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"qscert/assets/i18n"
	"qscert/certs/accounts"
	"qscert/certs/coded"
	"qscert/certs/foraccount"
	"qscert/certs/install"
	"qscert/certs/qlik"
	"qscert/certs/qrs/qrstest"
	"qscert/certs/store"
	"qscert/wizard/flow"
	"qscert/wizard/flow/flowtest"
)

// accountConsole is a flow on the simulated machine of flowtest.Accounts,
// with the site's export and QRS, walked to the account step.
func accountConsole(t *testing.T, change ...func(*flow.Deps)) (*console, *flowtest.Accounts, *flowtest.Site) {
	t.Helper()
	s := flowtest.NewSite(t, qrstest.Options{})
	acc := flowtest.NewAccounts(t)
	c := newConsole(t, append([]func(*flow.Deps){func(d *flow.Deps) {
		d.Store, d.QRSAddress, d.Accounts, d.Elevated = acc.Machine, s.QRS.Addr, acc.System, true
	}}, change...)...)
	c.answerFiles(s.Dir, flowtest.Password, flowtest.Host)
	c.next()
	c.at(flow.StepAccount)
	c.f.RunDue(nil)
	return c, acc, s
}

var svcQlik = accounts.Account{Name: flowtest.ServiceAccount, SID: flowtest.ServiceSID, Kind: accounts.KindUser}

// Without the accounts of this machine (not Windows, no demo), only "me"
// is offered, and the step says why.
func TestOnlyMeIsOfferedWithoutAccounts(t *testing.T) {
	c := newConsole(t, func(d *flow.Deps) { d.AccountsErr = coded.New(accounts.CodeUnsupported, nil, "what", "accounts") })
	c.goTo(flow.StepFiles)
	c.f.Set(flow.FieldFolder, flowtest.WriteExport(t, flowtest.Host, flowtest.Machine, qlik.FormatWindows))
	c.f.Set(flow.FieldPassword, flowtest.Password)
	c.f.Set(flow.FieldHost, flowtest.Host)
	c.f.RunDue(nil)
	c.next()
	c.at(flow.StepAccount)
	for _, w := range flow.Whos[1:] {
		if c.f.Offers(w) {
			t.Errorf("%s offered without accounts", w)
		}
		c.f.SetWho(w)
	}
	if c.f.Who() != flow.WhoMe || coded.CodeOf(c.f.AccountsErr()) != accounts.CodeUnsupported || !c.f.CanNext() {
		t.Fatalf("who %s, err %v, Next %v", c.f.Who(), c.f.AccountsErr(), c.f.CanNext())
	}
}

// The service's account: the services come ranked (the products that
// talk to Qlik first), the account of the one picked is resolved, its
// password asked; the install puts the client in that account's own
// Personal store from a child acting as it, whose steps reach the install
// page, and the connection test runs as the account.
func TestInstallForAServiceAccountAndTestAsIt(t *testing.T) {
	c, acc, s := accountConsole(t)
	c.f.SetWho(flow.WhoService)
	c.f.RunDue(nil)
	list, listed, err := c.f.Services()
	if !listed || err != nil || len(list) != 4 || !list[0].Likely || !list[1].Likely || list[2].Likely {
		t.Fatalf("services %+v, %v", list, err)
	}
	if c.f.CanNext() {
		t.Fatal("Next with no service picked")
	}
	c.f.SetService("QalyptusServer")
	if !c.f.Resolving() || c.f.CanNext() {
		t.Fatal("the service's account is not being looked up")
	}
	c.f.RunDue(nil)
	a := c.f.Account()
	if a == nil || a.SID != flowtest.ServiceSID || a.Kind != accounts.KindUser {
		t.Fatalf("account %+v, err %v", a, c.f.AccountErr())
	}
	if key, params := c.f.Hint(flow.FieldAccountName); key != "wizard.account.resolved" || params["kind"] != "a user account" || params["sid"] != flowtest.ServiceSID {
		t.Errorf("hint %s %v", key, params)
	}
	if !c.f.Asks(flow.FieldAccountPassword) || c.f.Asks(flow.FieldAccountName) || c.f.CanNext() {
		t.Fatal("the account's password is not asked before Next")
	}
	c.f.Set(flow.FieldAccountPassword, flowtest.ServicePassword)
	c.next()

	// The old certificates: the administrator's own CurrentUser store is
	// not this install's concern; the backup password is asked (the
	// child's change is undone from a backup).
	c.at(flow.StepOld)
	c.f.RunDue(nil)
	plan := c.f.Plan()
	if plan == nil || plan.Count(install.StepAccount) != 1 || !c.f.Removing() {
		t.Fatalf("plan %+v, err %v", plan, c.f.PlanErr())
	}
	for _, fd := range c.f.Found() {
		if fd.Location.Scope == store.CurrentUser {
			t.Errorf("the administrator's %s is shown", fd.Location)
		}
	}
	var childSteps []install.Step
	c.next()
	c.f.RunDue(func(done, total int, s install.Step) {
		if s.Account != nil && s.Kind != install.StepAccount {
			childSteps = append(childSteps, s)
		}
	})
	if !c.f.Installed() {
		t.Fatalf("install: %v", c.f.InstallErr())
	}
	if len(childSteps) == 0 || !slices.Equal(c.f.AccountDone(), childSteps) || childSteps[0].Account.SID != flowtest.ServiceSID {
		t.Fatalf("the child's steps %+v, flow has %+v", childSteps, c.f.AccountDone())
	}
	res := c.f.Result()
	if len(res.Accounts) != 1 || res.Accounts[0].Account.SID != flowtest.ServiceSID {
		t.Fatalf("result accounts %+v", res.Accounts)
	}
	if got := acc.Holds(svcQlik, store.CurrentUserMy); len(got) != 1 || got[0] != qlik.Thumbprint(s.Export.Client.Cert) {
		t.Fatalf("the account's CurrentUser\\My holds %v", got)
	}
	mine, _ := acc.Machine.List(store.CurrentUserMy)
	if len(mine) != 0 {
		t.Fatalf("the administrator's CurrentUser\\My holds %d certificates", len(mine))
	}

	c.next()
	c.at(flow.StepDone)
	c.f.RunDue(nil)
	d := c.f.Diagnosis()
	who, machine := c.f.TestedFor()
	if d == nil || !d.OK() || who == nil || who.SID != flowtest.ServiceSID || machine {
		t.Fatalf("test %+v for %+v, err %v", d, who, c.f.TestErr())
	}
	runs := acc.Runs()
	if len(runs) != 2 || runs[0].Argv[1] != install.AccountCommandName || runs[1].Argv[1] != "test" {
		t.Fatalf("runs %+v", runs)
	}
	for _, r := range runs {
		if !r.HadPassword || strings.Contains(strings.Join(r.Argv, " "), flowtest.ServicePassword) {
			t.Errorf("run %q: password given %v", r.Argv, r.HadPassword)
		}
	}
}

// Before the install the account has no client: the test says so as the
// account's (account-certificate-not-found), not as the store's.
func TestTheTestAsTheAccountSaysTheAccountHasNoCertificate(t *testing.T) {
	c, _, _ := accountConsole(t)
	c.f.SetWho(flow.WhoAccount)
	c.f.Set(flow.FieldAccountName, `NT AUTHORITY\NETWORK SERVICE`)
	c.f.RunDue(nil)
	if c.f.Asks(flow.FieldAccountPassword) || !c.f.CanNext() {
		t.Fatal("NetworkService needs no password")
	}
	c.f.ApplyTest(c.f.ConnectionTest().Run())
	if coded.CodeOf(c.f.TestErr()) != foraccount.CodeCertificateNotFound {
		t.Fatalf("test err %v", c.f.TestErr())
	}
	// The wizard's sentence sends back to its own step; the command
	// line's names the command.
	err := c.f.TestErr()
	for _, say := range []struct {
		t    *i18n.Translator
		want string
	}{
		{i18n.New("en"), "Go back to “Who uses this certificate?”"},
		{i18n.New("fr"), "Revenez à « Qui utilise ce certificat ? »"},
		{i18n.New("en").CommandLine(), `qscert install FOLDER --for-account "NT AUTHORITY\NETWORK SERVICE"`},
		{i18n.New("fr").CommandLine(), `qscert install DOSSIER --for-account "NT AUTHORITY\NETWORK SERVICE"`},
	} {
		if got := say.t.Error(err); !strings.Contains(got, say.want) {
			t.Errorf("%q lacks %q", got, say.want)
		}
	}
}

// A name Windows does not know is refused with the lookup's sentence.
func TestAnUnknownAccountIsRefused(t *testing.T) {
	c, _, _ := accountConsole(t)
	c.f.SetWho(flow.WhoAccount)
	if key, _ := c.f.FieldProblem(flow.FieldAccountName, ""); key != "wizard.account.name.empty" || c.f.CanNext() {
		t.Fatalf("an empty name: %s", key)
	}
	c.f.Set(flow.FieldAccountName, `CORP\nobody`)
	c.f.RunDue(nil)
	if coded.CodeOf(c.f.AccountErr()) != accounts.CodeNotFound || c.f.CanNext() {
		t.Fatalf("err %v, Next %v", c.f.AccountErr(), c.f.CanNext())
	}
	key, params := c.f.FieldProblem(flow.FieldAccountName, `CORP\nobody`)
	if key != "code.account-not-found" || params["account"] != `CORP\nobody` {
		t.Fatalf("problem %s %v", key, params)
	}
	c.f.Set(flow.FieldAccountName, `BUILTIN\Administrators`)
	c.f.RunDue(nil)
	if coded.CodeOf(c.f.AccountErr()) != accounts.CodeNotUsable {
		t.Fatalf("a group: %v", c.f.AccountErr())
	}
}

// A virtual account (NT SERVICE\...) recommends the machine, as the
// command line does; taking the recommendation grants it the key.
func TestAVirtualAccountRecommendsTheMachine(t *testing.T) {
	c, _, _ := accountConsole(t)
	c.f.SetWho(flow.WhoService)
	c.f.SetService("MSSQLSERVER")
	c.f.RunDue(nil)
	if !c.f.RecommendsMachine() || c.f.CanNext() {
		t.Fatalf("virtual: recommends %v, Next %v", c.f.RecommendsMachine(), c.f.CanNext())
	}
	c.f.UseMachine()
	c.f.RunDue(nil)
	a := c.f.Account()
	if c.f.Who() != flow.WhoMachine || a == nil || a.SID != accounts.ServiceSID("MSSQLSERVER") || c.f.Value(flow.FieldGrantAccount) != `NT SERVICE\MSSQLSERVER` || !c.f.CanNext() {
		t.Fatalf("after UseMachine: %s %+v", c.f.Who(), a)
	}
}

// grantable is a folder store whose LocalMachine\My keys have access
// lists, as the Windows store's do.
type grantable struct {
	*store.Folder
	readers map[string]bool
}

func (g *grantable) GrantKeyRead(_ store.Location, tp, sid string) (func() error, error) {
	g.readers[tp+" "+sid] = true
	return func() error { delete(g.readers, tp+" "+sid); return nil }, nil
}

func (g *grantable) CanRead(_ store.Location, tp, sid string) (bool, error) {
	return g.readers[tp+" "+sid], nil
}

// The machine: the plan names LocalMachine\My and the key access for
// S-1-5-20; after the install the test checks that access.
func TestInstallForTheMachineGrantsTheKeyAndTheTestChecksIt(t *testing.T) {
	var g *grantable
	c, acc, s := accountConsole(t, func(d *flow.Deps) {
		g = &grantable{Folder: d.Store.(*store.Folder), readers: map[string]bool{}}
		d.Store = g
	})
	c.f.SetWho(flow.WhoMachine)
	c.f.RunDue(nil)
	if !c.f.CanNext() {
		t.Fatal("the machine without an account is refused")
	}
	c.f.Set(flow.FieldGrantAccount, "NetworkService")
	c.f.RunDue(nil)
	c.next()
	c.f.RunDue(nil)
	plan := c.f.Plan()
	if plan == nil {
		t.Fatalf("no plan: %v", c.f.PlanErr())
	}
	var grant *install.Step
	for i, st := range plan.Steps {
		if st.Kind == install.StepGrant {
			grant = &plan.Steps[i]
		}
		if st.Kind == install.StepAdd && st.Role == qlik.RoleClient && st.Location != store.LocalMachineMy {
			t.Errorf("the client goes to %s", st.Location)
		}
	}
	if grant == nil || grant.Location != store.LocalMachineMy || grant.Account.SID != accounts.SIDNetworkService {
		t.Fatalf("grant %+v in %+v", grant, plan.Steps)
	}
	c.next()
	c.f.RunDue(nil)
	if !c.f.Installed() {
		t.Fatalf("install: %v", c.f.InstallErr())
	}
	if !g.readers[qlik.Thumbprint(s.Export.Client.Cert)+" "+accounts.SIDNetworkService] {
		t.Fatal("the grant was not made")
	}
	c.next()
	c.f.RunDue(nil)
	who, machine := c.f.TestedFor()
	findings := c.f.TestFindings()
	if d := c.f.Diagnosis(); d == nil || !d.OK() || !machine || who == nil || len(findings) != 1 || findings[0].Code != foraccount.CodeKeyReadable {
		t.Fatalf("test %+v for %+v, findings %+v, err %v", d, who, findings, c.f.TestErr())
	}
	if len(acc.Runs()) != 0 {
		t.Error("the machine choice ran something as another account")
	}
}

// Acting for another account or the machine needs administrator rights;
// the demo's sandbox needs none.
func TestTheOtherChoicesNeedAdministratorRights(t *testing.T) {
	c, _, _ := accountConsole(t, func(d *flow.Deps) { d.Elevated = false })
	c.f.SetWho(flow.WhoMachine)
	c.f.RunDue(nil)
	if !c.f.NeedsElevation() || c.f.CanNext() {
		t.Fatal("the machine is allowed without administrator rights")
	}
	c.f.SetWho(flow.WhoMe)
	if c.f.NeedsElevation() || !c.f.CanNext() {
		t.Fatal("me needs administrator rights")
	}
	// The account running qscert is "me": no rights needed.
	c.f.SetWho(flow.WhoAccount)
	c.f.Set(flow.FieldAccountName, `.\Administrator`)
	c.f.RunDue(nil)
	if !c.f.IsYou() || c.f.NeedsElevation() || !c.f.CanNext() {
		t.Fatalf("this user typed: is you %v, needs rights %v", c.f.IsYou(), c.f.NeedsElevation())
	}
	if a, machine := c.f.ForWhom(); a != nil || machine {
		t.Fatalf("the install is for %+v, machine %v", a, machine)
	}
}

// Stop during the account step: the child is cancelled and the install
// rolled back (run-cancelled).
func TestStoppingTheAccountStepRollsTheInstallBack(t *testing.T) {
	c, acc, _ := accountConsole(t)
	c.f.SetWho(flow.WhoAccount)
	c.f.Set(flow.FieldAccountName, "LocalService")
	c.f.RunDue(nil)
	c.next()
	c.f.RunDue(nil)
	c.next()
	acc.Block, acc.Waiting = make(chan struct{}), make(chan struct{})
	waiting := acc.Waiting
	job := c.f.InstallDue(nil)
	if job == nil || !c.f.CanCancelInstall() {
		t.Fatal("the install cannot be stopped")
	}
	done := make(chan flow.Installed, 1)
	go func() { done <- job.Run() }()
	<-waiting
	c.f.CancelInstall()
	c.f.ApplyInstall(<-done)
	err := c.f.InstallErr()
	if coded.CodeOf(err) != install.CodeInstallRolledBack || !errors.Is(err, coded.New(accounts.CodeRunCancelled, nil)) || c.f.Installed() {
		t.Fatalf("after Stop: %v", err)
	}
	if res := c.f.Result(); res == nil || !res.RolledBack {
		t.Fatalf("not rolled back: %+v", res)
	}
	if roots, _ := acc.Machine.List(store.LocalMachineRoot); len(roots) != 0 {
		t.Fatalf("the root added before the account step stays: %d", len(roots))
	}
}

// The choice is remembered (its kind and name), never the password, and
// proposed next time; the demo remembers none of it.
func TestTheChoiceIsRememberedWithoutThePassword(t *testing.T) {
	c, acc, _ := accountConsole(t)
	c.f.SetWho(flow.WhoService)
	c.f.SetService("QalyptusServer")
	c.f.RunDue(nil)
	c.f.Set(flow.FieldAccountPassword, flowtest.ServicePassword)
	if c.prefs.Values["accountChoice"] != "service" || c.prefs.Values["accountName"] != "QalyptusServer" {
		t.Fatalf("prefs %v", c.prefs.Values)
	}
	for _, kv := range c.prefs.Log {
		if strings.Contains(kv, flowtest.ServicePassword) {
			t.Fatalf("a preference holds the account's password: %s", kv)
		}
	}
	again := flow.NewInstall(flow.Deps{Prefs: c.prefs, Accounts: acc.System, Lang: "en"})
	if again.Who() != flow.WhoService || again.Service() != "QalyptusServer" || again.Value(flow.FieldAccountPassword) != "" {
		t.Fatalf("next time: %s %q", again.Who(), again.Service())
	}
	// Where the choice cannot be made, "me".
	if f := flow.NewInstall(flow.Deps{Prefs: c.prefs, Lang: "en"}); f.Who() != flow.WhoMe {
		t.Fatalf("without accounts: %s", f.Who())
	}
	// A change of account forgets the password typed for the last one.
	c.f.SetService("Spooler")
	if c.f.Value(flow.FieldAccountPassword) != "" {
		t.Fatal("the password outlives its account")
	}
}

// A remembered choice that means nothing (an older or edited preference)
// is "me".
func TestAChoiceRememberedThatMeansNothingIsMe(t *testing.T) {
	prefs := flowtest.NewPrefs()
	prefs.Values["accountChoice"], prefs.Values["accountName"] = "bogus", "x"
	acc := flowtest.NewAccounts(t)
	if f := flow.NewInstall(flow.Deps{Prefs: prefs, Accounts: acc.System, Lang: "en"}); f.Who() != flow.WhoMe || f.Offers("bogus") || f.Offers("") {
		t.Fatalf("who %q", f.Who())
	}
}
