package export_test

import (
	"crypto"
	"testing"
	"time"

	"qscert/certs/certstest"
	"qscert/certs/export"
	"qscert/certs/qlik"
	"qscert/certs/validate"
)

var testNow = time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)

const (
	testHost    = "qlik-central.corp.example"
	testMachine = "reporting01.corp.example"
)

// goodExports are the layouts a real QMC export can take; each must load and
// validate without a blocking finding.
func TestLoadExportAcceptsEveryGoodLayout(t *testing.T) {
	for _, style := range []certstest.Style{certstest.StyleLegacy, certstest.StyleModern} {
		exp, err := certstest.NewExport(testHost, testMachine, style, testNow)
		if err != nil {
			t.Fatal(err)
		}
		layouts := []struct {
			name string
			opts certstest.WriteOptions
		}{
			{"pem-pkcs1-no-password", certstest.WriteOptions{Format: qlik.FormatPEM}},
			{"pem-pkcs1-password-plain-keys", certstest.WriteOptions{Format: qlik.FormatPEM, Password: "Qlik!2026"}},
			{"pem-pkcs8", certstest.WriteOptions{Format: qlik.FormatPEM, Key: certstest.KeyPKCS8}},
			{"pem-legacy-encrypted", certstest.WriteOptions{Format: qlik.FormatPEM, Key: certstest.KeyLegacyEncrypted, Password: "Qlik!2026"}},
			{"pem-pkcs8-encrypted", certstest.WriteOptions{Format: qlik.FormatPEM, Key: certstest.KeyPKCS8Encrypted, Password: "Qlik!2026"}},
			{"windows-legacy-des", certstest.WriteOptions{Format: qlik.FormatWindows, PFX: certstest.PFXLegacyDES, Password: "Qlik!2026"}},
			{"windows-legacy-rc2", certstest.WriteOptions{Format: qlik.FormatWindows, PFX: certstest.PFXLegacyRC2, Password: "Qlik!2026"}},
			{"windows-modern", certstest.WriteOptions{Format: qlik.FormatWindows, PFX: certstest.PFXModern, Password: "Qlik!2026"}},
			{"windows-empty-password", certstest.WriteOptions{Format: qlik.FormatWindows}},
			{"windows-root-pem-chain", certstest.WriteOptions{Format: qlik.FormatWindows, RootPEM: true, ChainInPFX: true, Password: "x"}},
		}
		for _, l := range layouts {
			t.Run(string(style)+"/"+l.name, func(t *testing.T) {
				dir := t.TempDir()
				if err := exp.Write(dir, l.opts); err != nil {
					t.Fatal(err)
				}
				loaded, err := export.LoadExport(dir, l.opts.Password)
				if err != nil {
					t.Fatal(err)
				}
				if loaded.Format != l.opts.Format {
					t.Errorf("format = %q, want %q", loaded.Format, l.opts.Format)
				}
				report := validate.Validate(loaded, validate.Options{Now: testNow, Host: testHost, Machines: []string{testMachine}})
				wantKind := validate.CodeRootWithoutBasicConstraints
				if style == certstest.StyleModern {
					wantKind = validate.CodeRootMarkedCA
				}
				if len(report.Findings) != 1 || report.Findings[0].Code != wantKind {
					t.Fatalf("findings on a good export: %+v, want only %s", report.Findings, wantKind)
				}
				if len(report.Certificates) != 3 {
					t.Fatalf("got %d certificates, want 3", len(report.Certificates))
				}
				for _, c := range report.Certificates {
					wantKey := c.Role != qlik.RoleRoot
					if c.HasPrivateKey != wantKey {
						t.Errorf("%s: HasPrivateKey = %v, want %v", c.Role, c.HasPrivateKey, wantKey)
					}
				}
				if got := loaded.Client.X509.Raw; string(got) != string(exp.Client.Cert.Raw) {
					t.Error("client certificate differs from the one written")
				}
				if !loaded.Client.Key.(interface{ Equal(crypto.PrivateKey) bool }).Equal(exp.Client.Key) {
					t.Error("client key differs from the one written")
				}
			})
		}
	}
}
