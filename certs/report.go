package certs

import (
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/hex"
	"strconv"
	"strings"
	"time"

	"qscert/certs/store"
)

// Report is the result of Validate: one entry per certificate found and the
// findings, in a form the CLI prints as JSON and the wizard shows as cards.
type Report struct {
	Dir          string            `json:"dir"`
	Format       Format            `json:"format"`
	CheckedAt    time.Time         `json:"checkedAt"`
	Certificates []CertificateInfo `json:"certificates"`
	Findings     []Finding         `json:"findings"`
}

// CertificateInfo is the public description of one certificate.
type CertificateInfo struct {
	Role          Role      `json:"role"`
	Subject       string    `json:"subject"`
	Issuer        string    `json:"issuer"`
	NotBefore     time.Time `json:"notBefore"`
	NotAfter      time.Time `json:"notAfter"`
	SerialNumber  string    `json:"serialNumber"`
	SHA1          string    `json:"sha1"`
	SHA256        string    `json:"sha256"`
	KeyAlgorithm  string    `json:"keyAlgorithm"`
	HasPrivateKey bool      `json:"hasPrivateKey"`
	File          string    `json:"file"`
	KeyFile       string    `json:"keyFile,omitempty"`
}

// Blocking reports whether the report has an error-level finding.
func (r *Report) Blocking() bool { return Blocking(r.Findings) }

// FindingsFor returns the findings about one role, for a certificate card.
func (r *Report) FindingsFor(role Role) []Finding {
	var out []Finding
	for _, f := range r.Findings {
		if f.Role == role {
			out = append(out, f)
		}
	}
	return out
}

// SHA256Thumbprint is the SHA-256 of the DER certificate in upper-case hex.
func SHA256Thumbprint(c *x509.Certificate) string {
	sum := sha256.Sum256(c.Raw)
	return strings.ToUpper(hex.EncodeToString(sum[:]))
}

// Describe gives the public description of a certificate of the export.
func Describe(c *Certificate) CertificateInfo {
	x := c.X509
	return CertificateInfo{
		Role:          c.Role,
		Subject:       x.Subject.String(),
		Issuer:        x.Issuer.String(),
		NotBefore:     x.NotBefore.UTC(),
		NotAfter:      x.NotAfter.UTC(),
		SerialNumber:  strings.ToUpper(hex.EncodeToString(x.SerialNumber.Bytes())),
		SHA1:          store.Thumbprint(x), // the form certmgr and PowerShell's Cert: drive show
		SHA256:        SHA256Thumbprint(x),
		KeyAlgorithm:  keyAlgorithm(x),
		HasPrivateKey: c.Key != nil,
		File:          c.File,
		KeyFile:       c.KeyFile,
	}
}

func keyAlgorithm(c *x509.Certificate) string {
	if k, ok := c.PublicKey.(*rsa.PublicKey); ok {
		return "RSA " + strconv.Itoa(k.N.BitLen())
	}
	return c.PublicKeyAlgorithm.String()
}
