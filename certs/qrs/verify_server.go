package qrs

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"net"
	"strings"
	"time"

	"qscert/certs/coded"
	"qscert/certs/qlik"
)

// verifyServer returns the check a connection test runs on the server's
// certificate, in tls.Config.VerifyConnection. It is the whole
// verification, not an addition to Go's: the leaf must be signed by the
// pinned root (the signature itself, see qlik.SignedBy, because Qlik's CA
// has no basicConstraints), name it as issuer, be valid at now, and name
// host in a SAN or in its CN (Qlik's older server certificates have only a
// CN, which Go's VerifyHostname ignores). Its errors are coded, so that the
// diagnosis tells "we refused the server" from every other failure.
func verifyServer(root *x509.Certificate, host string, now func() time.Time) func(tls.ConnectionState) error {
	return func(cs tls.ConnectionState) error {
		if len(cs.PeerCertificates) == 0 {
			return untrusted(ReasonNoCertificate, host, nil, root)
		}
		leaf := cs.PeerCertificates[0]
		// Qlik issues server certificates straight from the site's root, so
		// no intermediate is accepted: a chain would need CA checks that
		// Qlik's own root could not pass anyway.
		if !qlik.IssuedBy(leaf, root) {
			return untrusted(ReasonNotSignedByRoot, host, leaf, root)
		}
		if !qlik.SignedBy(leaf, root) {
			// Same issuer name, another key: the site's certificates were
			// recreated (the CN is the central node's name both times).
			return untrusted(ReasonRootRecreated, host, leaf, root)
		}
		if weakSignature(leaf.SignatureAlgorithm) {
			// CheckSignature accepts SHA-1 (only Verify refuses it), and a
			// SHA-1 signature can be forged: a Qlik server never has one.
			e := coded.New(CodeTLSWeakSignature, errors.New("server certificate signed with "+leaf.SignatureAlgorithm.String()),
				"host", host, "algorithm", leaf.SignatureAlgorithm.String())
			e.Params["subject"] = leaf.Subject.CommonName
			return e
		}
		if !forServerAuth(leaf) {
			return untrusted(ReasonNotForServer, host, leaf, root)
		}
		t := now()
		if t.After(leaf.NotAfter) {
			return untrusted(ReasonExpired, host, leaf, root)
		}
		if t.Before(leaf.NotBefore) {
			return untrusted(ReasonNotYetValid, host, leaf, root)
		}
		if !namesHost(leaf, host) {
			names := qlik.CertificateNames(leaf)
			return coded.New(CodeTLSHostMismatch, errors.New("server certificate does not name "+host),
				"host", host, "names", strings.Join(names, ", "), "suggest", suggestHost(names, host))
		}
		return nil
	}
}

func untrusted(reason, host string, leaf, root *x509.Certificate) error {
	e := coded.New(CodeTLSUntrustedServer, errors.New("server certificate refused: "+reason),
		"reason", reason, "host", host, "root", root.Subject.CommonName)
	if leaf != nil {
		e.Params["subject"] = leaf.Subject.CommonName
		e.Params["issuer"] = leaf.Issuer.CommonName
		e.Params["from"] = leaf.NotBefore.UTC().Format(time.DateOnly)
		e.Params["to"] = leaf.NotAfter.UTC().Format(time.DateOnly)
	}
	return e
}

// namesHost reports whether the certificate is for host, exactly, as RFC
// 6125 says: a SAN as Go checks them (wildcards included), and the CN only
// when the certificate has no DNS SAN at all (Qlik's older server
// certificates name their host in the CN alone). Unlike qlik.SameHost, a
// short name does not match an FQDN: the products whose connection this
// test stands for would refuse that, so neither do we.
func namesHost(leaf *x509.Certificate, host string) bool {
	if leaf.VerifyHostname(host) == nil {
		return true
	}
	if len(leaf.DNSNames) > 0 {
		return false // RFC 6125 6.4.4: with DNS-IDs present, the CN is not looked at
	}
	return qlik.SameName(leaf.Subject.CommonName, host)
}

// weakSignature reports a signature algorithm that can be forged.
func weakSignature(a x509.SignatureAlgorithm) bool {
	switch a {
	case x509.MD2WithRSA, x509.MD5WithRSA, x509.SHA1WithRSA, x509.DSAWithSHA1, x509.ECDSAWithSHA1:
		return true
	}
	return false
}

// forServerAuth reports whether the certificate may serve TLS: a key usage,
// when there is one, must allow digitalSignature or keyEncipherment, and
// an extended key usage, when there is one, must allow serverAuth (or any
// purpose). Qlik's server certificates have neither, which allows all.
func forServerAuth(c *x509.Certificate) bool {
	if c.KeyUsage != 0 && c.KeyUsage&(x509.KeyUsageDigitalSignature|x509.KeyUsageKeyEncipherment) == 0 {
		return false
	}
	if len(c.ExtKeyUsage) == 0 && len(c.UnknownExtKeyUsage) == 0 {
		return true
	}
	for _, u := range c.ExtKeyUsage {
		if u == x509.ExtKeyUsageServerAuth || u == x509.ExtKeyUsageAny {
			return true
		}
	}
	return false
}

// suggestHost picks the name to connect with instead of host: the FQDN
// whose short form was typed if there is one, else the first name of the
// certificate that is not a wildcard (the CN comes first).
func suggestHost(names []string, host string) string {
	for _, n := range names {
		if !strings.Contains(n, "*") && qlik.SameHost(n, host) {
			return n
		}
	}
	for _, n := range names {
		if !strings.Contains(n, "*") && net.ParseIP(n) == nil {
			return n
		}
	}
	if len(names) > 0 {
		return names[0]
	}
	return ""
}
