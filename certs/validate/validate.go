package validate

import (
	"crypto/rsa"
	"net"
	"strconv"
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
	// host name and FQDN). The server certificate's CN should be one of
	// them. Empty skips machine-mismatch.
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
		days := int(x.NotAfter.Sub(now).Hours() / 24)
		return []finding.Finding{newFinding(CodeExpiresSoon, c.Role, c.File, "date", day(x.NotAfter), "days", strconv.Itoa(days))}
	}
	return nil
}

func checkKey(c *export.Certificate) []finding.Finding {
	if k, ok := c.X509.PublicKey.(*rsa.PublicKey); ok && k.N.BitLen() < 2048 {
		return []finding.Finding{newFinding(CodeWeakKey, c.Role, c.File, "bits", strconv.Itoa(k.N.BitLen()))}
	}
	return nil
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
