package app

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"qscert/certs/accounts"
	"qscert/certs/certstest"
	"qscert/certs/qlik"
	"qscert/certs/qrs/qrstest"
	"qscert/certs/store"
)

const (
	svcSID          = "S-1-5-21-1004336348-1177238915-682003330-1105"
	adminSID        = "S-1-5-21-1004336348-1177238915-682003330-500"
	svcPassword     = "Svc-Pa55-w0rd-4d2a"
	exportPassword  = "Export-Pass-2026"
	qalyptusService = "QalyptusServer"
)

// accountWorld is a simulated Windows machine for --for-account: its
// accounts and services (accounts.Simulated), and a runner that starts
// the child, this test binary as qscert (asProgramEnv), as the current
// user, each account with a folder store of its own for its CurrentUser
// stores.
type accountWorld struct {
	t      *testing.T
	sys    *AccountSystem
	runner *accounts.SimulatedRunner
	mu     sync.Mutex
	stores map[string]string // SID -> the account's store folder
}

func newAccountWorld(t *testing.T) *accountWorld {
	t.Helper()
	t.Setenv(asProgramEnv, "1") // the children are this test binary as qscert
	// A child's backups go to its account's profile, the configuration
	// folder of the user it runs as: here, a folder of the test's.
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	t.Setenv("APPDATA", t.TempDir())
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	sim := &accounts.Simulated{Computer: "REP01",
		Accounts: []accounts.SimulatedAccount{
			{Name: `CORP\svc_qlik`, UPN: "svc_qlik@corp.example", SID: svcSID, SidType: 1},
			{Name: `REP01\Administrator`, SID: adminSID, SidType: 1},
		},
		Installed: []accounts.Service{
			{Name: "Spooler", DisplayName: "Print Spooler", StartName: "LocalSystem", BinaryPath: `C:\Windows\System32\spoolsv.exe`},
			{Name: qalyptusService, DisplayName: "Qalyptus Server", StartName: `CORP\svc_qlik`, BinaryPath: `"C:\Program Files\Qalyptus\Qalyptus.Server.exe"`},
			{Name: "MSSQLSERVER", DisplayName: "SQL Server", StartName: `NT SERVICE\MSSQLSERVER`},
		}}
	w := &accountWorld{t: t, runner: &accounts.SimulatedRunner{}, stores: map[string]string{}}
	w.sys = &AccountSystem{Resolver: sim, Services: sim, Program: exe, ChildStore: w.storeOf,
		RunnerFor: func(accounts.Account) (accounts.Runner, error) { return w.runner, nil },
		Elevated:  func() bool { return true }, CurrentSID: adminSID}
	return w
}

// storeOf is the folder store standing for a's own stores.
func (w *accountWorld) storeOf(a accounts.Account) string {
	w.mu.Lock()
	defer w.mu.Unlock()
	dir, ok := w.stores[a.SID]
	if !ok {
		dir = filepath.Join(w.t.TempDir(), "profile")
		if _, err := store.CreateFolder(dir); err != nil {
			w.t.Fatal(err)
		}
		w.stores[a.SID] = dir
	}
	return "folder:" + dir
}

func (w *accountWorld) env(stdin string) connEnvResult {
	e := connEnv(stdin, nil, nil)
	e.env.Accounts = func() (*AccountSystem, error) { return w.sys, nil }
	return e
}

func (w *accountWorld) run(args ...string) (int, string, string) {
	w.t.Helper()
	return runQscert(w.t, w.env(""), append(args, "--lang", "en")...)
}

// accountHolds lists the thumbprints in a location of the account's store.
func accountHolds(t *testing.T, spec string, loc store.Location) []string {
	t.Helper()
	f, err := store.OpenFolder(strings.TrimPrefix(spec, "folder:"))
	if err != nil {
		t.Fatal(err)
	}
	entries, err := f.List(loc)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		out = append(out, e.Thumbprint())
	}
	return out
}

// `qscert install --for-service`: the service's account, resolved from
// the service's configuration, gets the client in its own store from a
// qscert run as it; the machine's store gets the root; no password on any
// command line; the JSON follows its schema.
func TestInstallForAServiceAccount(t *testing.T) {
	w := newAccountWorld(t)
	site := connExport(t, certstest.StyleLegacy, "for-account")
	dir := writeConnExport(t, site, certstest.WriteOptions{Format: qlik.FormatWindows, Password: exportPassword, Partial: true})
	machineStore := filepath.Join(t.TempDir(), "machine")
	pw, accountPw := writePasswordFile(t, exportPassword), writePasswordFile(t, svcPassword)
	common := []string{dir, "--store", "folder:" + machineStore, "--backup-dir", t.TempDir(), "--password-file", pw,
		"--for-service", qalyptusService, "--account-password-file", accountPw, "--yes"}
	code, out, errOut := w.run(append([]string{"install"}, common...)...)
	if code != ExitOK {
		t.Fatalf("exit %d\n%s\n%s", code, out, errOut)
	}
	for _, want := range []string{`as CORP\svc_qlik (` + svcSID + `), in a qscert run as that account`, `qscert logs on as CORP\svc_qlik`,
		`CORP\svc_qlik [1/`, `The old certificates of CORP\svc_qlik are backed up in`} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	account := accounts.Account{Name: `CORP\svc_qlik`, SID: svcSID, Kind: accounts.KindUser}
	if got := accountHolds(t, w.storeOf(account), store.CurrentUserMy); len(got) != 1 || got[0] != qlik.Thumbprint(site.Client.Cert) {
		t.Fatalf("the account's CurrentUser\\My holds %v", got)
	}
	if got := accountHolds(t, "folder:"+machineStore, store.CurrentUserMy); len(got) != 0 {
		t.Fatalf("the administrator's CurrentUser\\My holds %v", got)
	}
	if got := accountHolds(t, "folder:"+machineStore, store.LocalMachineRoot); len(got) != 1 {
		t.Fatalf("LocalMachine\\Root holds %v", got)
	}
	runs := w.runner.Runs()
	if len(runs) != 1 || !runs[0].HadPassword || runs[0].Account.SID != svcSID {
		t.Fatalf("runs %+v", runs)
	}
	for _, secret := range []string{svcPassword, exportPassword} {
		if strings.Contains(strings.Join(runs[0].Argv, " "), secret) || strings.Contains(out+errOut, secret) {
			t.Fatal("a password is on the child's command line or in the output")
		}
	}
	if runs[0].Argv[1] != "_for-account" || strings.Contains(string(runs[0].Payload), svcPassword) {
		t.Errorf("child argv %q", runs[0].Argv)
	}

	// Again, as JSON: nothing new for the machine, the child finds its
	// client there already.
	code, out, errOut = w.run(append([]string{"install", "--json"}, common...)...)
	if code != ExitOK {
		t.Fatalf("again: exit %d\n%s\n%s", code, out, errOut)
	}
	doc := conforms(t, "install", []byte(out))
	steps := doc["plan"].(map[string]any)["steps"].([]any)
	if len(steps) != 1 || steps[0].(map[string]any)["kind"] != "account" {
		t.Fatalf("plan %v", steps)
	}
	if accts := doc["result"].(map[string]any)["accounts"].([]any); len(accts) != 1 {
		t.Fatalf("result accounts %v", accts)
	}
}

// The dry run: the machine choice for NetworkService names
// LocalMachine\My and the key access for S-1-5-20.
func TestDryRunForTheMachineNamesTheKeyAccess(t *testing.T) {
	w := newAccountWorld(t)
	site := connExport(t, certstest.StyleLegacy, "for-account")
	dir := writeConnExport(t, site, certstest.WriteOptions{Format: qlik.FormatPEM, Partial: true})
	machineStore := filepath.Join(t.TempDir(), "machine")
	args := []string{"install", dir, "--for-machine", "--for-account", `NT AUTHORITY\NETWORK SERVICE`, "--dry-run", "--store", "folder:" + machineStore}
	code, out, errOut := w.run(args...)
	if code != ExitOK {
		t.Fatalf("exit %d\n%s\n%s", code, out, errOut)
	}
	if !strings.Contains(out, `add CN=QlikClient to LocalMachine\My with its private key`) ||
		!strings.Contains(out, `grant NT AUTHORITY\NETWORK SERVICE (S-1-5-20) read access to the private key of CN=QlikClient in LocalMachine\My`) ||
		!strings.Contains(out, "Some products look only in their own account's Personal store") {
		t.Fatalf("plan:\n%s", out)
	}
	if _, err := os.Stat(machineStore); err == nil {
		t.Error("a dry run made the store folder")
	}
	code, out, _ = w.run(append(args, "--json")...)
	doc := conforms(t, "install", []byte(out))
	var grant map[string]any
	for _, s := range doc["plan"].(map[string]any)["steps"].([]any) {
		if s.(map[string]any)["kind"] == "grant" {
			grant = s.(map[string]any)
		}
	}
	if code != ExitOK || grant == nil || grant["location"] != `LocalMachine\My` || grant["account"].(map[string]any)["sid"] != "S-1-5-20" {
		t.Fatalf("grant step %v", grant)
	}
}

// Not elevated: one sentence saying which command to run elevated; a dry
// run still shows its plan.
func TestForAccountNeedsAdministratorRights(t *testing.T) {
	w := newAccountWorld(t)
	w.sys.Elevated = func() bool { return false }
	dir := writeConnExport(t, connExport(t, certstest.StyleLegacy, "for-account"), certstest.WriteOptions{Format: qlik.FormatPEM, Partial: true})
	code, out, errOut := w.run("install", dir, "--for-machine", "--yes", "--store", "folder:"+t.TempDir(), "--password=hunter2")
	if code != ExitUsage || !strings.Contains(errOut, "This needs administrator rights") ||
		!strings.Contains(errOut, "Run as administrator") || !strings.Contains(errOut, "qscert install "+dir+" --for-machine --yes") {
		t.Fatalf("exit %d\n%s\n%s", code, out, errOut)
	}
	if strings.Contains(errOut, "hunter2") {
		t.Fatal("the sentence repeats a password")
	}
	code, out, errOut = w.run("install", dir, "--for-machine", "--dry-run", "--store", "folder:"+t.TempDir())
	if code != ExitOK || !strings.Contains(out, `LocalMachine\My`) || !strings.Contains(errOut, "qscert install "+dir+" --for-machine --store") ||
		strings.Contains(errOut, "--dry-run") {
		t.Fatalf("dry run: exit %d\n%s\n%s", code, out, errOut)
	}
	code, _, errOut = w.run("list", "--for-account", `CORP\svc_qlik`)
	if code != ExitUsage || !strings.Contains(errOut, "qscert list --for-account") {
		t.Fatalf("list: exit %d\n%s", code, errOut)
	}
}

func TestForAccountRefusals(t *testing.T) {
	w := newAccountWorld(t)
	dir := writeConnExport(t, connExport(t, certstest.StyleLegacy, "for-account"), certstest.WriteOptions{Format: qlik.FormatPEM, Partial: true})
	folder := "folder:" + t.TempDir()
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"install", dir, "--for-account", "x", "--for-service", "y"}, "not both"},
		{[]string{"install", dir, "--for-machine", "--scope", "machine"}, "--scope and --for-account"},
		{[]string{"install", dir, "--for-account", `CORP\nobody`}, `Windows knows no account named CORP\nobody`},
		{[]string{"install", dir, "--for-service", "NoSuchService"}, "There is no service named NoSuchService"},
		{[]string{"install", dir, "--for-service", "MSSQLSERVER", "--yes", "--store", folder}, "is a virtual service account"},
		{[]string{"install", dir, "--for-account", `CORP\svc_qlik`, "--account-password=hunter2"}, "--account-password is refused"},
		{[]string{"list", "--for-account", `CORP\svc_qlik`, "--dir", dir}, "leave out --dir"},
		{[]string{"test", "--host", "h", "--for-machine", "--dir", dir}, "leave out --dir"},
	}
	for _, c := range cases {
		code, out, errOut := w.run(c.args...)
		if code != ExitUsage || !strings.Contains(errOut, c.want) || strings.Contains(out+errOut, "hunter2") {
			t.Errorf("qscert %s: exit %d\n%s\n%s", strings.Join(c.args, " "), code, out, errOut)
		}
	}
	// Another account's store is a Windows one: a folder store has none.
	w.sys.ChildStore = nil
	code, _, errOut := w.run("install", dir, "--for-account", `NT AUTHORITY\NETWORK SERVICE`, "--dry-run", "--store", folder)
	if code != ExitUsage || !strings.Contains(errOut, "has no per-account stores") {
		t.Fatalf("exit %d\n%s", code, errOut)
	}
	// Without the account's password and no terminal to ask it on.
	w.sys.ChildStore = w.storeOf
	pw := writePasswordFile(t, "x")
	code, _, errOut = w.run("install", dir, "--for-account", "svc_qlik@corp.example", "--yes", "--store", folder,
		"--backup-dir", t.TempDir(), "--backup-password-file", writePasswordFile(t, "Backup-Pass-2026"), "--password-file", pw)
	if code != ExitFindings || !strings.Contains(errOut, "type its password") {
		t.Fatalf("no password: exit %d\n%s", code, errOut)
	}
}

// The account's password asked at the terminal, without echo, once.
func TestTheAccountPasswordIsAskedOnce(t *testing.T) {
	w := newAccountWorld(t)
	dir := writeConnExport(t, connExport(t, certstest.StyleLegacy, "for-account"), certstest.WriteOptions{Format: qlik.FormatPEM, Partial: true})
	e := w.env("")
	var prompts []string
	e.env.ReadSecret = func(prompt string) (string, error) {
		prompts = append(prompts, prompt)
		return svcPassword, nil
	}
	code := Run(e.env, []string{"install", dir, "--for-account", `CORP\svc_qlik`, "--yes", "--store", "folder:" + t.TempDir(),
		"--backup-dir", t.TempDir(), "--backup-password-file", writePasswordFile(t, "Backup-Pass-2026"), "--lang", "en"})
	if code != ExitOK || len(prompts) != 1 || prompts[0] != `Password of CORP\svc_qlik (used once, never saved): ` {
		t.Fatalf("exit %d, prompts %q\n%s\n%s", code, prompts, e.stdout, e.stderr)
	}
	if runs := w.runner.Runs(); len(runs) != 1 || !runs[0].HadPassword {
		t.Fatalf("runs %+v", runs)
	}
}

// `qscert list --for-account` and `qscert test --for-account`: what the
// account sees, and the connection test made as it; before the install,
// "certificate not found for that account".
func TestListAndTestAsTheAccount(t *testing.T) {
	w := newAccountWorld(t)
	site := connExport(t, certstest.StyleLegacy, "for-account")
	qrs := startSimulatedQRS(t, site, qrstest.Options{})
	dir := writeConnExport(t, site, certstest.WriteOptions{Format: qlik.FormatPEM, Partial: true})
	machine := "folder:" + t.TempDir()
	nsName := `NT AUTHORITY\NETWORK SERVICE`
	testArgs := []string{"test", "--host", "localhost", "--port", portOf(qrs), "--for-account", nsName}

	code, out, errOut := w.run(append(testArgs, "--json")...)
	doc := conforms(t, "test", []byte(out))
	if code != ExitUsage || doc["error"].(map[string]any)["code"] != string(CodeAccountCertificateNotFound) ||
		doc["account"].(map[string]any)["sid"] != "S-1-5-20" {
		t.Fatalf("before the install: exit %d\n%s\n%s", code, out, errOut)
	}
	if code, out, errOut := w.run("install", dir, "--for-account", nsName, "--yes", "--store", machine,
		"--backup-dir", t.TempDir(), "--backup-password-file", writePasswordFile(t, "Backup-Pass-2026")); code != ExitOK {
		t.Fatalf("install: exit %d\n%s\n%s", code, out, errOut)
	}
	// The child's test uses its own store; the root is the machine's,
	// which the folder standing for the account does not share: copy it,
	// as LocalMachine\Root is every account's on Windows.
	ns := accounts.Account{Name: nsName, SID: "S-1-5-20", Kind: accounts.KindNetworkService}
	acct, err := store.OpenFolder(strings.TrimPrefix(w.storeOf(ns), "folder:"))
	if err != nil {
		t.Fatal(err)
	}
	if err := acct.Add(store.LocalMachineRoot, site.Root.Cert, nil, ""); err != nil {
		t.Fatal(err)
	}
	code, out, errOut = w.run("list", "--for-account", nsName)
	if code != ExitOK || !strings.Contains(out, `What NT AUTHORITY\NETWORK SERVICE (S-1-5-20) sees`) || !strings.Contains(out, `CurrentUser\My`) {
		t.Fatalf("list: exit %d\n%s\n%s", code, out, errOut)
	}
	code, out, _ = w.run("list", "--for-account", nsName, "--json")
	if doc := conforms(t, "list", []byte(out)); code != ExitOK || len(doc["certificates"].([]any)) != 2 {
		t.Fatalf("list --json: %s", out)
	}
	code, out, errOut = w.run(testArgs...)
	if code != ExitOK || !strings.Contains(out, `For NT AUTHORITY\NETWORK SERVICE (S-1-5-20):`) || !strings.Contains(out, "OK") {
		t.Fatalf("test: exit %d\n%s\n%s", code, out, errOut)
	}
	code, out, _ = w.run(append(testArgs, "--json")...)
	if doc := conforms(t, "test", []byte(out)); code != ExitOK || doc["ok"] != true {
		t.Fatalf("test --json: %s", out)
	}
	runs := w.runner.Runs()
	last := runs[len(runs)-1]
	if last.Argv[1] != "test" || !strings.Contains(strings.Join(last.Argv, " "), "--json") || last.Account.SID != "S-1-5-20" {
		t.Errorf("the test ran as %q", last.Argv)
	}
}

// aclFolder is a folder store whose LocalMachine\My keys have access
// lists, as the Windows store's do.
type aclFolder struct {
	*store.Folder
	readers map[string]bool // "thumbprint sid"
}

func (a *aclFolder) GrantKeyRead(loc store.Location, tp, sid string) (func() error, error) {
	a.readers[tp+" "+sid] = true
	return func() error { delete(a.readers, tp+" "+sid); return nil }, nil
}

func (a *aclFolder) CanRead(loc store.Location, tp, sid string) (bool, error) {
	return a.readers[tp+" "+sid], nil
}

// The machine choice's check: whether the account may read the key,
// by the access list; and what a store without access lists says.
func TestTestForTheMachineChecksTheKeyAccess(t *testing.T) {
	w := newAccountWorld(t)
	site := connExport(t, certstest.StyleLegacy, "for-account")
	qrs := startSimulatedQRS(t, site, qrstest.Options{})
	dir := writeConnExport(t, site, certstest.WriteOptions{Format: qlik.FormatPEM, Partial: true})
	f, err := store.CreateFolder(filepath.Join(t.TempDir(), "machine"))
	if err != nil {
		t.Fatal(err)
	}
	acl := &aclFolder{Folder: f, readers: map[string]bool{}}
	run := func(args ...string) (int, string) {
		e := w.env("")
		e.env.OpenStore = func(string) (store.Store, error) { return acl, nil }
		code := Run(e.env, append(args, "--lang", "en"))
		return code, e.stdout.String() + e.stderr.String()
	}
	testArgs := []string{"test", "--host", "localhost", "--port", portOf(qrs), "--for-machine", "--for-account", `NT AUTHORITY\NETWORK SERVICE`, "--store", "acl"}
	code, out := run(append(testArgs, "--json")...)
	if doc := conforms(t, "test", []byte(out)); code != ExitUsage || doc["error"].(map[string]any)["code"] != string(CodeAccountCertificateNotFound) {
		t.Fatalf("before: exit %d\n%s", code, out)
	}
	// Installed for the machine without the grant (--scope machine): the
	// test passes for this user but the account may not read the key.
	if code, out := run("install", dir, "--scope", "machine", "--yes", "--store", "acl", "--backup-dir", t.TempDir()); code != ExitOK {
		t.Fatalf("install: %d\n%s", code, out)
	}
	code, out = run(testArgs...)
	if code != ExitFindings || !strings.Contains(out, "may not read its private key") || !strings.Contains(out, "Manage Private Keys") {
		t.Fatalf("without the grant: exit %d\n%s", code, out)
	}
	if code, out := run("install", dir, "--for-machine", "--for-account", `NT AUTHORITY\NETWORK SERVICE`, "--yes", "--store", "acl", "--backup-dir", t.TempDir()); code != ExitOK {
		t.Fatalf("install for the machine: %d\n%s", code, out)
	}
	code, out = run(append(testArgs, "--json")...)
	doc := conforms(t, "test", []byte(out))
	findings := doc["findings"].([]any)
	if code != ExitOK || doc["ok"] != true || findings[len(findings)-1].(map[string]any)["code"] != string(CodeAccountKeyReadable) {
		t.Fatalf("after the grant: exit %d\n%s", code, out)
	}
	// A store without key access lists cannot say: a warning.
	e := w.env("")
	plain := "folder:" + f.Root()
	code = Run(e.env, []string{"test", "--host", "localhost", "--port", portOf(qrs), "--for-machine", "--for-account", `NT AUTHORITY\NETWORK SERVICE`, "--store", plain, "--json"})
	var got struct {
		Findings []struct{ Code string }
	}
	_ = json.Unmarshal(e.stdout.Bytes(), &got)
	if code != ExitOK || len(got.Findings) == 0 || got.Findings[len(got.Findings)-1].Code != string(CodeAccountKeyUnchecked) {
		t.Fatalf("folder store: exit %d\n%s", code, e.stdout)
	}
}

// The account running qscert is "this user": nothing runs as anyone, and
// no administrator rights are needed.
func TestForAccountOfThisUserIsThisUser(t *testing.T) {
	w := newAccountWorld(t)
	w.sys.Elevated = func() bool { return false }
	dir := writeConnExport(t, connExport(t, certstest.StyleLegacy, "for-account"), certstest.WriteOptions{Format: qlik.FormatPEM, Partial: true})
	machine := "folder:" + t.TempDir()
	code, out, errOut := w.run("install", dir, "--for-account", `.\Administrator`, "--yes", "--store", machine, "--backup-dir", t.TempDir())
	if code != ExitOK || len(w.runner.Runs()) != 0 || len(accountHolds(t, machine, store.CurrentUserMy)) != 1 {
		t.Fatalf("exit %d, %d runs\n%s\n%s", code, len(w.runner.Runs()), out, errOut)
	}
}
