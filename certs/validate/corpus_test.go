package validate_test

import (
	"fmt"
	"path/filepath"
	"sync"
	"testing"

	"qscert/certs/certstest"
	"qscert/certs/coded"
	"qscert/certs/export"
	"qscert/certs/finding"
	"qscert/certs/qlik"
	"qscert/certs/validate"
)

var (
	basesOnce sync.Once
	bases     map[string]*certstest.Base
	basesErr  error
)

// corpusBases are the good exports the broken variants start from: both
// formats, both styles, made once per test run (RSA keys are slow to make).
func corpusBases(t *testing.T) map[string]*certstest.Base {
	t.Helper()
	basesOnce.Do(func() {
		bases = map[string]*certstest.Base{}
		for _, style := range []certstest.Style{certstest.StyleLegacy, certstest.StyleModern} {
			exp, err := certstest.NewExport(testHost, testMachine, style, testNow)
			if err != nil {
				basesErr = err
				return
			}
			for _, f := range []qlik.Format{qlik.FormatPEM, qlik.FormatWindows} {
				bases[fmt.Sprintf("%s/%s", style, f)] = &certstest.Base{
					Export: exp, Host: testHost, Machine: testMachine,
					Options: certstest.WriteOptions{Format: f, Password: "Qlik!2026"},
				}
			}
		}
	})
	if basesErr != nil {
		t.Fatal(basesErr)
	}
	return bases
}

func codes(r *validate.Report) []coded.Code {
	var out []coded.Code
	for _, f := range r.Findings {
		out = append(out, f.Code)
	}
	return out
}

// TestCorpusEveryBrokenExportGivesItsCode is the bad-input corpus: every
// broken export must produce the finding made for it, with the right
// severity, and never panic.
func TestCorpusEveryBrokenExportGivesItsCode(t *testing.T) {
	if len(certstest.Variants) < 25 {
		t.Fatalf("the corpus has %d kinds, want at least 25", len(certstest.Variants))
	}
	for name, base := range corpusBases(t) {
		for _, v := range certstest.Variants {
			if !v.Applies(base.Options.Format) {
				continue
			}
			t.Run(name+"/"+v.Name, func(t *testing.T) {
				dir := filepath.Join(t.TempDir(), "export")
				if err := v.Write(dir, base); err != nil {
					t.Fatal(err)
				}
				exp, err := export.LoadExport(dir, v.ValidationPassword(base))
				if err != nil {
					t.Fatalf("LoadExport: %v", err)
				}
				report := validate.Validate(exp, v.Options(base, testNow))
				var got *finding.Finding
				for i := range report.Findings {
					if report.Findings[i].Code == v.Code {
						got = &report.Findings[i]
						break
					}
				}
				if got == nil {
					t.Fatalf("want %s, got %v", v.Code, codes(report))
				}
				wantBlocking := got.Severity == coded.SeverityError
				if report.Blocking() != wantBlocking && wantBlocking {
					t.Errorf("an error finding did not block: %v", codes(report))
				}
				if !wantBlocking && report.Blocking() {
					t.Errorf("%s is a %s but the report blocks: %+v", v.Code, got.Severity, report.Findings)
				}
			})
		}
	}
}

// TestCorpusCoversEveryFindingCode keeps the corpus and the code list in
// step: a code nobody produces is dead, a code without a test is untested.
func TestCorpusCoversEveryFindingCode(t *testing.T) {
	produced := map[coded.Code]bool{}
	for _, v := range certstest.Variants {
		produced[v.Code] = true
	}
	codes := append(append(export.Codes.Codes(), validate.Codes.Codes()...), export.CodeFileUnreadable, export.CodeFileTooLarge)
	for _, c := range codes {
		if c == export.CodeFolderNotFound || c == export.CodeFolderUnreadable {
			continue // errors of the folder itself, not findings: TestLoadExport* produce them
		}
		if c == export.CodeZipFolderNotFound {
			continue // needs a path inside the zip, which a variant cannot be: TestZipFolderNamedInThePath produces it
		}
		if !produced[c] {
			t.Errorf("no corpus variant produces %s", c)
		}
	}
}
