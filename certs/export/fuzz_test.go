package export_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"qscert/certs/certstest"
	"qscert/certs/coded"
	"qscert/certs/export"
	"qscert/certs/qlik"
)

// The parsers take bytes from anywhere. Whatever the bytes, ParseFile must
// return either something or a coded error, and never panic. The seeds are
// real export files made at test time, so the fuzzer starts from the
// formats it must survive.

func fuzzSeeds(f *testing.F, name string) {
	exp, err := certstest.NewExport("fuzz-central.example", "fuzz-machine.example", certstest.StyleLegacy, testNow)
	if err != nil {
		f.Fatal(err)
	}
	switch name {
	case "client.pem":
		f.Add(certstest.CertPEM(exp.Client.Cert), "")
		// As Notepad and PowerShell save it.
		f.Add(append([]byte{0xef, 0xbb, 0xbf}, certstest.CertPEM(exp.Client.Cert)...), "")
		f.Add(certstest.PowerShellOutFile(certstest.CertPEM(exp.Client.Cert)), "")
		for _, enc := range []certstest.KeyEncoding{certstest.KeyPKCS1, certstest.KeyPKCS8, certstest.KeyLegacyEncrypted, certstest.KeyPKCS8Encrypted} {
			key, err := certstest.KeyPEM(exp.Client.Key, enc, "pw")
			if err != nil {
				f.Fatal(err)
			}
			f.Add(key, "pw")
		}
	case "client.pfx":
		for _, enc := range []certstest.PFXEncoding{certstest.PFXLegacyRC2, certstest.PFXLegacyDES, certstest.PFXModern} {
			data, err := certstest.PFX(exp.Client, nil, enc, "pw")
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data, "pw")
			f.Add(data, certstest.NonBMPPassword)
			if noMAC, err := certstest.WithoutMAC(data); err == nil {
				f.Add(noMAC, "pw")
			}
		}
	case "root.cer":
		f.Add(exp.Root.Cert.Raw, "")
		f.Add(append(append([]byte(nil), exp.Root.Cert.Raw...), '\r', '\n'), "")
	}
	f.Add([]byte{}, "")
	f.Add([]byte("-----BEGIN CERTIFICATE-----\n"), "")
}

func fuzzParse(f *testing.F, name string) {
	fuzzSeeds(f, name)
	f.Fuzz(func(t *testing.T, data []byte, password string) {
		certsFound, chain, keys, err := export.ParseFile(name, data, password)
		if err != nil {
			if coded.CodeOf(err) == "" {
				t.Fatalf("uncoded error %v", err)
			}
			if certsFound != nil || chain != nil || keys != nil {
				t.Fatal("results returned with an error")
			}
			return
		}
		if len(certsFound) == 0 && len(keys) == 0 {
			t.Fatal("no error and nothing found")
		}
	})
}

func FuzzParsePEM(f *testing.F) { fuzzParse(f, "client.pem") }
func FuzzParsePFX(f *testing.F) { fuzzParse(f, "client.pfx") }
func FuzzParseDER(f *testing.F) { fuzzParse(f, "root.cer") }

// FuzzReadZip feeds any bytes to the zip reader, as a .zip given for the
// export: it must return findings with codes, never panic, and never
// inflate more than its limits allow. inner is a folder named inside it.
func FuzzReadZip(f *testing.F) {
	exp, err := certstest.NewExport("fuzz-central.example", "fuzz-machine.example", certstest.StyleLegacy, testNow)
	if err != nil {
		f.Fatal(err)
	}
	seeds := f.TempDir()
	for i, c := range []struct {
		format qlik.Format
		folder string
	}{{qlik.FormatPEM, ""}, {qlik.FormatWindows, "rep01"}, {qlik.FormatPEM, "Exported Certificates/rep01"}} {
		path := filepath.Join(seeds, fmt.Sprintf("seed%d.zip", i))
		if err := exp.WriteZipOf(path, c.folder, certstest.WriteOptions{Format: c.format, Password: "pw"}); err != nil {
			f.Fatal(err)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data, "")
		f.Add(data, c.folder)
	}
	f.Add([]byte("PK\x05\x06"+strings.Repeat("\x00", 18)), "")
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte, inner string) {
		path := filepath.Join(dir, "export.zip")
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		target := path
		if inner = strings.Trim(filepath.Clean("/"+inner), `/\`); inner != "" && inner != "." {
			target = filepath.Join(path, inner)
		}
		got, err := export.LoadExport(target, "pw")
		if err != nil {
			if coded.CodeOf(err) == "" {
				t.Fatalf("uncoded error %v", err)
			}
			return
		}
		for _, f := range got.Findings {
			if f.Code == "" {
				t.Fatalf("finding without a code: %+v", f)
			}
		}
	})
}
