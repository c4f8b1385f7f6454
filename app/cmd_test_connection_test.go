package app

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"qscert/certs/certstest"
	"qscert/certs/qlik"
	"qscert/certs/qrs/nginxtest"
	"qscert/certs/qrs/qrstest"
	"qscert/certs/store"
	"qscert/certs/store/storetest"
)

func TestTestSucceedsAgainstQRSWithALegacyExport(t *testing.T) {
	site := connExport(t, certstest.StyleLegacy, "site")
	s := startSimulatedQRS(t, site, qrstest.Options{})
	dir := writeConnExport(t, site, certstest.WriteOptions{Format: qlik.FormatPEM})
	code, out, errOut := runQscert(t, connEnv("", nil, nil), "test", "--host", "localhost", "--port", portOf(s), "--dir", dir, "--lang", "en")
	if code != ExitOK {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	for _, want := range []string{"Qlik Sense Repository 14.173.4", "node type 1", "CN=QlikClient", "The certificates work."} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestTestSucceedsAgainstNginxWithAModernExport(t *testing.T) {
	if _, err := nginxtest.Binary(); errors.Is(err, nginxtest.ErrNotInstalled) {
		t.Skip("nginx tests skipped: " + err.Error())
	}
	site := connExport(t, certstest.StyleModern, "site")
	now := time.Now()
	cert, err := site.Site.Issue(qlik.RoleServer, "localhost", now.Add(-time.Hour), now.AddDate(1, 0, 0))
	if err != nil {
		t.Fatal(err)
	}
	p, err := nginxtest.Start(t.TempDir(), nginxtest.Config{Server: cert, ClientCA: site.Root.Cert})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = p.Stop() })
	dir := writeConnExport(t, site, certstest.WriteOptions{Format: qlik.FormatPEM})
	code, out, errOut := runQscert(t, connEnv("", nil, nil), "test", "--host", "localhost", "--port", strconv.Itoa(p.Port), "--dir", dir, "--json")
	if code != ExitOK || !slices.Equal(checkCodes(t, out), []string{"ok"}) {
		t.Fatalf("exit %d\n%s%s\nnginx log:\n%s", code, out, errOut, p.Log())
	}
}

// TestTestDiagnosesTheUsualMistakes: the three mistakes the issue names,
// each with exit code 1 and its own code.
func TestTestDiagnosesTheUsualMistakes(t *testing.T) {
	site, other := connExport(t, certstest.StyleLegacy, "site"), connExport(t, certstest.StyleLegacy, "other")
	s := startSimulatedQRS(t, site, qrstest.Options{})
	closed := startSimulatedQRS(t, site, qrstest.Options{})
	closedPort := portOf(closed)
	_ = closed.Close()
	cases := []struct {
		name, dir, port, want string
	}{
		{"wrong client certificate", mixExport(t, other, site), portOf(s), "tls-client-rejected"},
		{"wrong root", mixExport(t, site, other), portOf(s), "tls-untrusted-server"},
		{"closed port", writeConnExport(t, site, certstest.WriteOptions{Format: qlik.FormatPEM}), closedPort, "connection-refused"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, out, errOut := runQscert(t, connEnv("", nil, nil), "test", "--host", "localhost", "--port", c.port, "--dir", c.dir, "--json", "--lang", "fr")
			if code != ExitFindings {
				t.Fatalf("exit %d, want %d\n%s%s", code, ExitFindings, out, errOut)
			}
			if got := checkCodes(t, out); !slices.Equal(got, []string{c.want}) {
				t.Fatalf("codes %v, want %s\n%s", got, c.want, out)
			}
			if strings.Contains(out, "<no value>") || !strings.Contains(out, "localhost") {
				t.Errorf("message not filled in:\n%s", out)
			}
		})
	}
}

func TestTestTextOutputExplainsTheFailure(t *testing.T) {
	site := connExport(t, certstest.StyleLegacy, "site")
	s := startSimulatedQRS(t, site, qrstest.Options{})
	dir := writeConnExport(t, site, certstest.WriteOptions{Format: qlik.FormatPEM})
	code, out, _ := runQscert(t, connEnv("", nil, nil), "test", "--host", "127.0.0.1", "--port", portOf(s), "--dir", dir, "--lang", "fr")
	if code != ExitFindings {
		t.Fatalf("exit %d\n%s", code, out)
	}
	for _, want := range []string{"ÉCHEC", "[tls-host-mismatch]", "Connectez-vous plutôt avec le nom localhost", "127.0.0.1 est une adresse IP"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestTestWithAWindowsExportAndAPasswordFile(t *testing.T) {
	const password = "S3cret-Export-Pw"
	site := connExport(t, certstest.StyleLegacy, "site")
	s := startSimulatedQRS(t, site, qrstest.Options{})
	dir := writeConnExport(t, site, certstest.WriteOptions{Format: qlik.FormatWindows, Password: password, Partial: true})
	pwFile := filepath.Join(t.TempDir(), "pw.txt")
	if err := os.WriteFile(pwFile, []byte(password+"\r\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runQscert(t, connEnv("", nil, nil), "test", "--host", "localhost", "--port", portOf(s), "--dir", dir, "--password-file", pwFile, "--json")
	if code != ExitOK {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	if strings.Contains(out+errOut, password) {
		t.Error("the password shows in the output")
	}
	code, out, errOut = runQscert(t, connEnv("wrong\n", nil, nil), "test", "--host", "localhost", "--port", portOf(s), "--dir", dir, "--password-stdin", "--lang", "en")
	if code != ExitUsage || !strings.Contains(errOut, "The password does not open client.pfx") {
		t.Fatalf("wrong password: exit %d\n%s%s", code, out, errOut)
	}
}

func TestTestEngineCheckAndHostAsURL(t *testing.T) {
	site := connExport(t, certstest.StyleLegacy, "site")
	s := startSimulatedQRS(t, site, qrstest.Options{})
	dir := writeConnExport(t, site, certstest.WriteOptions{Format: qlik.FormatPEM})
	// The simulated QRS answers the Engine's health check on the same port.
	code, out, errOut := runQscert(t, connEnv("", nil, nil), "test", "--host", "https://localhost:"+portOf(s)+"/qmc", "--dir", dir, "--engine", "--engine-port", portOf(s), "--json")
	if code != ExitOK || !slices.Equal(checkCodes(t, out), []string{"ok", "ok"}) {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	if !strings.Contains(out, `"version": "12.1477.0"`) {
		t.Errorf("engine version not reported:\n%s", out)
	}
}

func TestTestFromAStore(t *testing.T) {
	site := connExport(t, certstest.StyleLegacy, "site")
	s := startSimulatedQRS(t, site, qrstest.Options{})
	m := storetest.NewMemory()
	for _, add := range []struct {
		loc  store.Location
		is   *certstest.Issued
		keep bool
	}{{store.LocalMachineRoot, site.Root, false}, {store.CurrentUserMy, site.Client, true}} {
		var key any
		if add.keep {
			key = add.is.Key
		}
		if err := m.Add(add.loc, add.is.Cert, key, ""); err != nil {
			t.Fatal(err)
		}
	}
	env := connEnv("", nil, map[string]store.Store{"folder:/srv/certs": m})
	code, out, errOut := runQscert(t, env, "test", "--host", "localhost", "--port", portOf(s), "--store", "folder:/srv/certs", "--json")
	if code != ExitOK || !strings.Contains(out, `"source": "memory"`) {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	code, _, errOut = runQscert(t, connEnv("", nil, map[string]store.Store{"windows": storetest.NewMemory()}), "test", "--host", "localhost", "--store", "windows", "--lang", "en")
	if code != ExitUsage || !strings.Contains(errOut, "No QlikClient certificate") {
		t.Fatalf("empty store: exit %d, %s", code, errOut)
	}
}

func TestTestCannotRun(t *testing.T) {
	dir := writeConnExport(t, connExport(t, certstest.StyleLegacy, "site"), certstest.WriteOptions{Format: qlik.FormatPEM})
	cases := []struct {
		name string
		args []string
		want string // in stderr, English
	}{
		{"no host", []string{"--dir", dir}, "give the Qlik Sense server with --host"},
		{"no certificates", []string{"--host", "qlik"}, "give either an export folder"},
		{"both sources", []string{"--host", "qlik", "--dir", dir, "--store", "windows"}, "give either an export folder"},
		{"password on the command line", []string{"--host", "qlik", "--dir", dir, "--password", "hunter2"}, "--password is refused"},
		{"missing store", []string{"--host", "qlik", "--store", "folder:/nonexistent/qscert-store"}, "does not exist"},
		{"unknown store", []string{"--host", "qlik", "--store", "vault"}, "“vault” is not a valid value for --store"},
		{"missing folder", []string{"--host", "qlik", "--dir", filepath.Join(dir, "nope")}, "does not exist"},
		{"bad port", []string{"--host", "qlik", "--dir", dir, "--port", "0"}, "--port"},
		{"stray argument", []string{"--host", "qlik", "--dir", dir, "extra"}, "extra"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, out, errOut := runQscert(t, connEnv("", nil, nil), append([]string{"test", "--lang", "en"}, c.args...)...)
			if code != ExitUsage || !strings.Contains(errOut, c.want) {
				t.Fatalf("exit %d, stderr %q, stdout %q; want exit 2 and %q", code, errOut, out, c.want)
			}
			if strings.Contains(out+errOut, "hunter2") {
				t.Error("the password shows in the output")
			}
		})
	}
}
