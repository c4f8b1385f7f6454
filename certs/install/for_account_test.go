package install_test

import (
	"context"
	"crypto/x509"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"qscert/certs/accounts"
	"qscert/certs/coded"
	"qscert/certs/export"
	"qscert/certs/install"
	"qscert/certs/qlik"
	"qscert/certs/store"
	"qscert/certs/store/storetest"
)

const accountPassword = "Svc-Account-Pa55-8e1f"

var (
	svcUser        = accounts.Account{Name: `CORP\svc_qlik`, SID: "S-1-5-21-1004336348-1177238915-682003330-1105", Kind: accounts.KindUser}
	networkService = accounts.Account{Name: `NT AUTHORITY\NETWORK SERVICE`, SID: accounts.SIDNetworkService, Kind: accounts.KindNetworkService}
	virtualSQL     = accounts.Account{Name: `NT SERVICE\MSSQLSERVER`, SID: accounts.ServiceSID("MSSQLSERVER"), Kind: accounts.KindVirtual}
)

// rig is an install for another account: this process's store is the
// machine's, a folder store stands for the account's own, and the child is
// this test binary (childMain), started by a Runner as the current user.
type rig struct {
	t        *testing.T
	parent   store.Store
	account  string // the account's store folder
	runner   accounts.Runner
	extra    []string // flags for the child
	asked    atomic.Int32
	password []byte // what AccountPassword returns; nil: no callback
}

func newRig(t *testing.T, parent store.Store) *rig {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "account-store")
	if _, err := store.CreateFolder(dir); err != nil {
		t.Fatal(err)
	}
	return &rig{t: t, parent: parent, account: dir, runner: &accounts.SimulatedRunner{}, password: []byte(accountPassword)}
}

func (r *rig) command() []string {
	return append([]string{os.Args[0], install.AccountCommandName, "--store", "folder:" + r.account}, r.extra...)
}

func (r *rig) options(a accounts.Account) install.InstallOptions {
	o := install.InstallOptions{BackupDir: r.t.TempDir(), BackupPassword: backupPassword, Now: testNow,
		ForAccount: &a, Runner: r.runner, AccountCommand: r.command()}
	if r.password != nil {
		o.AccountPassword = func() ([]byte, error) {
			r.asked.Add(1)
			return append([]byte(nil), r.password...), nil
		}
	}
	return o
}

func (r *rig) plan(exp *export.Export, a accounts.Account) *install.Plan {
	r.t.Helper()
	p, err := install.PlanInstall(exp, r.parent, r.options(a))
	if err != nil {
		r.t.Fatal(err)
	}
	return p
}

func (r *rig) install(exp *export.Export, a accounts.Account) (*install.Result, error) {
	r.t.Helper()
	return r.plan(exp, a).Apply(nil)
}

// accountStore is the account's own store, as the child leaves it.
func (r *rig) accountStore() store.Store {
	r.t.Helper()
	f, err := store.OpenFolder(r.account)
	if err != nil {
		r.t.Fatal(err)
	}
	return f
}

func kinds(p *install.Plan) string {
	var out []string
	for _, s := range p.Steps {
		out = append(out, string(s.Kind)+" "+s.Location.String())
	}
	return strings.Join(out, ", ")
}

func noteCodes(p *install.Plan) []coded.Code {
	var out []coded.Code
	for _, n := range p.Notes {
		out = append(out, n.Code)
	}
	return out
}

// The plan of each choice: who gets which step, and what it notes.
func TestPlanForEachChoice(t *testing.T) {
	exp, _, _ := exports(t)
	cases := []struct {
		name    string
		account *accounts.Account
		machine bool
		steps   string
		notes   []coded.Code
	}{
		{"this user", nil, false,
			`add LocalMachine\Root, add CurrentUser\My, add LocalMachine\My`, nil},
		{"a user account", &svcUser, false,
			`add LocalMachine\Root, add LocalMachine\My, account CurrentUser\My`, []coded.Code{install.CodeAccountByLogon}},
		{"network service", &networkService, false,
			`add LocalMachine\Root, add LocalMachine\My, account CurrentUser\My`, []coded.Code{install.CodeAccountByTask}},
		{"the machine", nil, true,
			`add LocalMachine\Root, add LocalMachine\My, add LocalMachine\My`, []coded.Code{install.CodeMachineStore}},
		{"the machine for network service", &networkService, true,
			`add LocalMachine\Root, add LocalMachine\My, add LocalMachine\My, grant LocalMachine\My`, []coded.Code{install.CodeMachineStore}},
		{"the machine for a virtual account", &virtualSQL, true,
			`add LocalMachine\Root, add LocalMachine\My, add LocalMachine\My, grant LocalMachine\My`, []coded.Code{install.CodeMachineStore}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			opts := install.InstallOptions{BackupDir: t.TempDir(), BackupPassword: backupPassword, ForAccount: c.account,
				ForMachine: c.machine, Runner: &accounts.SimulatedRunner{}}
			p, err := install.PlanInstall(exp, storetest.NewMemory(), opts)
			if err != nil {
				t.Fatal(err)
			}
			if got := kinds(p); got != c.steps {
				t.Errorf("steps %s\nwant  %s", got, c.steps)
			}
			if got := noteCodes(p); strings.Join(codeStrings(got), ",") != strings.Join(codeStrings(c.notes), ",") {
				t.Errorf("notes %v, want %v", got, c.notes)
			}
			for _, s := range p.Steps {
				if s.Kind == install.StepGrant || s.Kind == install.StepAccount {
					if s.Account == nil || s.Account.SID != c.account.SID || s.Thumbprint == "" {
						t.Errorf("%s step %+v", s.Kind, s)
					}
				}
			}
		})
	}
}

func codeStrings(cs []coded.Code) []string {
	out := []string{}
	for _, c := range cs {
		out = append(out, string(c))
	}
	return out
}

func TestPlanForAnAccountRefusals(t *testing.T) {
	exp, _, _ := exports(t)
	s := storetest.NewMemory()
	// A virtual account's own store cannot be filled: the machine choice.
	_, err := install.PlanInstall(exp, s, install.InstallOptions{ForAccount: &virtualSQL, BackupPassword: backupPassword})
	wantCode(t, err, accounts.CodeVirtual)
	_, err = install.PlanInstall(exp, s, install.InstallOptions{ForAccount: &accounts.Account{Name: `BUILTIN\Users`}, BackupPassword: backupPassword})
	wantCode(t, err, accounts.CodeNotUsable)
	// The account's change is undone by its backup: it needs a password.
	_, err = install.PlanInstall(exp, s, install.InstallOptions{ForAccount: &networkService, Runner: &accounts.SimulatedRunner{}})
	wantCode(t, err, install.CodeBackupPasswordTooShort)
	// Not elevated: the machine's stores stay the target, with a note.
	s.Denied[store.LocalMachineRoot], s.Denied[store.LocalMachineMy] = true, true
	p, err := install.PlanInstall(exp, s, install.InstallOptions{ForAccount: &networkService, ForMachine: true, BackupPassword: backupPassword})
	if err != nil {
		t.Fatal(err)
	}
	if got := kinds(p); got != `add LocalMachine\Root, add LocalMachine\My, add LocalMachine\My, grant LocalMachine\My` {
		t.Errorf("steps %s", got)
	}
	if n := noteCodes(p); len(n) != 2 || n[0] != install.CodeNeedsAdministrator {
		t.Errorf("notes %v", n)
	}
	_, err = p.Apply(nil)
	wantCode(t, err, store.CodeStoreAccessDenied)
}

// An install for another account: the machine's part here, the client in
// the account's own store by the child, and no secret on the child's
// command line or in its environment.
func TestInstallForAnAccountPutsTheClientInItsStore(t *testing.T) {
	exp1, exp2, _ := exports(t)
	parent := storetest.NewMemory()
	r := newRig(t, parent)
	report := filepath.Join(t.TempDir(), "child.json")
	r.extra = []string{"--report", report}
	res, err := r.install(exp1, svcUser)
	if err != nil {
		t.Fatal(err)
	}
	assertHolds(t, parent, exp1.Root.X509, exp1.Server.X509)
	if e, _ := parent.List(store.CurrentUserMy); len(e) != 0 {
		t.Fatalf("this user's CurrentUser\\My holds %d certificates", len(e))
	}
	acct := r.accountStore()
	if e, _ := acct.List(store.CurrentUserMy); len(e) != 1 || e[0].Thumbprint() != qlik.Thumbprint(exp1.Client.X509) || !e[0].HasPrivateKey {
		t.Fatalf("the account's CurrentUser\\My holds %+v", e)
	}
	if len(res.Accounts) != 1 || res.Accounts[0].Account.SID != svcUser.SID || doneKinds(res.Accounts[0].Done) != "add publish" || res.Accounts[0].Backup == "" {
		t.Fatalf("accounts result %+v", res.Accounts)
	}
	if n := r.asked.Load(); n != 1 {
		t.Errorf("the password was asked %d times", n)
	}
	runs := r.runner.(*accounts.SimulatedRunner).Runs()
	if len(runs) != 1 || !runs[0].HadPassword || runs[0].Account.SID != svcUser.SID {
		t.Fatalf("runs %+v", runs)
	}
	secrets := secretForms(t, exp1)
	childSaw, err := os.ReadFile(report)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range secrets {
		if strings.Contains(string(childSaw), s) || strings.Contains(strings.Join(runs[0].Argv, " "), s) {
			t.Fatalf("a secret reached the child's command line or environment: %.12s…", s)
		}
	}
	if !strings.Contains(string(runs[0].Payload), base64.StdEncoding.EncodeToString([]byte(exp1.Client.X509.Raw))[:40]) {
		t.Error("the client is not in the payload")
	}

	// The next export of the site: the account's old client is backed up
	// in its own backup and replaced; the machine's old ones too.
	res, err = r.install(exp2, svcUser)
	if err != nil {
		t.Fatal(err)
	}
	assertHolds(t, parent, exp2.Root.X509, exp2.Server.X509)
	assertHolds(t, r.accountStore(), exp2.Client.X509)
	a := res.Accounts[0]
	// The folder store standing for the account's also writes its tool
	// files (publish); the Windows store has none.
	if doneKinds(a.Done) != "backup add remove publish" {
		t.Fatalf("the child did %+v", a.Done)
	}
	if _, err := os.Stat(filepath.Join(a.Backup, install.ManifestName)); err != nil {
		t.Fatalf("the child's backup: %v", err)
	}
}

func doneKinds(steps []install.Step) string {
	var out []string
	for _, s := range steps {
		out = append(out, string(s.Kind))
	}
	return strings.Join(out, " ")
}

// secretForms are what must never reach a child's command line or
// environment: the passwords and the client's key, as text, hex and base64.
func secretForms(t *testing.T, exp *export.Export) []string {
	t.Helper()
	key, err := x509.MarshalPKCS8PrivateKey(exp.Client.Key)
	if err != nil {
		t.Fatal(err)
	}
	return []string{accountPassword, backupPassword, hex.EncodeToString([]byte(accountPassword)), hex.EncodeToString([]byte(backupPassword)),
		hex.EncodeToString(key[:32]), base64.StdEncoding.EncodeToString(key[:30]), base64.RawURLEncoding.EncodeToString(key[:30])}
}

// A child that fails rolls back its own change, and the parent's steps
// before it are undone.
func TestAFailedChildRollsBackTheParent(t *testing.T) {
	exp1, exp2, _ := exports(t)
	parent := storetest.NewMemory()
	r := newRig(t, parent)
	if _, err := r.install(exp1, networkService); err != nil {
		t.Fatal(err)
	}
	before, accountBefore := take(t, parent), take(t, r.accountStore())
	r.extra = []string{"--fail-at", "1"} // the child's add of the new client
	res, err := r.install(exp2, networkService)
	wantCode(t, err, install.CodeInstallRolledBack)
	if e := coded.As(err); e.Params["step"] != string(install.StepAccount) || coded.CodeOf(e.Err) != store.CodeStoreFailed {
		t.Errorf("error %v", err)
	}
	if !res.RolledBack {
		t.Error("not rolled back")
	}
	if got := take(t, parent); !equalSnapshots(got, before) {
		t.Fatalf("the machine's stores after the child failed:\n%s\nwant\n%s", got, before)
	}
	if got := take(t, r.accountStore()); !equalSnapshots(got, accountBefore) {
		t.Fatalf("the account's store:\n%s", got)
	}
}

// A parent step after a successful child fails: the child is run again
// to restore its backup, then the parent's steps are undone.
func TestAParentStepAfterTheChildFailsUndoesTheChild(t *testing.T) {
	exp1, exp2, _ := exports(t)
	mem := storetest.NewMemory()
	r := newRig(t, mem)
	if _, err := r.install(exp1, svcUser); err != nil {
		t.Fatal(err)
	}
	before, accountBefore := take(t, mem), take(t, r.accountStore())
	// Mutations: add root, add server, then the first removal fails.
	faulty := &storetest.Faulty{Store: mem, FailAt: 3}
	r.parent = faulty
	res, err := r.install(exp2, svcUser)
	wantCode(t, err, install.CodeInstallRolledBack)
	if coded.As(err).Params["step"] != string(install.StepRemove) {
		t.Errorf("stopped at %v", err)
	}
	if got := take(t, mem); !equalSnapshots(got, before) {
		t.Fatalf("the machine's stores:\n%s\nwant\n%s", got, before)
	}
	if got := take(t, r.accountStore()); !equalSnapshots(got, accountBefore) {
		t.Fatalf("the account's store was not restored:\n%s\nwant\n%s", got, accountBefore)
	}
	if len(res.Accounts) != 1 || !res.Accounts[0].Undone {
		t.Errorf("accounts %+v", res.Accounts)
	}
	if n := r.asked.Load(); n != 2 { // once per install: the undo used the one typed
		t.Errorf("the password was asked %d times in two installs", n)
	}
	if runs := r.runner.(*accounts.SimulatedRunner).Runs(); len(runs) != 3 {
		t.Errorf("%d runs, want install, install and undo", len(runs))
	}
}

// A child that cannot be undone: rollback-failed names the account's
// store and the backup that puts it back.
func TestAnUndoThatFailsSaysWhatIsLeft(t *testing.T) {
	exp1, exp2, _ := exports(t)
	mem := storetest.NewMemory()
	r := newRig(t, mem)
	if _, err := r.install(exp1, networkService); err != nil {
		t.Fatal(err)
	}
	r.parent = &storetest.Faulty{Store: mem, FailAt: 3}
	r.extra = []string{"--refuse-undo"}
	res, err := r.install(exp2, networkService)
	wantCode(t, err, install.CodeRollbackFailed)
	left := coded.As(err).Params["left"]
	if !strings.Contains(left, networkService.Name) || !strings.Contains(left, res.Accounts[0].Backup) || res.Accounts[0].Backup == "" {
		t.Errorf("left = %q", left)
	}
}

// A child killed mid-change, or cancelled: its backup puts its store back,
// and the parent's steps are undone.
func TestAChildStoppedMidChangeIsUndone(t *testing.T) {
	for _, how := range []string{"crash", "cancel"} {
		t.Run(how, func(t *testing.T) {
			exp1, exp2, _ := exports(t)
			parent := storetest.NewMemory()
			r := newRig(t, parent)
			if _, err := r.install(exp1, svcUser); err != nil {
				t.Fatal(err)
			}
			before, accountBefore := take(t, parent), take(t, r.accountStore())
			marker := filepath.Join(t.TempDir(), "once")
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			opts := r.options(svcUser)
			if how == "crash" {
				opts.AccountCommand = append(opts.AccountCommand, "--crash-once", marker)
			} else {
				opts.AccountCommand = append(opts.AccountCommand, "--hang-once", marker)
				// Cancel once the child is at its first change: it has
				// backed up the old client and hangs adding the new one.
				go func() {
					for {
						if _, err := os.Stat(marker); err == nil {
							cancel()
							return
						}
						time.Sleep(5 * time.Millisecond)
					}
				}()
			}
			p, err := install.PlanInstall(exp2, parent, opts)
			if err != nil {
				t.Fatal(err)
			}
			_, err = p.ApplyContext(ctx, nil)
			wantCode(t, err, install.CodeInstallRolledBack)
			want := accounts.CodeRunFailed
			if how == "cancel" {
				want = accounts.CodeRunCancelled
			}
			if got := coded.CodeOf(coded.As(err).Err); got != want {
				t.Errorf("cause %s, want %s (%v)", got, want, err)
			}
			if _, err := os.Stat(marker); err != nil {
				t.Fatal("the child never reached its first change")
			}
			if got := take(t, parent); !equalSnapshots(got, before) {
				t.Fatalf("the machine's stores:\n%s", got)
			}
			if got := take(t, r.accountStore()); !equalSnapshots(got, accountBefore) {
				t.Fatalf("the account's store:\n%s\nwant\n%s", got, accountBefore)
			}
			if pc, _ := r.accountStore().(store.PendingChanges).Pending(); len(pc) != 0 {
				t.Errorf("the killed child's change is still pending: %v", pc)
			}
		})
	}
}

func TestAnAccountWithoutItsPasswordIsRefusedAndRolledBack(t *testing.T) {
	exp, _, _ := exports(t)
	parent := storetest.NewMemory()
	r := newRig(t, parent)
	r.password = nil
	_, err := r.install(exp, svcUser)
	wantCode(t, err, install.CodeInstallRolledBack)
	if coded.CodeOf(coded.As(err).Err) != accounts.CodeNeedsPassword {
		t.Errorf("cause %v", err)
	}
	if got := take(t, parent); len(got) != 0 {
		t.Fatalf("left %s", got)
	}
}

// A payload the child cannot read is refused before any change.
func TestAChildRefusesAPayloadItCannotRead(t *testing.T) {
	for _, payload := range []string{"", "{", `{"protocol":99,"mode":"install"}`, `{"protocol":1,"mode":"explode"}`, `{"protocol":1,"mode":"install","client":"AAAA"}`} {
		var out strings.Builder
		code := install.ServeAccount([]byte(payload), &out, storetest.NewMemory(), install.ChildOptions{BackupDir: t.TempDir()})
		var ev install.AccountEvent
		if err := json.Unmarshal([]byte(out.String()), &ev); err != nil || code != 2 || ev.Event != "error" || ev.Error.Code != install.CodeAccountPayload {
			t.Errorf("payload %q: exit %d, %s", payload, code, out.String())
		}
	}
}

// lateCancel is a runner whose first run is cancelled just as the child
// ends: the child finished its change, yet the step fails.
type lateCancel struct {
	accounts.Runner
	runs atomic.Int32
}

func (l *lateCancel) Run(ctx context.Context, req accounts.Request) (int, error) {
	code, err := l.Runner.Run(ctx, req)
	if l.runs.Add(1) == 1 {
		return -1, coded.New(accounts.CodeRunCancelled, context.Canceled)
	}
	return code, err
}

// A child that finished but whose run is failed all the same (cancelled
// as it ended) is undone too: its change was made.
func TestAChildCancelledAsItEndsIsUndone(t *testing.T) {
	exp1, exp2, _ := exports(t)
	parent := storetest.NewMemory()
	r := newRig(t, parent)
	if _, err := r.install(exp1, networkService); err != nil {
		t.Fatal(err)
	}
	before, accountBefore := take(t, parent), take(t, r.accountStore())
	r.runner = &lateCancel{Runner: &accounts.SimulatedRunner{}}
	_, err := r.install(exp2, networkService)
	wantCode(t, err, install.CodeInstallRolledBack)
	if got := take(t, parent); !equalSnapshots(got, before) {
		t.Fatalf("the machine's stores:\n%s", got)
	}
	if got := take(t, r.accountStore()); !equalSnapshots(got, accountBefore) {
		t.Fatalf("the account's store was left changed:\n%s\nwant\n%s", got, accountBefore)
	}
}
