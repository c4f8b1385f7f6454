// Package certstest makes Qlik-like certificate exports at test time, good
// or broken, in both QMC formats. No private key is ever committed: tests,
// the demo mode and the benchmarks generate what they need.
package certstest

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"fmt"
	"math/big"
	"time"

	"qscert/certs/qlik"
)

// Style chooses how closely certificates copy real Qlik ones.
type Style string

const (
	// StyleLegacy matches real Qlik Sense certificates: no basicConstraints,
	// no keyUsage, no extended key usage, the Qlik role extension, 16-byte
	// serial numbers with a leading 00, CN=<host>-CA for the root.
	StyleLegacy Style = "legacy"
	// StyleModern adds what OpenSSL and other TLS peers insist on:
	// basicConstraints CA:TRUE on the root, key usages, extended key usages
	// and a DNS SAN on the server certificate.
	StyleModern Style = "modern"
)

// KeyBits is the RSA size Qlik uses.
const KeyBits = 2048

// Site is a Qlik Sense site, that is its certificate authority.
type Site struct {
	Host    string // central node FQDN; the root is CN=<Host>-CA
	Style   Style
	Root    *x509.Certificate
	RootKey *rsa.PrivateKey
	Now     time.Time // the reference time certificates are dated from
}

// Issued is a certificate with its key.
type Issued struct {
	Cert *x509.Certificate
	Key  *rsa.PrivateKey
}

// NewSite makes a site whose root is valid from a day before now for ten
// years, like the root a Qlik Sense install creates.
func NewSite(host string, style Style, now time.Time) (*Site, error) {
	return NewSiteValid(host, style, now, now.Add(-24*time.Hour), now.AddDate(10, 0, 0))
}

// NewKey makes an RSA key.
func NewKey(bits int) (*rsa.PrivateKey, error) {
	return rsa.GenerateKey(rand.Reader, bits)
}

// Issue signs a certificate for role with the site's root.
func (s *Site) Issue(role qlik.Role, cn string, notBefore, notAfter time.Time) (*Issued, error) {
	key, err := NewKey(KeyBits)
	if err != nil {
		return nil, err
	}
	return s.IssueWithKey(role, cn, key, notBefore, notAfter)
}

// IssueWithKey signs a certificate for an existing key.
func (s *Site) IssueWithKey(role qlik.Role, cn string, key *rsa.PrivateKey, notBefore, notAfter time.Time) (*Issued, error) {
	return s.IssueWithTemplate(role, cn, key, notBefore, notAfter, nil)
}

// IssueWithTemplate signs a certificate for an existing key, with the
// site's template changed first (an extended key usage Qlik never sets).
func (s *Site) IssueWithTemplate(role qlik.Role, cn string, key *rsa.PrivateKey, notBefore, notAfter time.Time, change func(*x509.Certificate)) (*Issued, error) {
	c, err := s.issue(role, cn, &key.PublicKey, notBefore, notAfter, change)
	if err != nil {
		return nil, err
	}
	return &Issued{Cert: c, Key: key}, nil
}

// IssueFor signs a certificate for any public key (ECDSA, Ed25519), which
// the QMC never issues.
func (s *Site) IssueFor(role qlik.Role, cn string, pub any, notBefore, notAfter time.Time) (*x509.Certificate, error) {
	return s.issue(role, cn, pub, notBefore, notAfter, nil)
}

func (s *Site) issue(role qlik.Role, cn string, pub any, notBefore, notAfter time.Time, change func(*x509.Certificate)) (*x509.Certificate, error) {
	tmpl, err := s.template(role, cn, notBefore, notAfter)
	if err != nil {
		return nil, err
	}
	if change != nil {
		change(tmpl)
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, s.Root, pub, s.RootKey)
	if err != nil {
		return nil, err
	}
	return x509.ParseCertificate(der)
}

// ReissueRoot makes the site's root again, with the same key, name and
// validity and the template changed: certificates the site issued still
// verify against it.
func (s *Site) ReissueRoot(change func(*x509.Certificate)) (*x509.Certificate, error) {
	tmpl, err := s.template(qlik.RoleRoot, s.Root.Subject.CommonName, s.Root.NotBefore, s.Root.NotAfter)
	if err != nil {
		return nil, err
	}
	change(tmpl)
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &s.RootKey.PublicKey, s.RootKey)
	if err != nil {
		return nil, err
	}
	return x509.ParseCertificate(der)
}

// qlikSerial makes a 16-byte serial number with a leading 00, as Qlik's: a
// 15-byte number whose top bit is set, so DER needs the 00 to keep it
// positive.
func qlikSerial() (*big.Int, error) {
	b := make([]byte, 15)
	if _, err := rand.Read(b); err != nil {
		return nil, err
	}
	b[0] |= 0x80
	return new(big.Int).SetBytes(b), nil
}

func qlikRoleExtension(role qlik.Role) (pkix.Extension, error) {
	name := map[qlik.Role]string{qlik.RoleRoot: "Root", qlik.RoleClient: "Client", qlik.RoleServer: "Server"}[role]
	value, err := asn1.Marshal([]byte(name))
	return pkix.Extension{Id: qlik.OIDRole, Value: value}, err
}

func (s *Site) template(role qlik.Role, cn string, notBefore, notAfter time.Time) (*x509.Certificate, error) {
	serial, err := qlikSerial()
	if err != nil {
		return nil, err
	}
	ext, err := qlikRoleExtension(role)
	if err != nil {
		return nil, err
	}
	t := &x509.Certificate{
		SerialNumber:       serial,
		Subject:            pkix.Name{CommonName: cn},
		NotBefore:          notBefore,
		NotAfter:           notAfter,
		SignatureAlgorithm: x509.SHA256WithRSA,
		ExtraExtensions:    []pkix.Extension{ext},
	}
	switch s.Style {
	case StyleLegacy:
		// Nothing else: real Qlik certificates carry no constraints at all.
	case StyleModern:
		t.BasicConstraintsValid = true
		switch role {
		case qlik.RoleRoot:
			t.IsCA = true
			t.KeyUsage = x509.KeyUsageCertSign | x509.KeyUsageCRLSign
		case qlik.RoleClient:
			t.KeyUsage = x509.KeyUsageDigitalSignature | x509.KeyUsageKeyEncipherment
			t.ExtKeyUsage = []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth}
		case qlik.RoleServer:
			t.KeyUsage = x509.KeyUsageDigitalSignature | x509.KeyUsageKeyEncipherment
			t.ExtKeyUsage = []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth, x509.ExtKeyUsageClientAuth}
			t.DNSNames = []string{cn}
		}
	default:
		return nil, fmt.Errorf("certstest: unknown style %q", s.Style)
	}
	return t, nil
}

// NewSiteValid makes a site whose root is valid between the given times,
// to make expired or not-yet-valid roots.
func NewSiteValid(host string, style Style, now, notBefore, notAfter time.Time) (*Site, error) {
	key, err := NewKey(KeyBits)
	if err != nil {
		return nil, err
	}
	s := &Site{Host: host, Style: style, RootKey: key, Now: now}
	tmpl, err := s.template(qlik.RoleRoot, host+"-CA", notBefore, notAfter)
	if err != nil {
		return nil, err
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return nil, err
	}
	s.Root, err = x509.ParseCertificate(der)
	return s, err
}
