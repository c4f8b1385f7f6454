package export_test

import (
	"crypto"
	"crypto/x509"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"unicode/utf16"

	"qscert/certs/certstest"
	"qscert/certs/coded"
	"qscert/certs/export"
	"qscert/certs/finding"
	"qscert/certs/qlik"
)

// Files as other tools write them, each read wrong before the issue "As
// people use it". The generator makes them here; the OpenSSL corpus
// (certs/validate) makes the same cases with the real OpenSSL.

var (
	sharedOnce sync.Once
	sharedExp  *certstest.Export
	sharedErr  error
)

func sharedExport(t *testing.T) *certstest.Export {
	t.Helper()
	sharedOnce.Do(func() {
		sharedExp, sharedErr = certstest.NewExport(testHost, testMachine, certstest.StyleLegacy, testNow)
	})
	if sharedErr != nil {
		t.Fatal(sharedErr)
	}
	return sharedExp
}

func writeShared(t *testing.T, o certstest.WriteOptions) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "export")
	if err := sharedExport(t).Write(dir, o); err != nil {
		t.Fatal(err)
	}
	return dir
}

func load(t *testing.T, dir, password string) *export.Export {
	t.Helper()
	exp, err := export.LoadExport(dir, password)
	if err != nil {
		t.Fatal(err)
	}
	return exp
}

func codesOf(fs []finding.Finding) []coded.Code {
	var out []coded.Code
	for _, f := range fs {
		out = append(out, f.Code)
	}
	return out
}

func findingsWith(fs []finding.Finding, code coded.Code) []finding.Finding {
	var out []finding.Finding
	for _, f := range fs {
		if f.Code == code {
			out = append(out, f)
		}
	}
	return out
}

func wantClean(t *testing.T, exp *export.Export) {
	t.Helper()
	if len(exp.Findings) != 0 || exp.Root == nil || exp.Client == nil || exp.Client.Key == nil || exp.Server == nil {
		t.Fatalf("findings %v, root %v, client %v, server %v", codesOf(exp.Findings), exp.Root != nil, exp.Client != nil, exp.Server != nil)
	}
}

func rewriteFile(t *testing.T, path string, change func([]byte) []byte) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, change(data), 0o600); err != nil {
		t.Fatal(err)
	}
}

// Notepad's "UTF-8 with BOM" and PowerShell 5.1's `Get-Content x | Out-File`
// (UTF-16LE with a BOM and CRLF line ends).
func TestPEMFilesWithAByteOrderMarkAreRead(t *testing.T) {
	utf8BOM := func(d []byte) []byte { return append([]byte{0xef, 0xbb, 0xbf}, d...) }
	utf16LE := func(d []byte) []byte {
		var crlf []rune
		for _, r := range string(d) {
			if r == '\n' {
				crlf = append(crlf, '\r')
			}
			crlf = append(crlf, r)
		}
		out := []byte{0xff, 0xfe}
		for _, u := range utf16.Encode(crlf) {
			out = append(out, byte(u), byte(u>>8))
		}
		return out
	}
	for name, enc := range map[string]func([]byte) []byte{"utf8-bom": utf8BOM, "utf16le-bom-crlf": utf16LE} {
		t.Run(name, func(t *testing.T) {
			dir := writeShared(t, certstest.WriteOptions{Format: qlik.FormatPEM, Key: certstest.KeyLegacyEncrypted, Password: "pw"})
			for _, f := range []string{"root.pem", "client.pem", "client_key.pem", "server.pem", "server_key.pem"} {
				rewriteFile(t, filepath.Join(dir, f), enc)
			}
			wantClean(t, load(t, dir, "pw"))
		})
	}
}

func TestDERRootWithATrailingLineEndIsRead(t *testing.T) {
	dir := writeShared(t, certstest.WriteOptions{Format: qlik.FormatWindows, Password: "pw"})
	rewriteFile(t, filepath.Join(dir, "root.cer"), func(d []byte) []byte { return append(d, '\r', '\n') })
	wantClean(t, load(t, dir, "pw"))
	// Anything else after the certificate is still damage.
	rewriteFile(t, filepath.Join(dir, "root.cer"), func(d []byte) []byte { return append(d, "junk"...) })
	if got := load(t, dir, "pw"); len(findingsWith(got.Findings, export.CodeFileCorrupt)) != 1 {
		t.Fatalf("root.cer with junk after it: %v, want file-corrupt", codesOf(got.Findings))
	}
}

// client_key.pem holding the server's key used to say "the client has no
// private key; tick Include secret key".
func TestKeyFileHoldingAnotherCertificatesKeyNamesTheFile(t *testing.T) {
	e := sharedExport(t)
	dir := writeShared(t, certstest.WriteOptions{Format: qlik.FormatPEM})
	serverKey, err := os.ReadFile(filepath.Join(dir, "server_key.pem"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "client_key.pem"), serverKey, 0o600); err != nil {
		t.Fatal(err)
	}
	exp := load(t, dir, "")
	if len(findingsWith(exp.Findings, export.CodeNoPrivateKey)) != 0 {
		t.Errorf("no-private-key given for a key file that holds another key: %v", codesOf(exp.Findings))
	}
	got := findingsWith(exp.Findings, export.CodeKeyMismatch)
	if len(got) != 1 || got[0].File != "client_key.pem" || got[0].Role != qlik.RoleClient ||
		got[0].Params["reason"] != "key-of-server" || got[0].Severity != coded.SeverityError {
		t.Fatalf("findings %+v, want one key-mismatch on client_key.pem saying it is the server's key", exp.Findings)
	}
	if exp.Server.Key == nil || !exp.Server.Key.(interface{ Equal(crypto.PrivateKey) bool }).Equal(e.Server.Key) {
		t.Error("the server lost its key")
	}
}

// An intermediate CA in root.pem used to be taken for the server
// certificate: root.pem was then "missing" and root-not-self-signed never
// fired.
func TestIntermediateCAInRootFileIsTakenForTheRoot(t *testing.T) {
	e := sharedExport(t)
	upstream, err := certstest.NewSite("corp-pki.example", certstest.StyleModern, testNow)
	if err != nil {
		t.Fatal(err)
	}
	for name, change := range map[string]func(*x509.Certificate){
		// A real intermediate: CA:TRUE, signed by the company's root.
		"ca-true": func(t *x509.Certificate) { t.BasicConstraintsValid, t.IsCA = true, true },
		// No constraint at all: it is still the issuer of the client.
		"no-constraints": func(t *x509.Certificate) { t.BasicConstraintsValid, t.IsCA, t.KeyUsage = false, false, 0 },
	} {
		t.Run(name, func(t *testing.T) {
			r := e.Root.Cert
			// Same name and key as the site's root, so the client and
			// server still chain to it, but issued by another CA and
			// without Qlik's role extension, as an intermediate has.
			inter, err := upstream.IssueWithTemplate(qlik.RoleServer, r.Subject.CommonName, e.Root.Key, r.NotBefore, r.NotAfter, func(c *x509.Certificate) {
				c.ExtraExtensions = nil
				change(c)
			})
			if err != nil {
				t.Fatal(err)
			}
			dir := writeShared(t, certstest.WriteOptions{Format: qlik.FormatPEM})
			if err := os.WriteFile(filepath.Join(dir, "root.pem"), certstest.CertPEM(inter.Cert), 0o644); err != nil {
				t.Fatal(err)
			}
			exp := load(t, dir, "")
			if exp.Root == nil || exp.Root.File != "root.pem" {
				t.Fatalf("the intermediate was not taken for the root: %v", codesOf(exp.Findings))
			}
			if len(findingsWith(exp.Findings, export.CodeSwappedFiles))+len(findingsWith(exp.Findings, export.CodeFileMissing)) != 0 {
				t.Fatalf("findings %v", codesOf(exp.Findings))
			}
		})
	}
}

// One wrong password used to give one identical line per PFX file.
func TestWrongPasswordIsSaidOnceNamingTheFiles(t *testing.T) {
	for _, c := range []struct {
		name     string
		password string
		code     coded.Code
	}{{"wrong", "not-the-password", export.CodeWrongPassword}, {"none", "", export.CodePasswordRequired}, {"emoji", certstest.NonBMPPassword, export.CodePasswordUnsupported}} {
		t.Run(c.name, func(t *testing.T) {
			dir := writeShared(t, certstest.WriteOptions{Format: qlik.FormatWindows, Password: "Qlik!2026"})
			exp := load(t, dir, c.password)
			got := findingsWith(exp.Findings, c.code)
			if len(got) != 1 || got[0].Params["file"] != "client.pfx, server.pfx" || got[0].Role != "" {
				t.Fatalf("findings %+v, want one %s naming client.pfx, server.pfx", exp.Findings, c.code)
			}
			if len(exp.Findings) != 1 {
				t.Fatalf("findings %v, want only %s", codesOf(exp.Findings), c.code)
			}
		})
	}
}

// PKCS#12 passwords are UTF-16; go-pkcs12 cannot encode an emoji, which
// made both PFX files "damaged".
func TestPasswordOutsideTheBMPIsNamedNotCorrupt(t *testing.T) {
	dir := writeShared(t, certstest.WriteOptions{Format: qlik.FormatWindows, Password: "Qlik!2026"})
	data, err := os.ReadFile(filepath.Join(dir, "client.pfx"))
	if err != nil {
		t.Fatal(err)
	}
	_, _, _, err = export.ParseFile("client.pfx", data, certstest.NonBMPPassword)
	wantCode(t, err, export.CodePasswordUnsupported)
	// Random bytes stay damaged, whatever the password.
	_, _, _, err = export.ParseFile("client.pfx", []byte("not a pfx at all"), certstest.NonBMPPassword)
	wantCode(t, err, export.CodeFileCorrupt)
}

func TestPFXWithoutMACIsNamedNotCorrupt(t *testing.T) {
	dir := writeShared(t, certstest.WriteOptions{Format: qlik.FormatWindows, Password: "Qlik!2026"})
	data, err := os.ReadFile(filepath.Join(dir, "client.pfx"))
	if err != nil {
		t.Fatal(err)
	}
	noMAC, err := certstest.WithoutMAC(data)
	if err != nil {
		t.Fatal(err)
	}
	for _, pw := range []string{"Qlik!2026", ""} {
		_, _, _, err = export.ParseFile("client.pfx", noMAC, pw)
		wantCode(t, err, export.CodePFXNoMAC)
	}
}

// One root.pem holding two roots used to say "root.pem and root.pem hold
// two different versions".
func TestOneFileWithTwoRootsSaysSo(t *testing.T) {
	e := sharedExport(t)
	other, err := certstest.NewSite("other-central.example", certstest.StyleLegacy, testNow)
	if err != nil {
		t.Fatal(err)
	}
	dir := writeShared(t, certstest.WriteOptions{Format: qlik.FormatPEM})
	both := append(certstest.CertPEM(e.Root.Cert), certstest.CertPEM(other.Root)...)
	if err := os.WriteFile(filepath.Join(dir, "root.pem"), both, 0o644); err != nil {
		t.Fatal(err)
	}
	exp := load(t, dir, "")
	got := findingsWith(exp.Findings, export.CodeConflictingInFile)
	if len(got) != 1 || got[0].File != "root.pem" || len(findingsWith(exp.Findings, export.CodeConflictingFiles)) != 0 {
		t.Fatalf("findings %+v, want conflicting-in-file on root.pem", exp.Findings)
	}
	// The same root twice in one file is no problem at all.
	twice := append(certstest.CertPEM(e.Root.Cert), certstest.CertPEM(e.Root.Cert)...)
	if err := os.WriteFile(filepath.Join(dir, "root.pem"), twice, 0o644); err != nil {
		t.Fatal(err)
	}
	wantClean(t, load(t, dir, ""))
}
