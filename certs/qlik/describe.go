package qlik

import (
	"crypto/rsa"
	"crypto/x509"
	"encoding/hex"
	"strconv"
	"strings"
	"time"
)

// CertificateInfo is the public description of one certificate, the same
// wherever it comes from (an export, a store, a server): what an
// administrator compares with certmgr or the QMC.
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
	File          string    `json:"file,omitempty"`
	KeyFile       string    `json:"keyFile,omitempty"`
}

// Describe describes c in role; hasKey says whether its private key is at
// hand. Files are for the caller to set.
func Describe(role Role, c *x509.Certificate, hasKey bool) CertificateInfo {
	return CertificateInfo{
		Role:          role,
		Subject:       c.Subject.String(),
		Issuer:        c.Issuer.String(),
		NotBefore:     c.NotBefore.UTC(),
		NotAfter:      c.NotAfter.UTC(),
		SerialNumber:  strings.ToUpper(hex.EncodeToString(c.SerialNumber.Bytes())),
		SHA1:          Thumbprint(c),
		SHA256:        SHA256Thumbprint(c),
		KeyAlgorithm:  keyAlgorithm(c),
		HasPrivateKey: hasKey,
	}
}

func keyAlgorithm(c *x509.Certificate) string {
	if k, ok := c.PublicKey.(*rsa.PublicKey); ok {
		return "RSA " + strconv.Itoa(k.N.BitLen())
	}
	return c.PublicKeyAlgorithm.String()
}
