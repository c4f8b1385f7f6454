package certs

import (
	"crypto/x509"
	"net"
	"strings"
)

// SameHost compares two machine names the way an administrator means them:
// case-insensitively, ignoring a trailing dot, and a short name matches an
// FQDN whose first label it is ("qlik" matches "qlik.corp.example").
// IP addresses match only themselves.
func SameHost(a, b string) bool {
	a = normalizeHost(a)
	b = normalizeHost(b)
	if a == "" || b == "" {
		return false
	}
	if a == b {
		return true
	}
	if net.ParseIP(a) != nil || net.ParseIP(b) != nil {
		return false
	}
	aShort := !strings.Contains(a, ".")
	bShort := !strings.Contains(b, ".")
	if aShort == bShort {
		return false // two FQDNs, or two short names, that differ
	}
	return firstLabel(a) == firstLabel(b)
}

func normalizeHost(h string) string {
	return strings.TrimSuffix(strings.ToLower(strings.TrimSpace(h)), ".")
}

func firstLabel(h string) string {
	if i := strings.IndexByte(h, '.'); i >= 0 {
		return h[:i]
	}
	return h
}

// CertificateNames returns the names a certificate is for: its CN first, then
// its DNS and IP SANs. Qlik's older certificates carry the name only in the CN.
func CertificateNames(c *x509.Certificate) []string {
	var names []string
	if c.Subject.CommonName != "" {
		names = append(names, c.Subject.CommonName)
	}
	names = append(names, c.DNSNames...)
	for _, ip := range c.IPAddresses {
		names = append(names, ip.String())
	}
	return names
}

// CertificateNamesHost reports whether any of the certificate's names (CN
// included, unlike Go's VerifyHostname) is the same host as host.
func CertificateNamesHost(c *x509.Certificate, host string) bool {
	for _, n := range CertificateNames(c) {
		if SameHost(n, host) {
			return true
		}
	}
	return false
}
