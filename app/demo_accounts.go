package app

import (
	"os"
	"path/filepath"
	"strings"
	"sync"

	"qscert/certs/accounts"
	"qscert/certs/foraccount"
	"qscert/certs/store"
)

// demoAdminSID is the demo's administrator, the account "running qscert".
const demoAdminSID = "S-1-5-21-3623811015-3361044348-30300820-500"

// demoAccounts is the demo's machine for the account step: simulated
// accounts and services (the products that talk to Qlik among them), and a
// runner that starts this program's child as the current user, the way
// the logon runner does on Windows. Each account has a folder store of its
// own under the demo's folder, whose LocalMachine is the sandbox's (on
// Windows every account sees the machine's stores), and a profile folder
// for its child's backup. Nothing outside the demo's folder changes.
func demoAccounts(root string, machine *store.Folder) (*foraccount.System, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, err
	}
	host, _ := os.Hostname()
	computer := strings.ToUpper(strings.Split(host, ".")[0])
	if computer == "" {
		computer = "THIS-COMPUTER"
	}
	sim := &accounts.Simulated{Computer: computer,
		Accounts: []accounts.SimulatedAccount{
			{Name: `CORP\svc_qalyptus`, UPN: "svc_qalyptus@corp.example", SID: "S-1-5-21-1004336348-1177238915-682003330-1105", SidType: 1},
			{Name: computer + `\Administrator`, SID: demoAdminSID, SidType: 1},
		},
		Installed: []accounts.Service{
			{Name: "QalyptusServer", DisplayName: "Qalyptus Server", StartName: `CORP\svc_qalyptus`, BinaryPath: `"C:\Program Files\Qalyptus\Qalyptus.Server.exe"`},
			{Name: "QlikNPrintingEngine", DisplayName: "Qlik NPrinting Engine", StartName: `NT AUTHORITY\NetworkService`, BinaryPath: `"C:\Program Files\NPrintingServer\NPrinting\Engine\Qlik.NPrinting.Engine.exe"`},
			{Name: "MSSQLSERVER", DisplayName: "SQL Server (MSSQLSERVER)", StartName: `NT SERVICE\MSSQLSERVER`, BinaryPath: `"C:\Program Files\Microsoft SQL Server\MSSQL16.MSSQLSERVER\MSSQL\Binn\sqlservr.exe"`},
			{Name: "Spooler", DisplayName: "Print Spooler", StartName: "LocalSystem", BinaryPath: `C:\Windows\System32\spoolsv.exe`},
			{Name: "W32Time", DisplayName: "Windows Time", StartName: `NT AUTHORITY\LocalService`, BinaryPath: `C:\Windows\system32\svchost.exe -k LocalService`},
		}}
	profiles := filepath.Join(root, "accounts")
	shared := filepath.Join(machine.Root(), string(store.LocalMachine))
	if err := os.MkdirAll(shared, 0o700); err != nil {
		return nil, err
	}
	profile := func(a accounts.Account) string { return filepath.Join(profiles, a.SID) }
	childStore := func(a accounts.Account) string {
		dir := filepath.Join(profile(a), "store")
		if err := os.MkdirAll(dir, 0o700); err == nil {
			shareMachineStores(shared, filepath.Join(dir, string(store.LocalMachine)), os.Symlink)
		}
		return "folder:" + dir
	}
	runner := &accounts.SimulatedRunner{Env: func(a accounts.Account) []string {
		p := profile(a)
		return append(os.Environ(), "XDG_CONFIG_HOME="+p, "APPDATA="+p)
	}}
	return &foraccount.System{Resolver: sim, Services: sim, Program: exe, ChildStore: childStore,
		RunnerFor: func(accounts.Account) (accounts.Runner, error) { return runner, nil },
		Elevated:  func() bool { return true }, CurrentSID: demoAdminSID}, nil
}

// demoStore is the demo's sandbox with access lists on its machine keys,
// kept in memory, so that the machine choice's grant and its check work
// in the demo as on Windows (a folder store has none).
type demoStore struct {
	*store.Folder
	mu      sync.Mutex
	readers map[string]bool // "thumbprint sid"
}

func newDemoStore(f *store.Folder) *demoStore {
	return &demoStore{Folder: f, readers: map[string]bool{}}
}

// GrantKeyRead implements store.KeyAccessGranter.
func (d *demoStore) GrantKeyRead(_ store.Location, tp, sid string) (func() error, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.readers[tp+" "+sid] = true
	return func() error {
		d.mu.Lock()
		defer d.mu.Unlock()
		delete(d.readers, tp+" "+sid)
		return nil
	}, nil
}

// CanRead implements store.KeyAccessGranter.
func (d *demoStore) CanRead(_ store.Location, tp, sid string) (bool, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.readers[tp+" "+sid], nil
}

// shareMachineStores gives an account's sandbox the machine's stores,
// which are every account's: a link to the sandbox's, or, where links are
// refused (Windows without the right to make them), a copy made anew at
// each run as the account, so that it holds the root the install has just
// added. The child only reads the machine's stores, so a copy serves.
func shareMachineStores(shared, link string, symlink func(oldname, newname string) error) {
	if err := symlink(shared, link); err == nil {
		return
	}
	if fi, err := os.Lstat(link); err == nil && fi.Mode()&os.ModeSymlink != 0 {
		return // linked at an earlier run
	}
	_ = os.RemoveAll(link)
	// A failed copy leaves the account without the machine's root: the
	// demo's test as the account then says store-no-root, which is true.
	_ = os.CopyFS(link, os.DirFS(shared))
}
