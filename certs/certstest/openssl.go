package certstest

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// TB is the part of testing.TB the OpenSSL helper needs; certstest does
// not import testing, since the demo and the qlikexport command use it too.
type TB interface {
	Helper()
	Skipf(format string, args ...any)
	Fatalf(format string, args ...any)
}

// RequireOpenSSLVar, set to 1, makes a missing openssl a failure rather
// than a skip. CI sets it: scripts/test.sh installs openssl.
const RequireOpenSSLVar = "QSCERT_REQUIRE_OPENSSL"

// OpenSSL runs the real openssl command in a folder, to make export files
// the way people make them by hand, so that the tests do not rely only on
// what this project's generator writes.
type OpenSSL struct {
	path string
	Dir  string // where the commands run and their files go
}

// NeedOpenSSL finds openssl on PATH. Without it the test is skipped with a
// message saying how to install it, or fails when QSCERT_REQUIRE_OPENSSL=1.
func NeedOpenSSL(tb TB, dir string) *OpenSSL {
	tb.Helper()
	path, err := exec.LookPath("openssl")
	if err != nil {
		if os.Getenv(RequireOpenSSLVar) == "1" {
			tb.Fatalf("openssl is not installed and %s=1: the OpenSSL corpus must run (apt-get install openssl)", RequireOpenSSLVar)
		}
		tb.Skipf("openssl is not installed: the OpenSSL corpus is skipped (apt-get install openssl, or run scripts/test.sh)")
	}
	return &OpenSSL{path: path, Dir: dir}
}

// passwordVar carries a password to openssl ("-passout env:..."): a
// password never goes on a command line, where the process list shows it.
const passwordVar = "QSCERT_OPENSSL_PASSWORD"

// Run runs openssl with args in o.Dir; password, if any, is in the
// environment for "env:QSCERT_OPENSSL_PASSWORD" arguments.
func (o *OpenSSL) Run(password string, args ...string) error {
	cmd := exec.Command(o.path, args...)
	cmd.Dir = o.Dir
	cmd.Env = append(os.Environ(), passwordVar+"="+password, "OPENSSL_CONF="+filepath.Join(o.Dir, opensslConfig))
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	cmd.Stdin = strings.NewReader("")
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("openssl %s: %v: %s", strings.Join(args, " "), err, out.String())
	}
	return nil
}

// PassIn and PassOut are the arguments that give openssl the password.
var (
	PassIn  = []string{"-passin", "env:" + passwordVar}
	PassOut = []string{"-passout", "env:" + passwordVar}
)

func (o *OpenSSL) file(name string) string { return filepath.Join(o.Dir, name) }

// Read returns a file openssl wrote.
func (o *OpenSSL) Read(name string) ([]byte, error) { return os.ReadFile(o.file(name)) }

// opensslConfig is the configuration the commands run with: no default
// extensions, and one section per kind of certificate, Qlik's role
// extension (1.3.6.1.5.5.7.13.3, an OCTET STRING "Root", "Client",
// "Server") included as the QMC writes it.
const opensslConfig = "qscert-openssl.cnf"

const opensslConfigText = `
[req]
distinguished_name = dn
prompt = no
[dn]
CN = unused

# Qlik's roots before mid-2019: no basicConstraints, no keyUsage.
[root_legacy]
1.3.6.1.5.5.7.13.3 = DER:04:04:52:6f:6f:74
subjectKeyIdentifier = none
# Roots of later sites: CA:TRUE.
[root_ca]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
1.3.6.1.5.5.7.13.3 = DER:04:04:52:6f:6f:74
subjectKeyIdentifier = none
# What the QMC never writes: a root that says it is not a CA.
[root_ca_false]
basicConstraints = CA:FALSE
1.3.6.1.5.5.7.13.3 = DER:04:04:52:6f:6f:74
subjectKeyIdentifier = none
# A company's intermediate CA, without Qlik's extension.
[intermediate]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = none
authorityKeyIdentifier = none
[client]
1.3.6.1.5.5.7.13.3 = DER:04:06:43:6c:69:65:6e:74
subjectKeyIdentifier = none
authorityKeyIdentifier = none
[client_server_auth_only]
extendedKeyUsage = serverAuth
1.3.6.1.5.5.7.13.3 = DER:04:06:43:6c:69:65:6e:74
subjectKeyIdentifier = none
authorityKeyIdentifier = none
[server]
1.3.6.1.5.5.7.13.3 = DER:04:06:53:65:72:76:65:72
subjectKeyIdentifier = none
authorityKeyIdentifier = none
`

func (o *OpenSSL) writeConfig() error {
	return os.WriteFile(o.file(opensslConfig), []byte(opensslConfigText), 0o600)
}
