package output

import (
	"time"

	"qscert/certs/install"
	"qscert/certs/qlik"
)

// Certificate is one certificate, public parts only, with the same field
// names in every document: sha1 is the thumbprint Windows shows, times are
// RFC 3339 in UTC.
type Certificate struct {
	Role          qlik.Role `json:"role"`
	Subject       string    `json:"subject"`
	Issuer        string    `json:"issuer"`
	NotBefore     time.Time `json:"notBefore"`
	NotAfter      time.Time `json:"notAfter"`
	SerialNumber  string    `json:"serialNumber"`
	SHA1          string    `json:"sha1"`
	SHA256        string    `json:"sha256"`
	KeyAlgorithm  string    `json:"keyAlgorithm"`
	HasPrivateKey bool      `json:"hasPrivateKey"`
	// File and KeyFile name the export's files it was read from.
	File    string `json:"file,omitempty"`
	KeyFile string `json:"keyFile,omitempty"`
}

// CertificateOf is c in a document.
func CertificateOf(c qlik.CertificateInfo) Certificate {
	return Certificate{
		Role: c.Role, Subject: c.Subject, Issuer: c.Issuer,
		NotBefore: c.NotBefore.UTC(), NotAfter: c.NotAfter.UTC(),
		SerialNumber: c.SerialNumber, SHA1: c.SHA1, SHA256: c.SHA256, KeyAlgorithm: c.KeyAlgorithm,
		HasPrivateKey: c.HasPrivateKey, File: c.File, KeyFile: c.KeyFile,
	}
}

func certificatesOf(in []qlik.CertificateInfo) []Certificate {
	out := make([]Certificate, 0, len(in))
	for _, c := range in {
		out = append(out, CertificateOf(c))
	}
	return out
}

// StoredCertificate is a certificate found in a store: where it is, what
// an install would do with it (class), and the name the store shows.
type StoredCertificate struct {
	Location string        `json:"location"`
	Class    install.Class `json:"class"`
	Certificate
	FriendlyName string `json:"friendlyName,omitempty"`
}

// QlikCertificates lists the Qlik certificates among found, in the order
// found.
func QlikCertificates(found []install.Found) []StoredCertificate {
	out := []StoredCertificate{}
	for _, f := range found {
		if f.Class == install.ClassUnrelated || f.Cert == nil {
			continue
		}
		out = append(out, StoredCertificate{
			Location: f.Location.String(), Class: f.Class,
			Certificate:  CertificateOf(qlik.Describe(f.Role, f.Cert, f.HasPrivateKey)),
			FriendlyName: f.FriendlyName,
		})
	}
	return out
}
