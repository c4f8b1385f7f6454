//go:build windows

package central

import (
	"context"
	"crypto/x509"
	"encoding/base64"
	"os"
	"path/filepath"
	"testing"
	"time"
	"unicode/utf16"

	"golang.org/x/sys/windows"
	"golang.org/x/sys/windows/registry"

	"qscert/certs/accounts"
	"qscert/certs/certstest"
	"qscert/certs/coded"
	"qscert/certs/qlik"
	"qscert/certs/store"
)

// These run on Windows' own service manager, registry, crt and crypt32:
// under Wine in CI (tools/wine/test-windows.sh ./certs/central) and on
// Windows itself. What changes the machine (a service started and
// stopped, ProgramData's Qlik files, the HKLM mark) runs under Wine only,
// in the throw-away prefix.

func underWine() bool {
	k, err := registry.OpenKey(registry.LOCAL_MACHINE, `Software\Wine`, registry.QUERY_VALUE)
	if err != nil {
		return false
	}
	k.Close()
	return true
}

func wineOnly(t *testing.T) {
	t.Helper()
	if !underWine() {
		t.Skip("changes the machine: run under Wine (tools/wine/test-windows.sh)")
	}
}

// The host facts read the real places: %ProgramData%\Qlik\Sense\Host.cfg
// (here written as PowerShell's Set-Content -Encoding Unicode would),
// %ProgramFiles%\Qlik\Sense\Repository\Repository.exe, the token's
// elevation.
func TestWindowsHostFacts(t *testing.T) {
	h := windowsHost{}
	f := h.Facts()
	host, _ := os.Hostname()
	if f.Hostname != host || f.Elevated != windows.GetCurrentProcessToken().IsElevated() {
		t.Fatalf("facts %+v", f)
	}
	programData, err := windows.KnownFolderPath(windows.FOLDERID_ProgramData, 0)
	if err != nil {
		t.Fatal(err)
	}
	if f.HostCfg != filepath.Join(programData, `Qlik\Sense\Host.cfg`) || f.ExportedCertificates != filepath.Join(programData, `Qlik\Sense\Repository\Exported Certificates`) {
		t.Fatalf("paths %+v", f)
	}
	t.Logf("elevated: %v", f.Elevated)
	wineOnly(t)
	if f.FQDN != "" || f.HostCfgErr == nil || f.RepositoryPresent {
		t.Fatalf("a fresh prefix has no Qlik Sense: %+v", f)
	}
	fqdn := "qlik-central.corp.example"
	b64 := base64.StdEncoding.EncodeToString([]byte(fqdn))
	content := []byte{0xFF, 0xFE}
	for _, u := range utf16.Encode([]rune(b64 + "\r\n")) {
		content = append(content, byte(u), byte(u>>8))
	}
	mustWrite(t, f.HostCfg, content)
	mustWrite(t, f.Repository, []byte("MZ"))
	t.Cleanup(func() {
		os.RemoveAll(filepath.Join(programData, "Qlik"))
		os.Remove(f.Repository)
	})
	f = h.Facts()
	if f.FQDN != fqdn || !f.RepositoryPresent {
		t.Fatalf("facts %+v (%v)", f, f.HostCfgErr)
	}
}

func mustWrite(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// Service queries through svc/mgr: a running service, a missing one (the
// Qlik services are not installed here), the start type and account.
func TestWindowsServicesQuery(t *testing.T) {
	s := windowsServices{}
	st, err := s.Query("RpcSs")
	if err != nil || !st.Exists || st.State != StateRunning || st.Start == "" {
		t.Fatalf("RpcSs: %+v, %v", st, err)
	}
	for _, name := range StartOrder {
		st, err := s.Query(name)
		if err != nil || st.Exists {
			t.Fatalf("%s: %+v, %v", name, st, err)
		}
	}
	if err := s.Start(ServiceEngine); coded.CodeOf(err) != CodeServicesFailed {
		t.Fatalf("starting a missing service: %v", err)
	}
	if err := s.Stop(ServiceEngine); err != nil {
		t.Fatalf("stopping a missing service: %v", err)
	}
}

// Start, wait, stop, wait, on a service of the prefix (the Still Image
// service, stopped and manual in a fresh one).
func TestWindowsServicesStartAndStop(t *testing.T) {
	wineOnly(t)
	s := windowsServices{}
	const name = "StiSvc"
	before, err := s.Query(name)
	if err != nil || !before.Exists {
		t.Skipf("no %s here: %+v %v", name, before, err)
	}
	ctx := context.Background()
	if err := s.Start(name); err != nil {
		t.Fatal(err)
	}
	if st, err := WaitState(ctx, s, name, StateRunning, 30*time.Second, 100*time.Millisecond); err != nil {
		t.Fatalf("start: %+v %v", st, err)
	}
	if err := s.Start(name); err != nil {
		t.Fatalf("starting a running service: %v", err)
	}
	if err := s.Stop(name); err != nil {
		t.Fatal(err)
	}
	if st, err := WaitState(ctx, s, name, StateStopped, 30*time.Second, 100*time.Millisecond); err != nil {
		t.Fatalf("stop: %+v %v", st, err)
	}
	if err := s.Stop(name); err != nil {
		t.Fatalf("stopping a stopped service: %v", err)
	}
}

// The process list names this test program.
func TestWindowsProcessesRunning(t *testing.T) {
	exe, _ := os.Executable()
	pids, err := windowsProcesses{}.Running(filepath.Base(exe))
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, p := range pids {
		found = found || p == os.Getpid()
	}
	if !found {
		t.Fatalf("%s not in %v", filepath.Base(exe), pids)
	}
	if pids, err := (windowsProcesses{}).Running("Repository.exe"); err != nil || len(pids) != 0 {
		t.Fatalf("Repository.exe: %v %v", pids, err)
	}
}

// The mark in HKLM and the lock in a folder.
func TestWindowsMark(t *testing.T) {
	wineOnly(t)
	m := windowsMark{lockDir: t.TempDir()}
	if got, err := m.Get(); err != nil || got != "" {
		t.Fatalf("fresh: %q %v", got, err)
	}
	if err := m.Set(`C:\backups\qscert-recreate-1\recreate.jsonl`); err != nil {
		t.Fatal(err)
	}
	if got, err := m.Get(); err != nil || got != `C:\backups\qscert-recreate-1\recreate.jsonl` {
		t.Fatalf("after Set: %q %v", got, err)
	}
	// The machine's own mark (what every command reads to say that a
	// procedure was left stopped) is the same registry value.
	this, err := ThisMachineMark()
	if err != nil {
		t.Fatal(err)
	}
	if got, err := this.Get(); err != nil || got != `C:\backups\qscert-recreate-1\recreate.jsonl` {
		t.Fatalf("this machine's mark: %q %v", got, err)
	}
	if err := m.Clear(); err != nil {
		t.Fatal(err)
	}
	if got, _ := m.Get(); got != "" {
		t.Fatalf("after Clear: %q", got)
	}
	if got, _ := this.Get(); got != "" {
		t.Fatalf("this machine's mark after Clear: %q", got)
	}
	unlock, err := m.Lock()
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	if _, err := (windowsMark{lockDir: m.lockDir}).Lock(); coded.CodeOf(err) != CodeBusy {
		// LockFileEx is per handle: a second one in this process waits too.
		t.Fatalf("second lock: %v", err)
	}
}

// The service account's store through the sub-command, on crypt32: list,
// add (a PFX carried over the payload), export with the key, remove. The
// runner is the simulated one (this user), the store this user's
// CurrentUser\My, as the logon runner would give the service account's.
func TestWindowsAccountStoreThroughTheChild(t *testing.T) {
	exe, _ := os.Executable()
	a := &Acting{Account: accounts.Account{Name: `NT AUTHORITY\SYSTEM`, SID: accounts.SIDLocalSystem, Kind: accounts.KindLocalSystem},
		Runner: &accounts.SimulatedRunner{}, Child: []string{exe, "__child"}, Store: "windows"}
	s := newAccountStore(context.Background(), a)
	exp, err := certstest.NewExport("qlik-central.corp.example", "qlik-central.corp.example", certstest.StyleLegacy, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	tp := qlik.Thumbprint(exp.Client.Cert)
	t.Cleanup(func() {
		if w, err := store.OpenWindows(); err == nil {
			_ = w.Remove(store.CurrentUserMy, tp)
		}
	})
	if err := s.Add(store.CurrentUserMy, exp.Client.Cert, exp.Client.Key, "QlikClient"); err != nil {
		t.Fatal(err)
	}
	entries, err := s.List(store.CurrentUserMy)
	if err != nil {
		t.Fatal(err)
	}
	var found *x509.Certificate
	for _, e := range entries {
		if e.Thumbprint() == tp && e.HasPrivateKey {
			found, _ = e.Certificate()
		}
	}
	if found == nil {
		t.Fatalf("QlikClient not listed with its key: %d entries", len(entries))
	}
	pw := oneTimePassword()
	pfx, err := s.ExportPFX(store.CurrentUserMy, tp, pw)
	if err != nil {
		t.Fatal(err)
	}
	cert, key, err := store.DecodePFX(pfx, pw)
	if err != nil || key == nil || qlik.Thumbprint(cert) != tp {
		t.Fatalf("export: %v, key %v", err, key != nil)
	}
	if err := s.Remove(store.CurrentUserMy, tp); err != nil {
		t.Fatal(err)
	}
	if err := s.Remove(store.CurrentUserMy, tp); coded.CodeOf(err) != store.CodeCertNotFound {
		t.Fatalf("second removal: %v", err)
	}
	if _, err := s.List(store.LocalMachineMy); coded.CodeOf(err) != store.CodeStoreMissing {
		t.Fatalf("another location: %v", err)
	}
}

// The Windows node is made of the real parts.
func TestOpenWindows(t *testing.T) {
	n, err := OpenWindows([]string{"qscert.exe", "recreate", "__child"})
	if err != nil {
		t.Fatal(err)
	}
	if n.Machine.Name() != "windows" || n.AccountStore != "windows" || n.RunnerFor == nil || n.QRS == nil {
		t.Fatalf("node %+v", n)
	}
	if _, err := n.Accounts.Lookup("LocalSystem"); err != nil {
		t.Fatal(err)
	}
}
