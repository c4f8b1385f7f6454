package foraccount_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"qscert/assets/i18n"
	"qscert/certs/accounts"
	"qscert/certs/certstest"
	"qscert/certs/coded"
	"qscert/certs/foraccount"
	"qscert/certs/install"
	"qscert/certs/qlik"
	"qscert/certs/qrs"
	"qscert/certs/store"
	"qscert/certs/store/storetest"
)

var (
	now          = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	networkSvc   = accounts.Account{Name: `NT AUTHORITY\NETWORK SERVICE`, SID: accounts.SIDNetworkService, Kind: accounts.KindNetworkService}
	virtualSQL   = accounts.Account{Name: `NT SERVICE\MSSQLSERVER`, SID: accounts.ServiceSID("MSSQLSERVER"), Kind: accounts.KindVirtual}
	ordinaryUser = accounts.Account{Name: `CORP\svc_qlik`, SID: "S-1-5-21-1-2-3-1105", Kind: accounts.KindUser}
)

func TestEveryCodeHasAnEnglishAndAFrenchSentence(t *testing.T) {
	params := map[string]string{"account": `CORP\svc_qlik`, "sid": "S-1-5-20", "subject": "CN=QlikClient",
		"where": `LocalMachine\My`, "location": `LocalMachine\My`, "detail": "no access check"}
	for _, lang := range i18n.Languages {
		tr := i18n.New(lang)
		for _, c := range foraccount.Codes.Codes() {
			if !tr.Has("code." + string(c)) {
				t.Errorf("%s: no sentence for %s", lang, c)
				continue
			}
			if s := tr.Code(c, params); strings.Contains(s, "<no value>") {
				t.Errorf("%s: %s renders as %q", lang, c, s)
			}
		}
	}
}

// grantable is a memory store whose LocalMachine\My keys have access
// lists, as the Windows store's do.
type grantable struct {
	*storetest.Memory
	readers map[string]bool // "thumbprint sid"
}

func (g *grantable) GrantKeyRead(_ store.Location, tp, sid string) (func() error, error) {
	g.readers[tp+" "+sid] = true
	return func() error { delete(g.readers, tp+" "+sid); return nil }, nil
}

func (g *grantable) CanRead(_ store.Location, tp, sid string) (bool, error) {
	return g.readers[tp+" "+sid], nil
}

func machineWithClient(t *testing.T) (*certstest.Export, *storetest.Memory) {
	t.Helper()
	exp, err := certstest.NewExport("qlik.corp.example", "rep01.corp.example", certstest.StyleLegacy, now.AddDate(0, -1, 0))
	if err != nil {
		t.Fatal(err)
	}
	m := storetest.NewMemory()
	if err := m.Add(store.LocalMachineRoot, exp.Root.Cert, nil, "root"); err != nil {
		t.Fatal(err)
	}
	if err := m.Add(store.LocalMachineMy, exp.Client.Cert, exp.Client.Key, "client"); err != nil {
		t.Fatal(err)
	}
	return exp, m
}

// The key access check: readable after a grant, unreadable before, and
// unchecked where the store keeps no access lists.
func TestTheKeyAccessCheck(t *testing.T) {
	tr := i18n.New("en")
	exp, m := machineWithClient(t)
	id := &qrs.Identity{Client: exp.Client.Cert, Root: exp.Root.Cert}
	g := &grantable{Memory: m, readers: map[string]bool{}}
	if p := foraccount.KeyAccess(tr, g, id, networkSvc); p.Code != foraccount.CodeKeyUnreadable || p.Severity != coded.SeverityError ||
		!strings.Contains(p.Message, "may not read its private key") {
		t.Fatalf("before the grant: %+v", p)
	}
	if _, err := g.GrantKeyRead(store.LocalMachineMy, qlikThumbprint(exp), networkSvc.SID); err != nil {
		t.Fatal(err)
	}
	if p := foraccount.KeyAccess(tr, g, id, networkSvc); p.Code != foraccount.CodeKeyReadable || p.Severity != coded.SeverityInfo {
		t.Fatalf("after the grant: %+v", p)
	}
	if p := foraccount.KeyAccess(tr, m, id, networkSvc); p.Code != foraccount.CodeKeyUnchecked || p.Params["detail"] == "" {
		t.Fatalf("a store without access lists: %+v", p)
	}
}

// The machine choice's test looks in LocalMachine\My only: a client in
// the administrator's CurrentUser\My is of no use to the service.
func TestTheMachineTestLooksInTheMachinesStoreOnly(t *testing.T) {
	tr := i18n.New("en")
	exp, err := certstest.NewExport("qlik.corp.example", "rep01.corp.example", certstest.StyleLegacy, now.AddDate(0, -1, 0))
	if err != nil {
		t.Fatal(err)
	}
	m := storetest.NewMemory()
	_ = m.Add(store.LocalMachineRoot, exp.Root.Cert, nil, "root")
	_ = m.Add(store.CurrentUserMy, exp.Client.Cert, exp.Client.Key, "client")
	doc := foraccount.TestForMachine(context.Background(), tr, m, &networkSvc, now, qrs.Options{Host: "qlik.corp.example", Port: 4242}, false)
	if doc.Error == nil || doc.Error.Code != foraccount.CodeCertificateNotFound || doc.Error.Params["where"] != `LocalMachine\My` {
		t.Fatalf("%+v", doc.Error)
	}
	if doc.Error.Cause == nil || doc.Error.Cause.Code != qrs.CodeStoreNoClient {
		t.Errorf("the store's own refusal is not kept as the cause: %+v", doc.Error.Cause)
	}
}

func TestForTheAccountSaysTheStoresRefusalAsTheAccounts(t *testing.T) {
	tr := i18n.New("fr")
	p := foraccount.ForTheAccount(tr, &coded.Problem{Code: store.CodeKeyUnreadable, Params: map[string]string{"subject": "CN=QlikClient"}}, ordinaryUser, "CurrentUser\\My")
	if p.Code != foraccount.CodeKeyUnreadable || !strings.Contains(p.Message, `CORP\svc_qlik`) {
		t.Fatalf("%+v", p)
	}
	other := &coded.Problem{Code: qrs.CodeOK}
	if foraccount.ForTheAccount(tr, other, ordinaryUser, "x") != other {
		t.Error("a problem that is not the store's is changed")
	}
}

// The child a run for another account starts holds nothing secret on its
// command line; a virtual account gets no runner (the plan refuses it,
// saying to choose the machine).
func TestUseChildNamesTheChildAndItsStore(t *testing.T) {
	runner := &accounts.SimulatedRunner{}
	sys := &foraccount.System{Program: "/opt/qscert", RunnerFor: func(accounts.Account) (accounts.Runner, error) { return runner, nil },
		ChildStore: func(a accounts.Account) string { return "folder:/profiles/" + a.SID }}
	a := ordinaryUser
	var opts install.InstallOptions
	if err := sys.UseChild(&a, &opts); err != nil {
		t.Fatal(err)
	}
	want := []string{"/opt/qscert", install.AccountCommandName, "--store", "folder:/profiles/" + a.SID}
	if strings.Join(opts.AccountCommand, " ") != strings.Join(want, " ") || opts.Runner != runner || opts.ForAccount != &a {
		t.Fatalf("%+v", opts)
	}
	v := virtualSQL
	opts = install.InstallOptions{}
	if err := sys.UseChild(&v, &opts); err != nil || opts.Runner != nil {
		t.Fatalf("virtual: %v %+v", err, opts)
	}
	if _, _, err := sys.RunAs(context.Background(), v, nil, []string{"list"}); coded.CodeOf(err) != accounts.CodeVirtual {
		t.Fatalf("run as a virtual account: %v", err)
	}
	if _, _, err := sys.RunAs(context.Background(), a, nil, []string{"list"}); coded.CodeOf(err) != accounts.CodeNeedsPassword {
		t.Fatalf("run as a user without its password: %v", err)
	}
	if (&foraccount.System{}).StoreOf(a) != "windows" {
		t.Error("without ChildStore the child opens the Windows store")
	}
}

func qlikThumbprint(exp *certstest.Export) string { return qlik.Thumbprint(exp.Client.Cert) }
