package app

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/sys/windows"

	"qscert/app/elevation"
	"qscert/certs/accounts"
	"qscert/certs/certstest"
	"qscert/certs/install"
	"qscert/certs/qlik"
	"qscert/certs/qrs/qrstest"
	"qscert/certs/store"
)

// These run the test binary as qscert.exe (asProgramEnv) on Windows' own
// LSA, service manager and certificate stores: under Wine in CI
// (tools/wine/test-windows.sh), and on Windows itself.

func runQscertExe(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), asProgramEnv+"=1", install.FastKDFEnv+"=1", "LANG=en_US.UTF-8")
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	_ = cmd.Run()
	return cmd.ProcessState.ExitCode(), out.String(), errOut.String()
}

// The "done when": the machine choice for NetworkService, as a dry
// run, names LocalMachine\My and the key access for S-1-5-20; and a
// service chosen from this machine's list resolves to its account.
func TestWindowsDryRunForTheMachineAndNetworkService(t *testing.T) {
	t.Logf("elevated: %v", elevation.IsElevated())
	site, err := certstest.NewExport("qlik-wine-account.corp.example", cliMachine, certstest.StyleLegacy, cliNow)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "export")
	if err := site.Write(dir, certstest.WriteOptions{Format: qlik.FormatPEM, Partial: true}); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runQscertExe(t, "install", dir, "--for-machine", "--for-account", `NT AUTHORITY\NETWORK SERVICE`, "--dry-run", "--lang", "en")
	t.Logf("exit %d\n%s%s", code, out, errOut)
	if code != ExitOK || !strings.Contains(out, `add CN=QlikClient to LocalMachine\My with its private key`) ||
		!strings.Contains(out, `(S-1-5-20) read access to the private key of CN=QlikClient in LocalMachine\My`) {
		t.Fatalf("the plan does not name LocalMachine\\My and S-1-5-20")
	}
	// A service of this machine (Wine lists its own, all LocalSystem's).
	l, err := accounts.OpenServices()
	if err != nil {
		t.Fatal(err)
	}
	list, err := l.Services()
	if err != nil || len(list) == 0 {
		t.Fatalf("services: %v, %v", list, err)
	}
	svc := list[0]
	code, out, errOut = runQscertExe(t, "install", dir, "--for-machine", "--for-service", svc.Name, "--dry-run", "--json")
	doc := conforms(t, "install", []byte(out))
	var granted string
	for _, s := range doc["plan"].(map[string]any)["steps"].([]any) {
		if st := s.(map[string]any); st["kind"] == "grant" {
			granted = st["account"].(map[string]any)["sid"].(string)
		}
	}
	a, err := accounts.ServiceAccount(l, mustResolver(t), svc.Name)
	if code != ExitOK || err != nil || granted != a.SID {
		t.Fatalf("--for-service %s (%s): exit %d, grant to %q, want %s (%v)\n%s", svc.Name, svc.StartName, code, granted, a.SID, err, errOut)
	}
	t.Logf("--for-service %s (runs as %q): grant to %s", svc.Name, svc.StartName, granted)
}

func mustResolver(t *testing.T) accounts.Resolver {
	t.Helper()
	r, err := accounts.OpenResolver()
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// The machine choice applied on real crypt32: the client in
// LocalMachine\My with a machine key, an ACE for NetworkService on it,
// and the check as that account. Wine 8 has no access check (authz.dll's
// AuthzInitializeResourceManager is a stub), so there the check says it
// could not be made; Windows says the account may read the key.
func TestWindowsInstallForTheMachineGrantsTheKey(t *testing.T) {
	if os.Getenv("WINEPREFIX") == "" && os.Getenv("QSCERT_WINDOWS_CRASH") == "" {
		t.Skip("changes this machine's certificate stores: runs under Wine, or with QSCERT_WINDOWS_CRASH=1")
	}
	if !elevation.IsElevated() {
		t.Skip("needs an elevated qscert")
	}
	site, err := certstest.NewExport("qlik-wine-machine.corp.example", "localhost", certstest.StyleLegacy, cliNow)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "export")
	if err := site.Write(dir, certstest.WriteOptions{Format: qlik.FormatWindows, Password: exportPassword, Partial: true}); err != nil {
		t.Fatal(err)
	}
	s, err := store.OpenWindows()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { clearQlik(t, s) })
	pw := writePasswordFile(t, exportPassword)
	ns := `NT AUTHORITY\NETWORK SERVICE`
	code, out, errOut := runQscertExe(t, "install", dir, "--for-machine", "--for-account", ns, "--yes", "--password-file", pw,
		"--backup-dir", t.TempDir(), "--lang", "en")
	t.Logf("exit %d\n%s%s", code, out, errOut)
	if code != ExitOK {
		t.Fatal("the install for the machine failed")
	}
	tp := qlik.Thumbprint(site.Client.Cert)
	entries, err := s.List(store.LocalMachineMy)
	if err != nil {
		t.Fatal(err)
	}
	withKey := false
	for _, e := range entries {
		withKey = withKey || (e.Thumbprint() == tp && e.HasPrivateKey)
	}
	if !withKey {
		t.Fatal("the client is not in LocalMachine\\My with its key")
	}
	sddl, err := s.(interface {
		KeySecurityDescriptor(store.Location, string) (string, error)
	}).KeySecurityDescriptor(store.LocalMachineMy, tp)
	t.Logf("the key's security descriptor: %s (%v)", sddl, err)
	if err != nil || !strings.Contains(sddl, "(A;;FR;;;NS)") {
		t.Fatal("no read ACE for NetworkService on the key")
	}

	srv, err := qrstest.Start(site, qrstest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	code, out, errOut = runQscertExe(t, "test", "--host", "localhost", "--port", portOf(srv), "--for-machine", "--for-account", ns, "--json")
	t.Logf("test: exit %d\n%s%s", code, out, errOut)
	doc := conforms(t, "test", []byte(out))
	findings := doc["findings"].([]any)
	last := findings[len(findings)-1].(map[string]any)["code"]
	if !isWine() {
		if code != ExitOK || last != string(CodeAccountKeyReadable) {
			t.Fatalf("exit %d, the key check said %v", code, last)
		}
		return
	}
	// Wine: no access check, and its CryptoAPI machine key cannot sign
	// the RSA-PSS that Go's TLS asks for (tools/wine/README.md), so the
	// QRS call itself fails there; both say why.
	check := doc["checks"].([]any)[0].(map[string]any)
	if code != ExitFindings || last != string(CodeAccountKeyUnchecked) || !strings.Contains(check["detail"].(string), "RSA-PSS") {
		t.Fatalf("exit %d, the key check said %v, the QRS check %v", code, last, check["detail"])
	}
}

// isWine reports whether this runs under Wine (ntdll exports
// wine_get_version there).
func isWine() bool {
	return windows.NewLazySystemDLL("ntdll.dll").NewProc("wine_get_version").Find() == nil
}
