package export_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"qscert/certs/certstest"
	"qscert/certs/coded"
	"qscert/certs/export"
)

// Fifty keys that each ask for a million iterations are refused before any
// is tried: the work limit is a budget for the whole export.
func TestTheKeyDerivationLimitIsABudgetForTheWholeExport(t *testing.T) {
	dir := t.TempDir()
	var file bytes.Buffer
	for range 50 {
		key, err := certstest.EncryptedKeyShell(1_000_000)
		if err != nil {
			t.Fatal(err)
		}
		file.Write(key)
	}
	if err := os.WriteFile(filepath.Join(dir, "client_key.pem"), file.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	exp, err := export.LoadExport(dir, "some password")
	if err != nil {
		t.Fatal(err)
	}
	if !hasCode(exp, export.CodeExportTooMuchWork) {
		t.Fatalf("findings %v, want export-too-much-work", codesOf(exp.Findings))
	}
	// A benchmark-free sanity bound: a single million-iteration PBKDF2
	// takes about half a second; fifty of them would take half a minute.
	if d := time.Since(start); d > 20*time.Second {
		t.Fatalf("took %s: the keys were tried", d)
	}
}

// A folder of many large files is read up to the export's byte budget, not
// into gigabytes.
func TestAnExportIsReadWithinItsByteBudget(t *testing.T) {
	dir := t.TempDir()
	junk := bytes.Repeat([]byte("A"), export.MaxFileSize)
	for i := range 20 {
		if err := os.WriteFile(filepath.Join(dir, strings.Repeat("x", i+1)+".pem"), junk, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	exp, err := export.LoadExport(dir, "")
	if err != nil {
		t.Fatal(err)
	}
	if !hasCode(exp, export.CodeExportTooLarge) {
		t.Fatalf("findings %v, want export-too-large", codesOf(exp.Findings))
	}
	if len(exp.Files) > export.MaxExportBytes/export.MaxFileSize+1 {
		t.Fatalf("%d files read", len(exp.Files))
	}
}

// A file of hundreds of certificates is not an export either.
func TestAnExportIsReadWithinItsCertificateBudget(t *testing.T) {
	e, err := certstest.NewExport(testHost, testMachine, certstest.StyleLegacy, testNow)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	one := certstest.CertPEM(e.Root.Cert)
	if err := os.WriteFile(filepath.Join(dir, "root.pem"), bytes.Repeat(one, 300), 0o600); err != nil {
		t.Fatal(err)
	}
	exp, err := export.LoadExport(dir, "")
	if err != nil {
		t.Fatal(err)
	}
	if !hasCode(exp, export.CodeExportTooLarge) {
		t.Fatalf("findings %v, want export-too-large", codesOf(exp.Findings))
	}
}

func hasCode(exp *export.Export, c coded.Code) bool { return len(findingsWith(exp.Findings, c)) > 0 }
