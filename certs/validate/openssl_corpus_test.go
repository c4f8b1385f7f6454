package validate_test

import (
	"path/filepath"
	"slices"
	"testing"

	"qscert/certs/certstest"
	"qscert/certs/coded"
	"qscert/certs/export"
	"qscert/certs/validate"
)

// TestOpenSSLCorpus reads exports made by the real openssl, as people make
// and convert them by hand, in both formats and in the encodings Notepad
// and PowerShell write: each must give its code, or load clean. It needs
// openssl (scripts/test.sh installs it; CI sets QSCERT_REQUIRE_OPENSSL=1 so
// that a missing openssl fails rather than skips). No key is committed:
// openssl makes them in a temporary folder.
func TestOpenSSLCorpus(t *testing.T) {
	o := certstest.NeedOpenSSL(t, t.TempDir())
	site, err := certstest.NewOpenSSLSite(o, testHost, testMachine)
	if err != nil {
		t.Fatal(err)
	}
	if len(certstest.OpenSSLCases) < 25 {
		t.Fatalf("the OpenSSL corpus has %d cases", len(certstest.OpenSSLCases))
	}
	for _, c := range certstest.OpenSSLCases {
		t.Run(c.Name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "export")
			if err := c.Make(site, dir); err != nil {
				t.Fatal(err)
			}
			exp, err := export.LoadExport(dir, c.Password)
			if err != nil {
				t.Fatal(err)
			}
			machines := c.Machines
			if machines == nil {
				machines = []string{testMachine}
			}
			r := validate.Validate(exp, validate.Options{Host: testHost, Machines: machines})
			if c.Code == "" {
				for _, f := range r.Findings {
					if f.Severity != coded.SeverityInfo {
						t.Errorf("a good export gave %s (%s): %+v", f.Code, f.Severity, f)
					}
				}
				if exp.Root == nil || exp.Client == nil || exp.Client.Key == nil || exp.Server == nil {
					t.Fatalf("certificates missing from a good export: %v", codes(r))
				}
				return
			}
			n := 0
			for _, f := range r.Findings {
				if f.Code == c.Code {
					n++
				}
			}
			if n == 0 {
				t.Fatalf("want %s, got %v", c.Code, codes(r))
			}
			if slices.Contains([]coded.Code{export.CodeWrongPassword, export.CodePasswordRequired, export.CodePasswordUnsupported}, c.Code) && n != 1 {
				t.Errorf("%s said %d times, want once: %+v", c.Code, n, r.Findings)
			}
			if slices.Contains(codes(r), export.CodeFileCorrupt) {
				t.Errorf("a file openssl reads was called damaged: %+v", r.Findings)
			}
		})
	}
}
