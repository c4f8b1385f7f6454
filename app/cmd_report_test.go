package app

import (
	"archive/zip"
	"bytes"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"encoding/json"
	"io"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"qscert/certs/certstest"
	"qscert/certs/qlik"
	"qscert/certs/qrs/qrstest"
	"qscert/certs/store"
	"qscert/certs/store/storetest"
	"qscert/certs/support"
)

// readZip returns the raw bytes of a report and its entries by name.
func readZip(t *testing.T, path string) ([]byte, map[string][]byte) {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		files[f.Name] = data
	}
	return raw, files
}

func TestReportHoldsEverythingButSecrets(t *testing.T) {
	const password = "S3cret-Export-Pw"
	site := connExport(t, certstest.StyleLegacy, "site")
	s := startSimulatedQRS(t, site, qrstest.Options{})
	dir := writeConnExport(t, site, certstest.WriteOptions{Format: qlik.FormatWindows, Password: password})

	// The store holds the installed export, and a certificate that is not
	// Qlik's, which the report leaves out.
	m := storetest.NewMemory()
	for _, a := range []struct {
		loc store.Location
		c   *x509.Certificate
		key any
	}{
		{store.LocalMachineRoot, site.Root.Cert, nil},
		{store.CurrentUserMy, site.Client.Cert, site.Client.Key},
		{store.LocalMachineMy, site.Server.Cert, site.Server.Key},
	} {
		if err := m.Add(a.loc, a.c, a.key, ""); err != nil {
			t.Fatal(err)
		}
	}
	if err := m.Add(store.LocalMachineRoot, nonQlikCertificate(t), nil, ""); err != nil {
		t.Fatal(err)
	}

	out := filepath.Join(t.TempDir(), "report.zip")
	env := connEnv(password+"\n", nil, map[string]store.Store{"folder:/srv/certs": m})
	code, stdout, stderr := runQscert(t, env, "report", "--out", out, "--dir", dir, "--password-stdin",
		"--store", "folder:/srv/certs", "--host", "localhost", "--port", portOf(s), "--lang", "en")
	if code != ExitOK || !strings.Contains(stdout, out) {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	raw, files := readZip(t, out)

	// Nothing secret, in the archive's bytes (entries are stored, not
	// compressed, so this scan sees everything) and in each entry.
	keyDER := x509.MarshalPKCS1PrivateKey(site.Client.Key)
	for _, blob := range append([][]byte{raw}, files[support.JSONName], files[support.TextName]) {
		for _, secret := range [][]byte{[]byte("PRIVATE KEY"), []byte(password), keyDER, []byte(base64.StdEncoding.EncodeToString(keyDER)[:64])} {
			if bytes.Contains(blob, secret) {
				t.Fatalf("the report contains %q", secret[:min(len(secret), 20)])
			}
		}
	}

	var r support.Report
	if err := json.Unmarshal(files[support.JSONName], &r); err != nil {
		t.Fatalf("report.json: %v", err)
	}
	if r.App.Version != Version || r.App.OS == "" || r.Machine.Hostname != "reporting01" {
		t.Errorf("app %+v, machine %+v", r.App, r.Machine)
	}
	if len(r.Stores) != 1 || r.Stores[0].Store != "memory" {
		t.Fatalf("stores = %+v", r.Stores)
	}
	found := map[string]bool{}
	for _, l := range r.Stores[0].Locations {
		for _, c := range l.Certificates {
			found[l.Location+" "+c.Subject+" "+map[bool]string{true: "key", false: "nokey"}[c.HasPrivateKey]] = true
			if strings.Contains(c.Subject, "unrelated") {
				t.Errorf("a certificate that is not Qlik's is listed: %s", c.Subject)
			}
		}
	}
	for _, want := range []string{
		`LocalMachine\Root CN=qlik-central.corp.example-CA nokey`,
		`CurrentUser\My CN=QlikClient key`,
		`LocalMachine\My CN=reporting01.corp.example key`,
	} {
		if !found[want] {
			t.Errorf("store listing lacks %s; has %v", want, found)
		}
	}
	if r.Export == nil || len(r.Export.Certificates) != 3 {
		t.Fatalf("export section = %+v, error %+v", r.Export, r.ExportError)
	}
	if c := r.Connection; c == nil || c.Result == nil || len(c.Result.Checks) != 1 || c.Result.Checks[0].Code != "ok" {
		t.Fatalf("connection section = %+v", r.Connection)
	}
	text := string(files[support.TextName])
	for _, want := range []string{"qscert support report", "Qlik certificates in memory", "CN=QlikClient", "Qlik Sense Repository 14.173.4", "The certificates work."} {
		if !strings.Contains(text, want) {
			t.Errorf("report text lacks %q:\n%s", want, text)
		}
	}
}

// nonQlikCertificate is a self-signed CA of some other product, without
// Qlik's extension.
func nonQlikCertificate(t *testing.T) *x509.Certificate {
	t.Helper()
	key, err := certstest.NewKey(2048)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(7), Subject: pkix.Name{CommonName: "unrelated.example-CA"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().AddDate(1, 0, 0),
		IsCA: true, BasicConstraintsValid: true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	c, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestReportRecordsWhatFails(t *testing.T) {
	site := connExport(t, certstest.StyleLegacy, "site")
	closed := startSimulatedQRS(t, site, qrstest.Options{})
	port := portOf(closed)
	_ = closed.Close()
	dir := writeConnExport(t, site, certstest.WriteOptions{Format: qlik.FormatPEM})
	out := filepath.Join(t.TempDir(), "r.zip")
	code, stdout, stderr := runQscert(t, connEnv("", nil, nil), "report", "--out", out, "--dir", dir,
		"--store", "folder:/nonexistent/qscert-store", "--host", "localhost", "--port", port, "--lang", "fr", "--json")
	if code != ExitOK {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	_, files := readZip(t, out)
	var r support.Report
	if err := json.Unmarshal(files[support.JSONName], &r); err != nil {
		t.Fatal(err)
	}
	if len(r.Stores) != 1 || r.Stores[0].Error == nil || r.Stores[0].Error.Code != store.CodeStoreMissing {
		t.Errorf("stores = %+v", r.Stores)
	}
	if c := r.Connection; c == nil || c.Result == nil || c.Result.Checks[0].Code != "connection-refused" {
		t.Errorf("connection = %+v", r.Connection)
	}
	if text := string(files[support.TextName]); !strings.Contains(text, "a refusé la connexion") {
		t.Errorf("French text lacks the diagnosis:\n%s", text)
	}
}

func TestReportWithNothingToCheck(t *testing.T) {
	out := filepath.Join(t.TempDir(), "r.zip")
	// The default store, which the report reads as `qscert list` does, is
	// an empty one here: not the user's own.
	empty := map[string]store.Store{"": storetest.NewMemory()}
	code, stdout, stderr := runQscert(t, connEnv("", nil, empty), "report", "--out", out, "--lang", "en")
	if code != ExitOK {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	_, files := readZip(t, out)
	text := string(files[support.TextName])
	for _, want := range []string{"No export folder was checked", "No connection test was made"} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q:\n%s", want, text)
		}
	}
}

func TestReportCannotRun(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "no-such-folder", "r.zip")
	for name, c := range map[string]struct {
		args []string
		want string
	}{
		"no --out":        {[]string{}, "give the zip file to write with --out"},
		"unwritable file": {[]string{"--out", missing}, "cannot be written to " + missing},
		"password given":  {[]string{"--out", "x.zip", "--password", "hunter2"}, "--password is refused"},
	} {
		t.Run(name, func(t *testing.T) {
			code, stdout, stderr := runQscert(t, connEnv("", nil, nil), append([]string{"report", "--lang", "en"}, c.args...)...)
			if code != ExitUsage || !strings.Contains(stderr, c.want) {
				t.Fatalf("exit %d, stderr %q, stdout %q", code, stderr, stdout)
			}
			if strings.Contains(stdout+stderr, "hunter2") {
				t.Error("password shown")
			}
		})
	}
	if _, err := os.Stat("x.zip"); err == nil {
		t.Error("a report was written although a password was given on the command line")
		_ = os.Remove("x.zip")
	}
}
