package install

import (
	"bytes"
	"crypto/x509"
	"encoding/asn1"

	"qscert/certs/coded"
	"qscert/certs/export"
	"qscert/certs/qlik"
	"qscert/certs/store"
)

// Class says what an install does with a certificate already in a store.
type Class string

const (
	// ClassSame is a certificate of the new export: nothing to do.
	ClassSame Class = "same"
	// ClassReplaced is an older Qlik certificate of the same site: it is
	// backed up and removed.
	ClassReplaced Class = "replaced"
	// ClassOtherSite is a Qlik certificate of another Qlik site; a machine
	// may talk to several sites, so it is kept.
	ClassOtherSite Class = "other-site"
	// ClassQlik is a Qlik certificate, when no export is given to compare.
	ClassQlik Class = "qlik"
	// ClassUnrelated is not a Qlik certificate and is never touched.
	ClassUnrelated Class = "unrelated"
)

// Found is a certificate found in a store, with what it is.
type Found struct {
	store.Entry
	Cert  *x509.Certificate // nil when unrelated and not parsed
	Class Class
	Role  qlik.Role // the Qlik role, for Qlik certificates
}

// Quick byte patterns that a Qlik certificate's DER must contain: the role
// extension's OID, the QlikClient name, or the "-CA" of a Qlik root's name.
// Certificates with none of them are unrelated without being parsed, which
// keeps classifying a store of 10,000 certificates fast.
var (
	qlikOIDDER, _  = asn1.Marshal(qlik.OIDRole)
	qlikClientName = []byte(qlik.ClientName)
	caSuffix       = []byte("-CA")
)

func mayBeQlik(raw []byte) bool {
	return bytes.Contains(raw, qlikOIDDER) || bytes.Contains(raw, qlikClientName) || bytes.Contains(raw, caSuffix)
}

// qlikRoleOf tells whether c is a Qlik certificate and its role, from c
// alone: the Qlik extension, or the QlikClient name. A "-CA" root without
// the extension is decided by isQlikRoot, which needs the other
// certificates: Active Directory CAs are named "<domain>-<server>-CA" too.
func qlikRoleOf(c *x509.Certificate) (qlik.Role, bool) {
	if r, ok := qlik.RoleOf(c); ok && r != "" {
		return r, true
	}
	if c.Subject.CommonName == qlik.ClientName {
		return qlik.RoleClient, true
	}
	return "", false
}

// isQlikRoot tells whether a self-signed "-CA" certificate without the
// Qlik extension is a Qlik root: it issued a Qlik certificate found in the
// stores, or it names the same site as what is being installed.
func isQlikRoot(c *x509.Certificate, issuers map[string]bool, ref *reference) bool {
	if _, ok := qlik.SiteOfRoot(c); !ok || !qlik.SelfSigned(c) {
		return false
	}
	if issuers[string(c.RawSubject)] {
		return true
	}
	if ref != nil {
		mine := siteOf(c, qlik.RoleRoot)
		for _, s := range ref.sites {
			if mine.sameSite(s) {
				return true
			}
		}
	}
	return false
}

// Classify lists every certificate in qscert's locations of s and says what
// installing exp would do with it. With a nil exp, Qlik certificates are
// ClassQlik and the rest unrelated.
func Classify(exp *export.Export, s store.Store) ([]Found, error) {
	var ref *reference
	if exp != nil {
		ref = referenceOfExport(exp)
	}
	return classifyStore(ref, s)
}

// reference is what classification compares with: the certificates being
// installed and the sites (CA names) they belong to.
type reference struct {
	same  map[string]qlik.Role // DER -> role; a map lookup on the bytes costs less than a thumbprint
	sites []site
}

// site is a Qlik site as seen from a certificate: the DER name of its CA and
// the central node name in it.
type site struct {
	caName []byte
	node   string
}

func referenceOfExport(exp *export.Export) *reference {
	ref := &reference{same: map[string]qlik.Role{}}
	for _, c := range exp.Certificates() {
		ref.same[string(c.X509.Raw)] = c.Role
	}
	if exp.Root != nil {
		ref.sites = append(ref.sites, siteOf(exp.Root.X509, qlik.RoleRoot))
	}
	return ref
}

// siteOf is the site a Qlik certificate belongs to: a root is its own CA,
// the others name theirs as issuer.
func siteOf(c *x509.Certificate, role qlik.Role) site {
	if role == qlik.RoleRoot {
		node, _ := qlik.SiteOfCAName(c.Subject.CommonName)
		return site{c.RawSubject, node}
	}
	node, _ := qlik.SiteOfCAName(c.Issuer.CommonName)
	return site{c.RawIssuer, node}
}

// sameSite tells whether two sites are one: the same CA name (a recreated CA
// keeps its name), or the same central node.
func (a site) sameSite(b site) bool {
	return bytes.Equal(a.caName, b.caName) || (a.node != "" && qlik.SameHost(a.node, b.node))
}

func classifyStore(ref *reference, s store.Store) ([]Found, error) {
	var out []Found
	for _, loc := range store.Locations {
		entries, err := s.List(loc)
		if coded.CodeOf(err) == store.CodeStoreMissing {
			continue // a store without that location holds nothing there
		}
		if err != nil {
			return nil, err
		}
		for _, e := range entries {
			out = append(out, classify(ref, e))
		}
	}
	// A second look at the "-CA" roots without the Qlik extension, now that
	// the issuers of every Qlik certificate are known.
	issuers := map[string]bool{}
	for _, f := range out {
		if f.Role == qlik.RoleClient || f.Role == qlik.RoleServer {
			issuers[string(f.Cert.RawIssuer)] = true
		}
	}
	for i, f := range out {
		if f.Class == ClassUnrelated && f.Cert != nil && isQlikRoot(f.Cert, issuers, ref) {
			out[i].Role = qlik.RoleRoot
			out[i].Class = classOfQlik(ref, f.Cert, qlik.RoleRoot)
		}
	}
	return out, nil
}

// classify decides what an entry is from the entry alone; classifyStore
// finishes the job for roots without the Qlik extension.
func classify(ref *reference, e store.Entry) Found {
	f := Found{Entry: e, Class: ClassUnrelated}
	if ref != nil {
		if role, ok := ref.same[string(e.Raw)]; ok {
			f.Class, f.Role = ClassSame, role
			f.Cert, _ = e.Certificate()
			return f
		}
	}
	if !mayBeQlik(e.Raw) {
		return f
	}
	cert, err := e.Certificate()
	if err != nil {
		return f // Go cannot read it, so it is not one qscert made or replaces
	}
	f.Cert = cert
	if role, ok := qlikRoleOf(cert); ok {
		f.Role = role
		f.Class = classOfQlik(ref, cert, role)
	}
	return f
}

// classOfQlik places a Qlik certificate relative to what is installed.
func classOfQlik(ref *reference, cert *x509.Certificate, role qlik.Role) Class {
	if ref == nil {
		return ClassQlik
	}
	mine := siteOf(cert, role)
	for _, s := range ref.sites {
		if mine.sameSite(s) {
			return ClassReplaced
		}
	}
	return ClassOtherSite
}
