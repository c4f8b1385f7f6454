package validate_test

import (
	"path/filepath"
	"testing"

	"qscert/certs/certstest"
	"qscert/certs/export"
	"qscert/certs/qlik"
	"qscert/certs/validate"
)

// Goal (issue 2): a whole export loaded and validated in under 50 ms on a
// 2-core machine.
func benchmarkLoadValidate(b *testing.B, opts certstest.WriteOptions) {
	exp, err := certstest.NewExport(testHost, testMachine, certstest.StyleLegacy, testNow)
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	if err := exp.Write(dir, opts); err != nil {
		b.Fatal(err)
	}
	vopts := validate.Options{Now: testNow, Host: testHost, Machines: []string{testMachine}}
	b.ResetTimer()
	for b.Loop() {
		loaded, err := export.LoadExport(dir, opts.Password)
		if err != nil {
			b.Fatal(err)
		}
		if r := validate.Validate(loaded, vopts); len(r.Findings) != 1 || r.Findings[0].Code != validate.CodeRootWithoutBasicConstraints {
			b.Fatalf("findings: %+v", r.Findings)
		}
	}
}

func BenchmarkLoadValidateWindowsLegacyDES(b *testing.B) {
	benchmarkLoadValidate(b, certstest.WriteOptions{Format: qlik.FormatWindows, PFX: certstest.PFXLegacyDES, Password: "Qlik!2026"})
}

func BenchmarkLoadValidateWindowsModern(b *testing.B) {
	benchmarkLoadValidate(b, certstest.WriteOptions{Format: qlik.FormatWindows, PFX: certstest.PFXModern, Password: "Qlik!2026"})
}

func BenchmarkLoadValidatePEM(b *testing.B) {
	benchmarkLoadValidate(b, certstest.WriteOptions{Format: qlik.FormatPEM})
}

func BenchmarkLoadValidatePEMEncryptedKeys(b *testing.B) {
	benchmarkLoadValidate(b, certstest.WriteOptions{Format: qlik.FormatPEM, Key: certstest.KeyPKCS8Encrypted, Password: "Qlik!2026"})
}

// A zipped export costs its inflation on top of the files' own work.
func BenchmarkLoadValidateZipWindowsModern(b *testing.B) {
	exp, err := certstest.NewExport(testHost, testMachine, certstest.StyleLegacy, testNow)
	if err != nil {
		b.Fatal(err)
	}
	zipPath := filepath.Join(b.TempDir(), "rep01.zip")
	opts := certstest.WriteOptions{Format: qlik.FormatWindows, PFX: certstest.PFXModern, Password: "Qlik!2026"}
	if err := exp.WriteZipOf(zipPath, "rep01", opts); err != nil {
		b.Fatal(err)
	}
	vopts := validate.Options{Now: testNow, Host: testHost, Machines: []string{testMachine}}
	b.ResetTimer()
	for b.Loop() {
		loaded, err := export.LoadExport(zipPath, opts.Password)
		if err != nil {
			b.Fatal(err)
		}
		if r := validate.Validate(loaded, vopts); r.Blocking() || len(r.Certificates) != 3 {
			b.Fatalf("findings: %+v", r.Findings)
		}
	}
}
