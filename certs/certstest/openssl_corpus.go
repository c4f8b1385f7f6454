package certstest

import (
	"fmt"
	"os"
	"path/filepath"
	"unicode/utf16"

	"qscert/certs/coded"
	"qscert/certs/export"
	"qscert/certs/validate"
)

// OpenSSLSite is a Qlik-like site made with the real openssl in o.Dir: a
// root as Qlik made them before mid-2019 (no basicConstraints, the role
// extension), and a client and a server certificate it signed, each with
// a PKCS#1 key, as PEM files (site-root.pem, site-root.key, ...).
type OpenSSLSite struct {
	O       *OpenSSL
	Host    string // the central node; the root is CN=<Host>-CA
	Machine string // the machine the export is for; the server's CN
}

// NewOpenSSLSite makes the site's keys and certificates.
func NewOpenSSLSite(o *OpenSSL, host, machine string) (*OpenSSLSite, error) {
	if err := o.writeConfig(); err != nil {
		return nil, err
	}
	s := &OpenSSLSite{O: o, Host: host, Machine: machine}
	if err := s.rsaKey("site-root.key"); err != nil {
		return nil, err
	}
	if err := s.root("site-root.pem", "site-root.key", "root_legacy"); err != nil {
		return nil, err
	}
	for _, c := range []struct{ name, cn, section string }{{"site-client", "QlikClient", "client"}, {"site-server", machine, "server"}} {
		if err := s.rsaKey(c.name + ".key"); err != nil {
			return nil, err
		}
		if err := s.Issue(c.name+".pem", c.name+".key", c.cn, c.section, "site-root"); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// rsaKey makes a 2048-bit RSA key in PKCS#1 ("RSA PRIVATE KEY"), as the
// QMC writes them.
func (s *OpenSSLSite) rsaKey(name string) error {
	return s.O.Run("", "genrsa", "-traditional", "-out", name, "2048")
}

// root makes a self-signed root from key, CN=<host>-CA, with the
// extensions of a section of the configuration.
func (s *OpenSSLSite) root(name, key, section string) error {
	return s.O.Run("", "req", "-x509", "-new", "-key", key, "-subj", "/CN="+s.Host+"-CA", "-days", "3650", "-extensions", section, "-out", name)
}

// Issue signs a certificate for key, named cn, with the extensions of a
// section, by the CA whose files are ca.pem and ca.key.
func (s *OpenSSLSite) Issue(name, key, cn, section, ca string) error {
	csr := name + ".csr"
	if err := s.O.Run("", "req", "-new", "-key", key, "-subj", "/CN="+cn, "-out", csr); err != nil {
		return err
	}
	return s.O.Run("", "x509", "-req", "-in", csr, "-CA", ca+".pem", "-CAkey", ca+".key", "-days", "3650",
		"-extfile", opensslConfig, "-extensions", section, "-out", name)
}

// copyTo copies files of the site's folder into dir, under new names.
func (s *OpenSSLSite) copyTo(dir string, names map[string]string, change func([]byte) []byte) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	for from, to := range names {
		data, err := s.O.Read(from)
		if err != nil {
			return err
		}
		if change != nil {
			data = change(data)
		}
		if err := os.WriteFile(filepath.Join(dir, to), data, 0o600); err != nil {
			return err
		}
	}
	return nil
}

// pemExport lays out a PEM-format export in dir from the site's files.
func (s *OpenSSLSite) pemExport(dir string, change func([]byte) []byte) error {
	return s.copyTo(dir, map[string]string{
		"site-root.pem": "root.pem", "site-client.pem": "client.pem", "site-client.key": "client_key.pem",
		"site-server.pem": "server.pem", "site-server.key": "server_key.pem",
	}, change)
}

// windowsExport lays out a Windows-format export in dir: client.pfx and
// server.pfx written by `openssl pkcs12 -export` with extra options, and
// root.cer in DER.
func (s *OpenSSLSite) windowsExport(dir, password string, pkcs12Options ...string) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	for _, role := range []string{"client", "server"} {
		args := append([]string{"pkcs12", "-export", "-in", "site-" + role + ".pem", "-inkey", "site-" + role + ".key",
			"-out", filepath.Join(dir, role+".pfx")}, PassOut...)
		if err := s.O.Run(password, append(args, pkcs12Options...)...); err != nil {
			return err
		}
	}
	return s.O.Run("", "x509", "-in", "site-root.pem", "-outform", "DER", "-out", filepath.Join(dir, "root.cer"))
}

// OpenSSLCase is one export made with openssl and the code it must give.
type OpenSSLCase struct {
	Name string
	// Code is the finding the export must give; "" for an export that must
	// load clean (only the info finding that says which kind of root the
	// site has).
	Code coded.Code
	// Password is the one to validate with.
	Password string
	// Machines are what validation compares the server certificate with;
	// nil means the site's machine name.
	Machines []string
	// Make writes the export in dir (or, for a zip, the zip at dir).
	Make func(s *OpenSSLSite, dir string) error
}

// CorpusPassword is the export password of the OpenSSL corpus.
const CorpusPassword = "Qlik!2026"

// OpenSSLCases is the corpus made with the real openssl, in both formats,
// with PowerShell's and Notepad's encodings, and the files of the issue
// "As people use it" that qscert read wrong.
var OpenSSLCases = []OpenSSLCase{
	{Name: "pem-pkcs1", Make: func(s *OpenSSLSite, dir string) error { return s.pemExport(dir, nil) }},
	{Name: "pem-pkcs8", Make: func(s *OpenSSLSite, dir string) error {
		return s.pemWithKeys(dir, "", "pkcs8", "-topk8", "-nocrypt")
	}},
	{Name: "pem-pkcs8-pbes2", Password: CorpusPassword, Make: func(s *OpenSSLSite, dir string) error {
		return s.pemWithKeys(dir, CorpusPassword, append([]string{"pkcs8", "-topk8", "-v2", "aes-256-cbc"}, PassOut...)...)
	}},
	{Name: "pem-legacy-encrypted", Password: CorpusPassword, Make: func(s *OpenSSLSite, dir string) error {
		return s.pemWithKeys(dir, CorpusPassword, append([]string{"rsa", "-aes256", "-traditional"}, PassOut...)...)
	}},
	{Name: "pem-notepad-utf8-bom", Make: func(s *OpenSSLSite, dir string) error {
		return s.pemExport(dir, func(d []byte) []byte { return append([]byte{0xef, 0xbb, 0xbf}, d...) })
	}},
	{Name: "pem-powershell-utf16le-crlf", Make: func(s *OpenSSLSite, dir string) error {
		return s.pemExport(dir, PowerShellOutFile)
	}},
	{Name: "windows-openssl3-default", Password: CorpusPassword, Make: func(s *OpenSSLSite, dir string) error {
		return s.windowsExport(dir, CorpusPassword) // AES-256-CBC, PBKDF2, SHA-256 MAC
	}},
	{Name: "windows-legacy-3des-sha1", Password: CorpusPassword, Make: func(s *OpenSSLSite, dir string) error {
		return s.windowsExport(dir, CorpusPassword, "-certpbe", "PBE-SHA1-3DES", "-keypbe", "PBE-SHA1-3DES", "-macalg", "sha1")
	}},
	{Name: "windows-chain-in-pfx", Password: CorpusPassword, Make: func(s *OpenSSLSite, dir string) error {
		return s.windowsExport(dir, CorpusPassword, "-certfile", "site-root.pem")
	}},
	{Name: "windows-empty-password", Make: func(s *OpenSSLSite, dir string) error { return s.windowsExport(dir, "") }},
	{Name: "windows-root-der-with-crlf", Password: CorpusPassword, Make: func(s *OpenSSLSite, dir string) error {
		if err := s.windowsExport(dir, CorpusPassword); err != nil {
			return err
		}
		return appendTo(filepath.Join(dir, "root.cer"), "\r\n")
	}},
	{Name: "windows-zipped-with-its-folder", Password: CorpusPassword, Make: func(s *OpenSSLSite, dir string) error {
		src := dir + ".src"
		defer os.RemoveAll(src)
		if err := s.windowsExport(src, CorpusPassword); err != nil {
			return err
		}
		entries, err := FolderEntries(src, "rep01")
		if err != nil {
			return err
		}
		data, err := Zip(entries)
		if err != nil {
			return err
		}
		return os.WriteFile(dir, data, 0o600)
	}},
	{Name: "export-made-for-an-ip-address", Machines: []string{"rep01.corp.example", "rep01", "10.20.30.41"}, Make: func(s *OpenSSLSite, dir string) error {
		if err := s.Issue("ip-server.pem", "site-server.key", "10.20.30.41", "server", "site-root"); err != nil {
			return err
		}
		if err := s.pemExport(dir, nil); err != nil {
			return err
		}
		return s.copyTo(dir, map[string]string{"ip-server.pem": "server.pem"}, nil)
	}},
	{Name: "root-marked-ca", Code: validate.CodeRootMarkedCA, Make: func(s *OpenSSLSite, dir string) error {
		return s.pemWithRoot(dir, "root_ca")
	}},

	{Name: "windows-without-keys", Code: export.CodeNoPrivateKey, Password: CorpusPassword, Make: func(s *OpenSSLSite, dir string) error {
		return s.windowsExport(dir, CorpusPassword, "-nokeys")
	}},
	{Name: "windows-without-mac", Code: export.CodePFXNoMAC, Password: CorpusPassword, Make: func(s *OpenSSLSite, dir string) error {
		return s.windowsExport(dir, CorpusPassword, "-nomac")
	}},
	{Name: "windows-emoji-password", Code: export.CodePasswordUnsupported, Password: NonBMPPassword, Make: func(s *OpenSSLSite, dir string) error {
		return s.windowsExport(dir, NonBMPPassword)
	}},
	{Name: "windows-wrong-password", Code: export.CodeWrongPassword, Password: "not-" + CorpusPassword, Make: func(s *OpenSSLSite, dir string) error {
		return s.windowsExport(dir, CorpusPassword)
	}},
	{Name: "pem-pkcs8-pbes1-3des", Code: export.CodeKeyEncryptionUnsupported, Password: CorpusPassword, Make: func(s *OpenSSLSite, dir string) error {
		return s.pemWithKeys(dir, CorpusPassword, append([]string{"pkcs8", "-topk8", "-v1", "PBE-SHA1-3DES"}, PassOut...)...)
	}},
	{Name: "pem-pbes2-without-password", Code: export.CodePasswordRequired, Make: func(s *OpenSSLSite, dir string) error {
		return s.pemWithKeys(dir, CorpusPassword, append([]string{"pkcs8", "-topk8", "-v2", "aes-256-cbc"}, PassOut...)...)
	}},
	{Name: "pem-client-key-is-the-server-key", Code: export.CodeKeyMismatch, Make: func(s *OpenSSLSite, dir string) error {
		if err := s.pemExport(dir, nil); err != nil {
			return err
		}
		return s.copyTo(dir, map[string]string{"site-server.key": "client_key.pem"}, nil)
	}},
	{Name: "pem-two-roots-in-root-file", Code: export.CodeConflictingInFile, Make: func(s *OpenSSLSite, dir string) error {
		if err := s.rsaKey("old-root.key"); err != nil {
			return err
		}
		if err := s.root("old-root.pem", "old-root.key", "root_legacy"); err != nil {
			return err
		}
		if err := s.pemExport(dir, nil); err != nil {
			return err
		}
		old, err := s.O.Read("old-root.pem")
		if err != nil {
			return err
		}
		return appendTo(filepath.Join(dir, "root.pem"), string(old))
	}},
	{Name: "pem-intermediate-in-root-file", Code: validate.CodeRootNotSelfSigned, Make: func(s *OpenSSLSite, dir string) error {
		// The company's CA signs a CA with the site root's name and key:
		// the client and server still chain to it, but it is not
		// self-signed.
		if err := s.rsaKey("corp-ca.key"); err != nil {
			return err
		}
		if err := s.O.Run("", "req", "-x509", "-new", "-key", "corp-ca.key", "-subj", "/CN=Corp Root CA", "-days", "3650", "-extensions", "root_ca", "-out", "corp-ca.pem"); err != nil {
			return err
		}
		if err := s.Issue("intermediate.pem", "site-root.key", s.Host+"-CA", "intermediate", "corp-ca"); err != nil {
			return err
		}
		if err := s.pemExport(dir, nil); err != nil {
			return err
		}
		return s.copyTo(dir, map[string]string{"intermediate.pem": "root.pem"}, nil)
	}},
	{Name: "pem-root-says-ca-false", Code: validate.CodeRootNotCA, Make: func(s *OpenSSLSite, dir string) error {
		return s.pemWithRoot(dir, "root_ca_false")
	}},
	{Name: "pem-client-for-server-auth-only", Code: validate.CodeClientNotForClientAuth, Make: func(s *OpenSSLSite, dir string) error {
		if err := s.Issue("serverauth-client.pem", "site-client.key", "QlikClient", "client_server_auth_only", "site-root"); err != nil {
			return err
		}
		if err := s.pemExport(dir, nil); err != nil {
			return err
		}
		return s.copyTo(dir, map[string]string{"serverauth-client.pem": "client.pem"}, nil)
	}},
	{Name: "pem-client-ecdsa", Code: validate.CodeKeyNotRSA, Make: func(s *OpenSSLSite, dir string) error {
		return s.pemWithClientKey(dir, "ec", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256")
	}},
	{Name: "pem-client-ed25519", Code: validate.CodeKeyNotRSA, Make: func(s *OpenSSLSite, dir string) error {
		return s.pemWithClientKey(dir, "ed25519", "-algorithm", "ed25519")
	}},
}

// pemWithKeys writes a PEM export whose keys are converted by an openssl
// command (args, to which -in and -out are added).
func (s *OpenSSLSite) pemWithKeys(dir, password string, args ...string) error {
	if err := s.pemExport(dir, nil); err != nil {
		return err
	}
	for _, role := range []string{"client", "server"} {
		run := append(append([]string(nil), args...), "-in", "site-"+role+".key", "-out", filepath.Join(dir, role+"_key.pem"))
		if err := s.O.Run(password, run...); err != nil {
			return err
		}
	}
	return nil
}

// pemWithRoot writes a PEM export whose root is made again from the site's
// key and name with another section: the client and server still verify.
func (s *OpenSSLSite) pemWithRoot(dir, section string) error {
	name := section + ".pem"
	if err := s.root(name, "site-root.key", section); err != nil {
		return err
	}
	if err := s.pemExport(dir, nil); err != nil {
		return err
	}
	return s.copyTo(dir, map[string]string{name: "root.pem"}, nil)
}

// pemWithClientKey writes a PEM export whose client has a key made by
// `openssl genpkey` with args.
func (s *OpenSSLSite) pemWithClientKey(dir, kind string, args ...string) error {
	key, cert := kind+"-client.key", kind+"-client.pem"
	if err := s.O.Run("", append(append([]string{"genpkey"}, args...), "-out", key)...); err != nil {
		return err
	}
	if err := s.Issue(cert, key, "QlikClient", "client", "site-root"); err != nil {
		return err
	}
	if err := s.pemExport(dir, nil); err != nil {
		return err
	}
	return s.copyTo(dir, map[string]string{cert: "client.pem", key: "client_key.pem"}, nil)
}

// PowerShellOutFile is what `Get-Content x | Out-File y` does to a text
// file in Windows PowerShell 5.1: UTF-16LE with a BOM, and CRLF line ends.
func PowerShellOutFile(text []byte) []byte {
	var runes []rune
	for _, r := range string(text) {
		if r == '\n' && (len(runes) == 0 || runes[len(runes)-1] != '\r') {
			runes = append(runes, '\r')
		}
		runes = append(runes, r)
	}
	out := []byte{0xff, 0xfe}
	for _, u := range utf16.Encode(runes) {
		out = append(out, byte(u), byte(u>>8))
	}
	return out
}

func appendTo(path, text string) error {
	f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	if _, err := f.WriteString(text); err != nil {
		f.Close()
		return fmt.Errorf("appending to %s: %w", path, err)
	}
	return f.Close()
}
