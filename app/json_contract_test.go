package app

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"qscert/certs/certstest"
	"qscert/certs/qlik"
	"qscert/certs/qrs/qrstest"
	"qscert/certs/store"
	"qscert/certs/support"
)

var (
	schemasOnce sync.Once
	schemas     map[string]*jsonschema.Schema
	schemasErr  error
)

// schema returns the published schema docs/json/<name>.schema.json,
// compiled with formats (date-time) asserted.
func schema(t *testing.T, name string) *jsonschema.Schema {
	t.Helper()
	schemasOnce.Do(func() {
		schemas = map[string]*jsonschema.Schema{}
		c := jsonschema.NewCompiler()
		c.AssertFormat()
		files, err := filepath.Glob(filepath.Join("..", "docs", "json", "*.schema.json"))
		if err != nil || len(files) == 0 {
			schemasErr = err
			return
		}
		for _, f := range files {
			s, err := c.Compile(f)
			if err != nil {
				schemasErr = err
				return
			}
			schemas[strings.TrimSuffix(filepath.Base(f), ".schema.json")] = s
		}
	})
	if schemasErr != nil {
		t.Fatal(schemasErr)
	}
	s, ok := schemas[name]
	if !ok {
		t.Fatalf("no schema docs/json/%s.schema.json", name)
	}
	return s
}

// conforms checks that out is one JSON document valid against the schema
// of name, and returns it decoded.
func conforms(t *testing.T, name string, out []byte) map[string]any {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("%s: not one JSON document: %v\n%s", name, err, out)
	}
	if err := schema(t, name).Validate(doc); err != nil {
		t.Fatalf("%s: does not follow docs/json/%s.schema.json: %v\n%s", name, name, err, out)
	}
	m, _ := doc.(map[string]any)
	return m
}

// TestEveryCommandsJSONFollowsItsSchema runs every command with --json,
// when it succeeds and when it fails, and checks each document against
// the published schema: schemaVersion, the command, and an error in the
// one Problem shape when it failed, with its exit code unchanged.
func TestEveryCommandsJSONFollowsItsSchema(t *testing.T) {
	site := connExport(t, certstest.StyleLegacy, "site")
	qrs := startSimulatedQRS(t, site, qrstest.Options{})
	pwFile := writePasswordFile(t, "S3cret!pw")
	exportDir := writeConnExport(t, site, certstest.WriteOptions{Format: qlik.FormatWindows, Password: "S3cret!pw"})
	storeDir := filepath.Join(t.TempDir(), "store")
	backups := t.TempDir()
	report := filepath.Join(t.TempDir(), "report.zip")
	simDir := filepath.Join(t.TempDir(), "central") // a simulated central node, made by the first recreate
	common := []string{"--json", "--lang", "fr"}

	type run struct {
		schema string
		args   []string
		exit   int
		failed bool // the document has an error
	}
	runs := []run{
		{"version", []string{"version"}, ExitOK, false},
		{"help", []string{"help"}, ExitOK, false},
		{"error", []string{"instal"}, ExitUsage, true},
		{"error", []string{"--hots", "x"}, ExitUsage, true},
		{"validate", []string{"validate", exportDir, "--password-file", pwFile}, ExitOK, false},
		{"validate", []string{"validate", exportDir}, ExitUsage, true}, // no password: report and error
		{"validate", []string{"validate", filepath.Join(exportDir, "nope")}, ExitUsage, true},
		{"validate", []string{"validate", exportDir, "--hots", "x"}, ExitUsage, true},
		{"validate", []string{"validate", "--at", "2040-01-01T00:00:00Z", exportDir, "--password-file", pwFile}, ExitFindings, false},
		{"list", []string{"list", "--store", "folder:" + storeDir}, ExitUsage, true}, // not made yet
		{"install", []string{"install", exportDir, "--password-file", pwFile, "--store", "folder:" + storeDir, "--backup-dir", backups, "--dry-run"}, ExitOK, false},
		{"install", []string{"install", exportDir, "--password-file", pwFile, "--store", "folder:" + storeDir, "--backup-dir", backups}, ExitUsage, true}, // no --yes, no terminal
		{"install", []string{"install", exportDir, "--password-file", pwFile, "--store", "folder:" + storeDir, "--backup-dir", backups, "--yes"}, ExitOK, false},
		{"list", []string{"list", "--store", "folder:" + storeDir}, ExitOK, false},
		{"list", []string{"list", "--store", "folder:" + storeDir, "--dir", exportDir, "--password-file", pwFile}, ExitOK, false},
		{"test", []string{"test", "--host", "localhost", "--port", portOf(qrs), "--dir", exportDir, "--password-file", pwFile}, ExitOK, false},
		{"test", []string{"test", "--host", "localhost", "--port", portOf(qrs), "--store", "folder:" + storeDir}, ExitOK, false},
		{"test", []string{"test", "--dir", exportDir}, ExitUsage, true},
		{"test", []string{"test", "--host", "localhost", "--dir", exportDir}, ExitUsage, true}, // no password
		{"report", []string{"report", "--out", report, "--store", "folder:" + storeDir, "--dir", exportDir, "--password-file", pwFile, "--host", "localhost", "--port", portOf(qrs)}, ExitOK, false},
		{"report", []string{"report"}, ExitUsage, true},
		{"restore", []string{"restore", filepath.Join(backups, "nope"), "--store", "folder:" + storeDir, "--yes"}, ExitUsage, true},
		{"recover", []string{"recover", "--store", "folder:" + storeDir}, ExitOK, false},
		{"recover", []string{"recover", "--store", "folder:" + filepath.Join(storeDir, "nope")}, ExitUsage, true},
		{"recreate", []string{"recreate", "--simulate", simDir, "--dry-run"}, ExitOK, false},                                                 // makes the simulated node
		{"recreate", []string{"recreate", "--simulate", simDir, "--backup-password-file", pwFile, "--backup-dir", backups}, ExitUsage, true}, // no --yes
		{"recreate", []string{"recreate", "--simulate", simDir, "--yes", "--backup-password-file", pwFile, "--backup-dir", backups,
			"--redistribute", "--export-for", "old", "--export-password-file", pwFile}, ExitOK, false},
		{"recreate", []string{"recreate", "--simulate", simDir, "--resume", "--backup-password-file", pwFile}, ExitUsage, true},
		{"recreate", []string{"recreate", "--simulate", simDir, "--simulate-bootstrap", "duplicates", "--yes", "--backup-password-file", pwFile, "--backup-dir", backups}, ExitFindings, true},
		{"recreate", []string{"recreate", "--simulate", simDir, "--resume", "--simulate-bootstrap", "normal", "--yes", "--backup-password-file", pwFile}, ExitOK, false},
		{"recreate", []string{"recreate", "--simulate", simDir, "--restore", "--yes", "--backup-password-file", pwFile}, ExitUsage, true}, // nothing stopped: give the folder
	}
	for _, r := range runs {
		e := connEnv("", nil, nil)
		code := Run(e.env, append(r.args, common...))
		out, errOut := e.stdout, e.stderr
		if code != r.exit {
			t.Fatalf("qscert %s: exit %d, want %d\n%s\n%s", strings.Join(r.args, " "), code, r.exit, out, errOut)
		}
		doc := conforms(t, r.schema, out.Bytes())
		if fmt.Sprint(doc["schemaVersion"]) != "1" {
			t.Errorf("qscert %s: schemaVersion %v", strings.Join(r.args, " "), doc["schemaVersion"])
		}
		if _, has := doc["error"]; has != r.failed {
			t.Errorf("qscert %s: error present %v, want %v\n%s", strings.Join(r.args, " "), has, r.failed, out)
		}
		if errOut.Len() != 0 {
			t.Errorf("qscert %s --json wrote to stderr: %q", strings.Join(r.args, " "), errOut)
		}
	}

	// The backup the install made restores; its document follows the schema too.
	e := connEnv("", nil, nil)
	out, errOut := e.stdout, e.stderr
	code := Run(e.env, []string{"install", exportDir, "--password-file", pwFile, "--store", "folder:" + storeDir, "--backup-dir", backups, "--yes", "--json"})
	if code != ExitOK {
		t.Fatalf("second install: exit %d %s %s", code, out, errOut)
	}
	conforms(t, "install", out.Bytes())

	// The support report's JSON follows its schema.
	_, files := readZip(t, report)
	conforms(t, "support-report", files[support.JSONName])
}

// TestACertificateReadsTheSameInEveryCommand: validate, list and test name
// a certificate's fields alike: sha1 (not thumbprint), RFC 3339 times.
func TestACertificateReadsTheSameInEveryCommand(t *testing.T) {
	site := connExport(t, certstest.StyleLegacy, "site")
	qrs := startSimulatedQRS(t, site, qrstest.Options{})
	dir := writeConnExport(t, site, certstest.WriteOptions{Format: qlik.FormatPEM})
	storeDir := t.TempDir()
	st, err := store.OpenFolder(storeDir)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Add(store.LocalMachineRoot, site.Root.Cert, nil, ""); err != nil {
		t.Fatal(err)
	}
	rootOf := func(args ...string) map[string]any {
		e := connEnv("", nil, nil)
		out, errOut := e.stdout, e.stderr
		if code := Run(e.env, append(args, "--json")); code != ExitOK {
			t.Fatalf("%v: exit %d %s %s", args, code, out, errOut)
		}
		var doc map[string]any
		if err := json.Unmarshal(out.Bytes(), &doc); err != nil {
			t.Fatal(err)
		}
		var certs []any
		switch {
		case doc["certificates"] != nil:
			certs = doc["certificates"].([]any)
		case doc["root"] != nil:
			certs = []any{doc["root"]}
		}
		for _, c := range certs {
			if m := c.(map[string]any); m["role"] == "root" {
				return m
			}
		}
		t.Fatalf("%v: no root in %s", args, out)
		return nil
	}
	fromValidate := rootOf("validate", dir)
	fromList := rootOf("list", "--store", "folder:"+storeDir)
	fromTest := rootOf("test", "--host", "localhost", "--port", portOf(qrs), "--dir", dir)
	for _, field := range []string{"subject", "issuer", "notBefore", "notAfter", "serialNumber", "sha1", "sha256", "keyAlgorithm", "hasPrivateKey"} {
		if fromValidate[field] == nil || fromValidate[field] != fromList[field] || fromValidate[field] != fromTest[field] {
			t.Errorf("%s: validate %v, list %v, test %v", field, fromValidate[field], fromList[field], fromTest[field])
		}
	}
	if _, has := fromList["thumbprint"]; has {
		t.Error("list still says thumbprint")
	}
}
