package validate

import (
	"crypto/rsa"
	"crypto/x509"
	"net"
	"strconv"
	"strings"
	"time"

	"qscert/certs/export"
	"qscert/certs/finding"
	"qscert/certs/qlik"
)

// ExpiryWarning is how far ahead expires-soon warns.
const ExpiryWarning = 30 * 24 * time.Hour

// Options tell Validate what to compare the export against.
type Options struct {
	// Now is the evaluation time; zero means time.Now().
	Now time.Time
	// Host is the Qlik Sense server the user will connect to. The root's CN
	// (<central node>-CA) should name it; empty skips site-mismatch.
	Host string
	// Machines are the names of the machine the export was made for, as
	// typed into the QMC's "Add machine name" (by default this computer's
	// FQDN, host name and IP addresses: the QMC accepts "the full name of
	// your computer or its IP address"). The server certificate's names
	// should include one of them. Empty skips machine-mismatch.
	Machines []string
}

// Validate checks an export and returns a report: a description of each
// certificate and every finding, those met while loading included.
func Validate(exp *export.Export, opts Options) *Report {
	now := opts.Now
	if now.IsZero() {
		now = time.Now()
	}
	r := &Report{Dir: exp.Dir, Format: exp.Format, CheckedAt: now.UTC()}
	r.Findings = append(r.Findings, exp.Findings...)
	for _, c := range exp.Certificates() {
		r.Certificates = append(r.Certificates, Describe(c))
		r.Findings = append(r.Findings, checkValidity(c, now)...)
		r.Findings = append(r.Findings, checkKey(c)...)
	}
	r.Findings = append(r.Findings, checkChain(exp)...)
	if c := exp.Client; c != nil && c.X509.Subject.CommonName != qlik.ClientName {
		r.Findings = append(r.Findings, newFinding(CodeNotQlikClient, qlik.RoleClient, c.File, "cn", c.X509.Subject.CommonName))
	}
	if c := exp.Client; c != nil {
		r.Findings = append(r.Findings, checkClientUsage(c)...)
	}
	if exp.Root != nil {
		r.Findings = append(r.Findings, checkRootKind(exp.Root))
	}
	r.Findings = append(r.Findings, checkNames(exp, opts)...)
	if r.Findings == nil {
		r.Findings = []finding.Finding{}
	}
	return r
}

func checkValidity(c *export.Certificate, now time.Time) []finding.Finding {
	x := c.X509
	day := func(t time.Time) string { return t.UTC().Format("2006-01-02") }
	switch {
	case now.After(x.NotAfter):
		return []finding.Finding{newFinding(CodeExpired, c.Role, c.File, "date", day(x.NotAfter))}
	case now.Before(x.NotBefore):
		return []finding.Finding{newFinding(CodeNotYetValid, c.Role, c.File, "date", day(x.NotBefore))}
	case x.NotAfter.Sub(now) < ExpiryWarning:
		return []finding.Finding{newFinding(CodeExpiresSoon, c.Role, c.File, "date", day(x.NotAfter), "days", strconv.Itoa(daysUntil(now, x.NotAfter)))}
	}
	return nil
}

// daysUntil counts the calendar days from now to the day of t, both in UTC,
// the zone the date beside it is shown in: with 4 days and 23 hours left,
// the date shown is 5 days ahead, and so is the count. 0 is today, 1
// tomorrow.
func daysUntil(now, t time.Time) int {
	y, m, d := now.UTC().Date()
	from := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	y, m, d = t.UTC().Date()
	to := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	return int(to.Sub(from).Hours()/24 + 0.5)
}

func checkKey(c *export.Certificate) []finding.Finding {
	switch k := c.X509.PublicKey.(type) {
	case *rsa.PublicKey:
		if k.N.BitLen() < 2048 {
			return []finding.Finding{newFinding(CodeWeakKey, c.Role, c.File, "bits", strconv.Itoa(k.N.BitLen()))}
		}
		return nil
	}
	// The QMC issues RSA 2048 only, so these files were not exported by
	// Qlik Sense. OpenSSL and Go read ECDSA and Ed25519 certificates and
	// nothing here proves Qlik Sense refuses them, so it is a warning: the
	// connection test is the proof.
	return []finding.Finding{newFinding(CodeKeyNotRSA, c.Role, c.File, "algorithm", c.X509.PublicKeyAlgorithm.String())}
}

// checkRootKind says which kind of root the site has. Qlik's own roots
// either have no basicConstraints (sites first installed before mid-2019)
// or say CA:TRUE; a root that says CA:FALSE is not one a QMC made, and
// OpenSSL and Windows refuse it as an issuer.
func checkRootKind(root *export.Certificate) finding.Finding {
	x := root.X509
	switch {
	case !x.BasicConstraintsValid:
		return newFinding(CodeRootWithoutBasicConstraints, qlik.RoleRoot, root.File, "cn", x.Subject.CommonName)
	case x.IsCA:
		return newFinding(CodeRootMarkedCA, qlik.RoleRoot, root.File, "cn", x.Subject.CommonName)
	}
	return newFinding(CodeRootNotCA, qlik.RoleRoot, root.File, "cn", x.Subject.CommonName)
}

// checkClientUsage: Qlik's client certificate has no extended key usage,
// which allows every use. One that lists usages without client
// authentication is refused by TLS servers that check it (OpenSSL's
// "unsupported certificate purpose").
func checkClientUsage(c *export.Certificate) []finding.Finding {
	x := c.X509
	if len(x.ExtKeyUsage) == 0 && len(x.UnknownExtKeyUsage) == 0 {
		return nil
	}
	var names []string
	for _, u := range x.ExtKeyUsage {
		if u == x509.ExtKeyUsageClientAuth || u == x509.ExtKeyUsageAny {
			return nil
		}
		names = append(names, extKeyUsageName(u))
	}
	for _, oid := range x.UnknownExtKeyUsage {
		names = append(names, oid.String())
	}
	return []finding.Finding{newFinding(CodeClientNotForClientAuth, qlik.RoleClient, c.File, "usages", strings.Join(names, ", "))}
}

// extKeyUsageName gives the names OpenSSL prints for the usages a
// certificate may list instead of client authentication.
func extKeyUsageName(u x509.ExtKeyUsage) string {
	switch u {
	case x509.ExtKeyUsageServerAuth:
		return "serverAuth"
	case x509.ExtKeyUsageCodeSigning:
		return "codeSigning"
	case x509.ExtKeyUsageEmailProtection:
		return "emailProtection"
	case x509.ExtKeyUsageTimeStamping:
		return "timeStamping"
	case x509.ExtKeyUsageOCSPSigning:
		return "OCSPSigning"
	}
	return "usage " + strconv.Itoa(int(u))
}

// checkChain checks the root and that the client and server come from it.
// Signatures are checked by qlik.SignedBy, which accepts Qlik's real CA
// certificates (no basicConstraints); see signature.go.
func checkChain(exp *export.Export) []finding.Finding {
	root := exp.Root
	if root == nil {
		return nil
	}
	var out []finding.Finding
	if !qlik.SelfSigned(root.X509) {
		out = append(out, newFinding(CodeRootNotSelfSigned, qlik.RoleRoot, root.File, "issuer", root.X509.Issuer.String()))
	}
	for _, c := range []*export.Certificate{exp.Client, exp.Server} {
		if c == nil {
			continue
		}
		switch {
		case !qlik.IssuedBy(c.X509, root.X509):
			out = append(out, newFinding(CodeMixedCA, c.Role, c.File,
				"issuer", c.X509.Issuer.CommonName, "root", root.X509.Subject.CommonName))
		case !qlik.SignedBy(c.X509, root.X509):
			out = append(out, newFinding(CodeNotSignedByRoot, c.Role, c.File, "root", root.X509.Subject.CommonName))
		}
	}
	return out
}

// checkNames compares the export with the machine it is for and the Qlik
// server it should come from. Both are warnings: an alias or a renamed
// machine is common and the connection test is the real proof.
func checkNames(exp *export.Export, opts Options) []finding.Finding {
	var out []finding.Finding
	if s := exp.Server; s != nil && len(opts.Machines) > 0 {
		matched := false
		for _, m := range opts.Machines {
			if qlik.CertificateNamesHost(s.X509, m) {
				matched = true
				break
			}
		}
		if !matched {
			out = append(out, newFinding(CodeMachineMismatch, qlik.RoleServer, s.File,
				"cn", s.X509.Subject.CommonName, "machine", opts.Machines[0]))
		}
	}
	if opts.Host == "" || exp.Root == nil {
		return out
	}
	if net.ParseIP(opts.Host) != nil {
		return append(out, newFinding(CodeHostIsIP, "", "", "host", opts.Host))
	}
	if site, ok := qlik.SiteOfRoot(exp.Root.X509); ok && !qlik.SameHost(site, opts.Host) {
		out = append(out, newFinding(CodeSiteMismatch, qlik.RoleRoot, exp.Root.File, "site", site, "host", opts.Host))
	}
	return out
}
