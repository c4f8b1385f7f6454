package app

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"qscert/certs/certstest"
	"qscert/certs/machine"
	"qscert/certs/qlik"
	"qscert/certs/qrs/qrstest"
	"qscert/certs/store"
)

const connSiteHost = "qlik-central.corp.example"

var (
	connExportsMu sync.Mutex
	connExports   = map[string]*certstest.Export{}
)

// connExport makes one export per style and name for the whole test binary:
// RSA key generation is the slow part.
func connExport(t testing.TB, style certstest.Style, name string) *certstest.Export {
	t.Helper()
	connExportsMu.Lock()
	defer connExportsMu.Unlock()
	key := string(style) + "/" + name
	if e, ok := connExports[key]; ok {
		return e
	}
	e, err := certstest.NewExport(connSiteHost, "reporting01.corp.example", style, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	connExports[key] = e
	return e
}

func writeConnExport(t testing.TB, e *certstest.Export, o certstest.WriteOptions) string {
	t.Helper()
	dir := t.TempDir()
	if err := e.Write(dir, o); err != nil {
		t.Fatal(err)
	}
	return dir
}

func startSimulatedQRS(t testing.TB, e *certstest.Export, o qrstest.Options) *qrstest.Server {
	t.Helper()
	s, err := qrstest.Start(e, o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

// connEnv is an Env with buffers; stores opened with --store come from
// stores (by spec).
type connEnvResult struct {
	env            *Env
	stdout, stderr *bytes.Buffer
}

func connEnv(stdin string, vars map[string]string, stores map[string]store.Store) connEnvResult {
	var out, errb bytes.Buffer
	env := &Env{
		Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb,
		Getenv:  func(k string) string { return vars[k] },
		Now:     time.Now,
		Machine: func() machine.Info { return machine.Info{Hostname: "reporting01"} },
		OpenStore: func(spec string) (store.Store, error) {
			if s, ok := stores[spec]; ok {
				return s, nil
			}
			return openStore(spec)
		},
	}
	return connEnvResult{env, &out, &errb}
}

// runQscert runs one command and returns its exit code and outputs.
func runQscert(t *testing.T, e connEnvResult, args ...string) (int, string, string) {
	t.Helper()
	code := Run(e.env, args)
	return code, e.stdout.String(), e.stderr.String()
}

// checkCodes returns the codes of a JSON result's checks.
func checkCodes(t *testing.T, stdout string) []string {
	t.Helper()
	var r struct {
		Checks []struct {
			Code string `json:"code"`
		} `json:"checks"`
	}
	if err := json.Unmarshal([]byte(stdout), &r); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, stdout)
	}
	var out []string
	for _, c := range r.Checks {
		out = append(out, c.Code)
	}
	return out
}

func portOf(s *qrstest.Server) string { return strconv.Itoa(s.Port) }

// mixExport writes a PEM export whose client certificate and key come from
// client and whose root comes from root.
func mixExport(t *testing.T, client, root *certstest.Export) string {
	t.Helper()
	dir := writeConnExport(t, root, certstest.WriteOptions{Format: qlik.FormatPEM, Partial: true})
	key, err := certstest.KeyPEM(client.Client.Key, certstest.KeyPKCS1, "")
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{"client.pem": certstest.CertPEM(client.Client.Cert), "client_key.pem": key} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}
