package flowtest

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"qscert/assets/i18n"
	"qscert/certs/accounts"
	codedpkg "qscert/certs/coded"
	"qscert/certs/foraccount"
	"qscert/certs/install"
	"qscert/certs/output"
	"qscert/certs/qrs"
	"qscert/certs/store"
)

// The accounts of the tests' machine.
const (
	ServiceAccount  = `CORP\svc_qlik` // an ordinary user that Qalyptus runs as
	ServiceSID      = "S-1-5-21-1004336348-1177238915-682003330-1105"
	ServicePassword = "Svc-Pa55-w0rd-4d2a"
	AdminSID        = "S-1-5-21-1004336348-1177238915-682003330-500" // the account running the wizard
)

// Accounts is a simulated machine for the account step: its accounts and
// services (accounts.Simulated), and a runner that does, in this process,
// what the qscert child would do as the account: the account step's
// `_for-account` (install.ServeAccount, the real child's code) and
// `test --json` (the store's identity and a call to the QRS). Each
// account has a folder store of its own whose LocalMachine locations are
// those of Machine, as on Windows every account sees the machine's
// stores.
type Accounts struct {
	System  *foraccount.System
	Machine *store.Folder // the machine's store the flow installs into
	// Address is what the child's test dials (the simulated QRS).
	Address string

	t     testing.TB
	mu    sync.Mutex
	dirs  map[string]string // SID -> folder
	runs  []Run
	Block chan struct{} // when set, a child waits for it (or its cancel) first
	// Waiting is closed when a child waits on Block.
	Waiting chan struct{}
}

// Run is one run as an account: what it was given, never the password.
type Run struct {
	Account     accounts.Account
	Argv        []string
	HadPassword bool
	Cancelled   bool
}

// NewAccounts makes the simulated machine, with its store in a new folder.
func NewAccounts(t testing.TB) *Accounts {
	t.Helper()
	os.Setenv("XDG_CONFIG_HOME", t.TempDir()) // the children's backups, "in the account's profile"
	m, err := store.CreateFolder(filepath.Join(t.TempDir(), "machine"))
	if err != nil {
		t.Fatal(err)
	}
	a := &Accounts{Machine: m, t: t, dirs: map[string]string{}}
	sim := &accounts.Simulated{Computer: "THIRDPARTY",
		Accounts: []accounts.SimulatedAccount{
			{Name: ServiceAccount, UPN: "svc_qlik@corp.example", SID: ServiceSID, SidType: 1},
			{Name: `THIRDPARTY\Administrator`, SID: AdminSID, SidType: 1},
		},
		Installed: []accounts.Service{
			{Name: "Spooler", DisplayName: "Print Spooler", StartName: "LocalSystem", BinaryPath: `C:\Windows\System32\spoolsv.exe`},
			{Name: "QalyptusServer", DisplayName: "Qalyptus Server", StartName: ServiceAccount, BinaryPath: `"C:\Program Files\Qalyptus\Qalyptus.Server.exe"`},
			{Name: "QlikMonitor", DisplayName: "Qlik Monitor", StartName: `NT AUTHORITY\NetworkService`},
			{Name: "MSSQLSERVER", DisplayName: "SQL Server (MSSQLSERVER)", StartName: `NT SERVICE\MSSQLSERVER`},
		}}
	a.System = &foraccount.System{Resolver: sim, Services: sim, Program: "qscert", ChildStore: a.storeOf,
		RunnerFor: func(accounts.Account) (accounts.Runner, error) { return a, nil },
		Elevated:  func() bool { return true }, CurrentSID: AdminSID}
	return a
}

// Runs are the runs so far.
func (a *Accounts) Runs() []Run {
	a.mu.Lock()
	defer a.mu.Unlock()
	return append([]Run(nil), a.runs...)
}

// storeOf is the folder standing for the account's own stores.
func (a *Accounts) storeOf(acct accounts.Account) string {
	a.mu.Lock()
	defer a.mu.Unlock()
	dir, ok := a.dirs[acct.SID]
	if !ok {
		dir = filepath.Join(a.t.TempDir(), "profile")
		if err := os.MkdirAll(filepath.Join(a.Machine.Root(), string(store.LocalMachine)), 0o700); err != nil {
			a.t.Fatal(err)
		}
		if err := os.MkdirAll(dir, 0o700); err != nil {
			a.t.Fatal(err)
		}
		if err := os.Symlink(filepath.Join(a.Machine.Root(), string(store.LocalMachine)), filepath.Join(dir, string(store.LocalMachine))); err != nil {
			a.t.Fatal(err)
		}
		a.dirs[acct.SID] = dir
	}
	return "folder:" + dir
}

// Holds lists the thumbprints in a location of the account's own store.
func (a *Accounts) Holds(acct accounts.Account, loc store.Location) []string {
	f, err := store.OpenFolder(strings.TrimPrefix(a.storeOf(acct), "folder:"))
	if err != nil {
		a.t.Fatal(err)
	}
	entries, err := f.List(loc)
	if err != nil {
		a.t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		out = append(out, e.Thumbprint())
	}
	return out
}

// Run implements accounts.Runner, with the rules of the real runners: a
// virtual account refused, an ordinary user's password required (and
// checked).
func (a *Accounts) Run(ctx context.Context, req accounts.Request) (int, error) {
	run := Run{Account: req.Account, Argv: append([]string(nil), req.Argv...), HadPassword: len(req.Password) > 0}
	defer func() {
		a.mu.Lock()
		a.runs = append(a.runs, run)
		a.mu.Unlock()
	}()
	if req.Account.Kind == accounts.KindVirtual {
		return -1, coded(accounts.CodeVirtual, req.Account)
	}
	if req.Account.NeedsPassword() && string(req.Password) != ServicePassword {
		return -1, coded(accounts.CodeLogonFailed, req.Account)
	}
	if a.Block != nil {
		if a.Waiting != nil {
			close(a.Waiting)
			a.Waiting = nil
		}
		select {
		case <-a.Block:
		case <-ctx.Done():
			run.Cancelled = true
			return -1, coded(accounts.CodeRunCancelled, req.Account)
		}
	}
	out := &lines{to: req.Output}
	set := flag.NewFlagSet("child", flag.ContinueOnError)
	set.SetOutput(io.Discard)
	storeSpec := set.String("store", "", "")
	host := set.String("host", "", "")
	port := set.Int("port", 0, "")
	address := set.String("qrs-address", "", "")
	lang := set.String("lang", "en", "")
	set.Bool("json", false, "")
	set.Duration("timeout", 0, "")
	if len(req.Argv) < 2 || set.Parse(req.Argv[2:]) != nil {
		return 2, nil
	}
	st, err := store.OpenFolder(strings.TrimPrefix(*storeSpec, "folder:"))
	if err != nil {
		return 2, nil
	}
	defer st.Close()
	switch req.Argv[1] {
	case install.AccountCommandName:
		return install.ServeAccount(req.Payload, out, st, install.ChildOptions{Now: Now}), nil
	case "test":
		t := i18n.New(*lang)
		doc := output.Test{Header: output.HeaderOf("test")}
		id, err := qrs.IdentityFromStore(st, Now)
		if err != nil {
			doc.Error = output.ProblemOf(t, err)
		} else {
			defer id.Close()
			o := qrs.Options{Host: *host, Port: *port, Address: *address, Now: func() time.Time { return Now }}
			doc.Connection = output.ConnectionOf(t, *host, *port, st.Name(), id, nil, []*qrs.Diagnosis{qrs.Test(ctx, id, o)})
		}
		b, _ := json.Marshal(doc)
		out.Write(append(b, '\n'))
		if doc.Error != nil {
			return 2, nil
		}
		return 0, nil
	}
	return 2, nil
}

// lines hands each line written to to.
type lines struct {
	to  func([]byte)
	buf bytes.Buffer
}

func (l *lines) Write(p []byte) (int, error) {
	l.buf.Write(p)
	for {
		i := bytes.IndexByte(l.buf.Bytes(), '\n')
		if i < 0 {
			return len(p), nil
		}
		line := append([]byte(nil), l.buf.Bytes()[:i]...)
		l.buf.Next(i + 1)
		if l.to != nil {
			l.to(line)
		}
	}
}

func coded(code codedpkg.Code, a accounts.Account) error {
	return codedpkg.New(code, nil, "account", a.Name, "detail", "simulated")
}
