package certstest

import (
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"os"
	"path/filepath"
	"runtime"
	"time"

	"qscert/certs/coded"
	"qscert/certs/qlik"
	"qscert/certs/validate"
)

// Base is the good export a broken variant starts from, and how it is
// validated.
type Base struct {
	Export  *Export
	Options WriteOptions
	Host    string // the Qlik server the user names (--host)
	Machine string // the machine the export is for (--machine)
}

// NewBase makes a good export and the matching validation settings.
func NewBase(host, machine string, style Style, format qlik.Format, password string, now time.Time) (*Base, error) {
	exp, err := NewExport(host, machine, style, now)
	if err != nil {
		return nil, err
	}
	return &Base{Export: exp, Host: host, Machine: machine, Options: WriteOptions{Format: format, Password: password}}, nil
}

// Variant is one kind of broken export and the finding it must produce.
type Variant struct {
	Name string
	Code coded.Code
	// Format limits the variant to one format; empty means both.
	Format qlik.Format
	// POSIXOnly marks variants Windows file systems cannot hold: names that
	// are not UTF-8 (Windows names are UTF-16) and symbolic link loops
	// (links need a privilege there).
	POSIXOnly bool
	// Write lays the broken export out in dir.
	Write func(dir string, b *Base) error
	// Password is the password to validate with; nil means the export's.
	Password func(b *Base) string
	// Adjust changes the validation options (host, machine).
	Adjust func(o *validate.Options)
}

// ValidationPassword is the password the variant must be validated with.
func (v Variant) ValidationPassword(b *Base) string {
	if v.Password != nil {
		return v.Password(b)
	}
	return b.Options.Password
}

// Options are the validation options the variant must be validated with.
func (v Variant) Options(b *Base, now time.Time) validate.Options {
	o := validate.Options{Now: now, Host: b.Host, Machines: []string{b.Machine}}
	if v.Adjust != nil {
		v.Adjust(&o)
	}
	return o
}

// Applies reports whether the variant exists in a format.
func (v Variant) Applies(f qlik.Format) bool {
	if v.POSIXOnly && runtime.GOOS == "windows" {
		return false
	}
	return v.Format == "" || v.Format == f
}

// VariantFor returns the first variant that produces code in format f.
func VariantFor(code coded.Code, f qlik.Format) (Variant, bool) {
	for _, v := range Variants {
		if v.Code == code && v.Applies(f) {
			return v, true
		}
	}
	return Variant{}, false
}

// Names of the files of an export, by format.
func certFile(b *Base, role string) string {
	if b.Options.Format == qlik.FormatPEM {
		return role + ".pem"
	}
	if role == "root" {
		return "root.cer"
	}
	return role + ".pfx"
}

func keyFile(b *Base, role string) string {
	if b.Options.Format == qlik.FormatPEM {
		return role + "_key.pem"
	}
	return role + ".pfx"
}

// writeWith writes the base export with some certificates replaced.
func writeWith(dir string, b *Base, change func(e *Export) error) error {
	e := b.Export.Copy()
	if change != nil {
		if err := change(e); err != nil {
			return err
		}
	}
	return e.Write(dir, b.Options)
}

func good(dir string, b *Base) error { return writeWith(dir, b, nil) }

// withPassword makes sure the export is protected by a password, so that
// password variants have something to get wrong.
func withPassword(b *Base) *Base {
	c := *b
	if c.Options.Password == "" {
		c.Options.Password = "Qlik-Export-2026"
	}
	if c.Options.Format == qlik.FormatPEM && c.Options.Key != KeyLegacyEncrypted && c.Options.Key != KeyPKCS8Encrypted {
		c.Options.Key = KeyLegacyEncrypted
	}
	return &c
}

func rewrite(dir, name string, change func([]byte) []byte) error {
	path := filepath.Join(dir, name)
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	return os.WriteFile(path, change(data), 0o600)
}

func randomBytes(n int) []byte {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return b
}

// csrPEM is a certificate request: PEM, but not something an export holds.
func csrPEM(b *Base) ([]byte, error) {
	der, err := x509.CreateCertificateRequest(rand.Reader, &x509.CertificateRequest{Subject: pkix.Name{CommonName: b.Machine}}, b.Export.Client.Key)
	if err != nil {
		return nil, err
	}
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE REQUEST", Bytes: der}), nil
}

// otherSite issues certificates from a different CA.
func otherSite(host string, b *Base) (*Site, error) {
	return NewSite(host, b.Export.Site.Style, b.Export.Site.Now)
}
