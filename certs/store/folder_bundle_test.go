package store_test

import (
	"bytes"
	"encoding/json"
	"encoding/pem"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"qscert/certs/boundedfile"
	"qscert/certs/qlik"
	"qscert/certs/store"
	"qscert/certs/store/storetest"
)

// strangeNames are friendly names no PEM header can hold.
var strangeNames = []string{
	"QlikClient\n-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----",
	"-----BEGIN ",
	"line one\r\nline two: with a colon",
	"  spaces kept  ",
	"Ünïcödé « guillemets » 証明書",
}

// requireTool finds a program the test needs; absent, the test is skipped,
// unless QSCERT_REQUIRE_TOOLS=1 (the test script installs them).
func requireTool(t *testing.T, name string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("QSCERT_REQUIRE_TOOLS") == "1" {
			t.Fatalf("%s is required here: %v", name, err)
		}
		t.Skipf("%s not installed", name)
	}
	return path
}

// bundleWithStrangeNames fills a store's CurrentUser\Root with the three
// certificates of an export under strange names, and returns its bundle.
func bundleWithStrangeNames(t *testing.T) (dir, bundle string) {
	t.Helper()
	dir = t.TempDir()
	f := openFolder(t, dir)
	exp := storetest.TestExport(t)
	certs := []struct {
		name string
		add  func(string) error
	}{
		{strangeNames[0], func(n string) error { return f.Add(store.CurrentUserRoot, exp.Root.Cert, nil, n) }},
		{strangeNames[1], func(n string) error { return f.Add(store.CurrentUserRoot, exp.Server.Cert, exp.Server.Key, n) }},
		{strangeNames[2], func(n string) error { return f.Add(store.CurrentUserRoot, exp.Client.Cert, exp.Client.Key, n) }},
	}
	for _, c := range certs {
		if err := c.add(c.name); err != nil {
			t.Fatal(err)
		}
	}
	return dir, filepath.Join(dir, "CurrentUser", "Root", store.FolderBundleName)
}

func TestFriendlyNamesRoundTripAndStayOutOfThePEM(t *testing.T) {
	dir := t.TempDir()
	f := openFolder(t, dir)
	exp := storetest.TestExport(t)
	for _, name := range strangeNames {
		if err := f.Add(store.CurrentUserMy, exp.Client.Cert, exp.Client.Key, name); err != nil {
			t.Fatal(err)
		}
		if err := f.Add(store.CurrentUserRoot, exp.Root.Cert, nil, name); err != nil {
			t.Fatal(err)
		}
		for _, loc := range []store.Location{store.CurrentUserMy, store.CurrentUserRoot} {
			entries, err := openFolder(t, dir).List(loc)
			if err != nil {
				t.Fatal(err)
			}
			if len(entries) != 1 || entries[0].FriendlyName != name {
				t.Fatalf("%s: listed %+v, want one named %q", loc, entries, name)
			}
			data, _ := os.ReadFile(filepath.Join(dir, string(loc.Scope), loc.Name, store.FolderBundleName))
			if bytes.Count(data, []byte("-----BEGIN ")) != 1 || bytes.Contains(data, []byte("Friendly-Name")) || bytes.Contains(data, []byte(":")) {
				t.Fatalf("%s: the bundle carries more than the certificate:\n%s", loc, data)
			}
		}
		if err := f.Remove(store.CurrentUserMy, qlik.Thumbprint(exp.Client.Cert)); err != nil {
			t.Fatal(err)
		}
		if err := f.Remove(store.CurrentUserRoot, qlik.Thumbprint(exp.Root.Cert)); err != nil {
			t.Fatal(err)
		}
	}
	// Removing pruned the names.
	data, err := os.ReadFile(filepath.Join(dir, "CurrentUser", "My", "friendly-names.json"))
	if err != nil {
		t.Fatal(err)
	}
	var names struct{ FriendlyNames map[string]string }
	if err := json.Unmarshal(data, &names); err != nil || len(names.FriendlyNames) != 0 {
		t.Fatalf("friendly-names.json after removing everything: %s (%v)", data, err)
	}
}

// friendly-names.json is a hint: missing or damaged, certificates list
// without names; naming certificates that are gone, it is ignored.
func TestFriendlyNamesFileMissingOrDamaged(t *testing.T) {
	dir, _ := bundleWithStrangeNames(t)
	names := filepath.Join(dir, "CurrentUser", "Root", "friendly-names.json")
	for _, content := range []string{"", "{not json", `{"friendlyNames":{"0000000000000000000000000000000000000000":"gone"}}`} {
		if content == "" {
			os.Remove(names)
		} else if err := os.WriteFile(names, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		entries, err := openFolder(t, dir).List(store.CurrentUserRoot)
		if err != nil {
			t.Fatalf("names file %q: %v", content, err)
		}
		if len(entries) != 3 {
			t.Fatalf("names file %q: %d entries", content, len(entries))
		}
		for _, e := range entries {
			if e.FriendlyName != "" {
				t.Errorf("names file %q: %s named %q", content, e.Thumbprint(), e.FriendlyName)
			}
		}
	}
}

// A bundle written by qscert before friendly-names.json keeps its names in
// Friendly-Name headers: still read, and moved to friendly-names.json on
// the next change.
func TestOldBundleWithHeadersIsReadAndUpgraded(t *testing.T) {
	dir := t.TempDir()
	exp := storetest.TestExport(t)
	writeHeaderBundle(t, dir, store.CurrentUserMy, exp.Server.Cert, "old server name")
	f := openFolder(t, dir)
	e, ok := storetest.FindEntry(t, f, store.CurrentUserMy, qlik.Thumbprint(exp.Server.Cert))
	if !ok || e.FriendlyName != "old server name" {
		t.Fatalf("old bundle: %+v listed=%v", e, ok)
	}
	if err := f.Add(store.CurrentUserMy, exp.Client.Cert, exp.Client.Key, "QlikClient"); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(filepath.Join(dir, "CurrentUser", "My", store.FolderBundleName))
	if bytes.Contains(data, []byte("Friendly-Name")) {
		t.Fatalf("the headers stayed after a change:\n%s", data)
	}
	for tp, want := range map[string]string{qlik.Thumbprint(exp.Server.Cert): "old server name", qlik.Thumbprint(exp.Client.Cert): "QlikClient"} {
		if e, ok := storetest.FindEntry(t, openFolder(t, dir), store.CurrentUserMy, tp); !ok || e.FriendlyName != want {
			t.Errorf("after the upgrade %s = %+v, want %q", tp, e, want)
		}
	}
}

// Every bundle is a plain CA bundle: openssl reads each certificate and the
// whole bundle, Node's TLS takes it as its ca.
func TestBundlesReadByOpenSSLAndNode(t *testing.T) {
	_, bundle := bundleWithStrangeNames(t)
	openssl := requireTool(t, "openssl")
	out, err := exec.Command(openssl, "x509", "-in", bundle, "-noout", "-subject").CombinedOutput()
	if err != nil {
		t.Fatalf("openssl x509: %v\n%s", err, out)
	}
	out, err = exec.Command(openssl, "crl2pkcs7", "-nocrl", "-certfile", bundle).CombinedOutput()
	if err != nil {
		t.Fatalf("openssl crl2pkcs7: %v\n%s", err, out)
	}
	p7 := exec.Command(openssl, "pkcs7", "-print_certs", "-noout")
	p7.Stdin = bytes.NewReader(out)
	printed, err := p7.CombinedOutput()
	if err != nil || strings.Count(string(printed), "subject=") != 3 {
		t.Fatalf("openssl sees %d certificates in the bundle, want 3 (%v):\n%s", strings.Count(string(printed), "subject="), err, printed)
	}
	node := requireTool(t, "node")
	script := `
const fs = require('fs'), tls = require('tls'), crypto = require('crypto');
const pem = fs.readFileSync(process.argv[1], 'utf8');
tls.createSecureContext({ ca: pem });
const blocks = pem.match(/-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----/g) || [];
for (const b of blocks) new crypto.X509Certificate(b);
console.log('certificates: ' + blocks.length);
`
	out, err = exec.Command(node, "-e", script, bundle).CombinedOutput()
	if err != nil || !strings.Contains(string(out), "certificates: 3") {
		t.Fatalf("node: %v\n%s", err, out)
	}
}

// The old format is what the tools refused: the test above would fail on it.
func TestOpenSSLRefusesTheOldHeaderBundle(t *testing.T) {
	openssl := requireTool(t, "openssl")
	dir := t.TempDir()
	writeHeaderBundle(t, dir, store.CurrentUserMy, storetest.TestExport(t).Root.Cert, "root")
	bundle := filepath.Join(dir, "CurrentUser", "My", store.FolderBundleName)
	if out, err := exec.Command(openssl, "x509", "-in", bundle, "-noout").CombinedOutput(); err == nil {
		t.Fatalf("openssl read a bundle with PEM headers; the reason for friendly-names.json is gone:\n%s", out)
	}
}

func TestOpenOrCreateFolder(t *testing.T) {
	parent := t.TempDir()
	path := filepath.Join(parent, "store")
	f, err := store.OpenOrCreateFolder(path)
	if err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(path)
	if err != nil || !info.IsDir() {
		t.Fatalf("not made: %v", err)
	}
	if runtime.GOOS != "windows" && info.Mode().Perm() != 0o700 {
		t.Errorf("mode %v, want 0700", info.Mode().Perm())
	}
	if err := f.Add(store.CurrentUserRoot, storetest.TestExport(t).Root.Cert, nil, ""); err != nil {
		t.Fatal(err)
	}
	// An existing store opens as it is.
	if _, ok := storetest.FindEntry(t, must(store.OpenOrCreateFolder(path)), store.CurrentUserRoot, qlik.Thumbprint(storetest.TestExport(t).Root.Cert)); !ok {
		t.Fatal("reopened store lost its certificate")
	}
	// A missing parent is a mistake in the path, not something to build.
	_, err = store.OpenOrCreateFolder(filepath.Join(parent, "no", "such", "store"))
	storetest.WantCode(t, err, store.CodeStoreMissing)
	if _, err := os.Stat(filepath.Join(parent, "no")); !os.IsNotExist(err) {
		t.Fatal("folders were made above the store")
	}
}

func must(f *store.Folder, err error) *store.Folder {
	if err != nil {
		panic(err)
	}
	return f
}

// What a killed qscert left (a temporary file holding a key, a marker of a
// change that never committed, the holder note) is gone after an open.
func TestOpenTidiesWhatAKilledQscertLeft(t *testing.T) {
	dir := t.TempDir()
	exp := storetest.TestExport(t)
	if err := openFolder(t, dir).Add(store.CurrentUserMy, exp.Server.Cert, exp.Server.Key, "server"); err != nil {
		t.Fatal(err)
	}
	loc := filepath.Join(dir, "CurrentUser", "My")
	clientTP := qlik.Thumbprint(exp.Client.Cert)
	serverTP := qlik.Thumbprint(exp.Server.Cert)
	left := map[string]string{
		filepath.Join(loc, ".qscert-123456"):    "-----BEGIN PRIVATE KEY-----\n",
		filepath.Join(dir, ".qscert-tool"):      "x",
		filepath.Join(loc, clientTP+".pending"): "",
		filepath.Join(loc, clientTP+".key"):     "-----BEGIN PRIVATE KEY-----\n", // an Add that never committed
		filepath.Join(loc, serverTP+".pending"): "",                              // a Remove that never committed
		filepath.Join(dir, ".qscert.holder"):    `{"pid":1}`,
	}
	for path, content := range left {
		if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	f := openFolder(t, dir)
	for path := range left {
		if _, err := os.Stat(path); !os.IsNotExist(err) {
			t.Errorf("%s still there after an open", path)
		}
	}
	if e, ok := storetest.FindEntry(t, f, store.CurrentUserMy, serverTP); !ok || !e.HasPrivateKey {
		t.Fatalf("the listed server lost its key: %+v", e)
	}
}

// The store's own files are read with bounds: a bundle replaced by a link
// to /dev/zero or a FIFO is an error, not a hang or an exhausted memory.
func TestBundleThatIsNotAFile(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no /dev/zero")
	}
	dir := t.TempDir()
	loc := filepath.Join(dir, "CurrentUser", "Root")
	os.MkdirAll(loc, 0o700)
	if err := os.Symlink("/dev/zero", filepath.Join(loc, store.FolderBundleName)); err != nil {
		t.Fatal(err)
	}
	_, err := openFolder(t, dir).List(store.CurrentUserRoot)
	storetest.WantCode(t, err, boundedfile.CodeNotRegular)
}

// An old bundle whose header holds "-----BEGIN " (which encoding/pem
// cannot decode) loses neither its certificate nor its name, before or
// after the upgrade.
func TestOldHeaderHoldingAPEMMarkerLosesNothing(t *testing.T) {
	dir := t.TempDir()
	exp := storetest.TestExport(t)
	const oldName = "server -----BEGIN CERTIFICATE----- -----END CERTIFICATE-----"
	writeHeaderBundle(t, dir, store.CurrentUserMy, exp.Server.Cert, oldName)
	path := filepath.Join(dir, "CurrentUser", "My", store.FolderBundleName)
	data, _ := os.ReadFile(path)
	more := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Headers: map[string]string{"Friendly-Name": "root"}, Bytes: exp.Root.Cert.Raw})
	if err := os.WriteFile(path, append(data, more...), 0o644); err != nil {
		t.Fatal(err)
	}
	if b, _ := pem.Decode(data); b != nil {
		t.Fatal("encoding/pem decodes this block now; the masking may be unneeded")
	}
	check := func(when string) {
		for tp, want := range map[string]string{qlik.Thumbprint(exp.Server.Cert): oldName, qlik.Thumbprint(exp.Root.Cert): "root"} {
			if e, ok := storetest.FindEntry(t, openFolder(t, dir), store.CurrentUserMy, tp); !ok || e.FriendlyName != want {
				t.Errorf("%s: %s = %+v (listed %v), want %q", when, tp, e, ok, want)
			}
		}
	}
	check("before the upgrade")
	if err := openFolder(t, dir).Add(store.CurrentUserMy, exp.Client.Cert, exp.Client.Key, "QlikClient"); err != nil {
		t.Fatal(err)
	}
	check("after the upgrade")
}
