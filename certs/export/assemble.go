package export

import (
	"bytes"
	"crypto"
	"crypto/x509"
	"path/filepath"
	"slices"
	"strings"

	"qscert/certs/coded"
	"qscert/certs/finding"
	"qscert/certs/qlik"
)

// assembly gathers what the files of an export hold and decides which
// certificate plays which role.
type assembly struct {
	certs    []fileCert // certificates the files are about, in file order
	chain    []fileCert // certificates found inside a PFX besides its own
	keys     []fileKey
	failedAs map[qlik.Role]bool // roles whose file could not be read
	exts     map[string]bool
	hasCerts map[string]bool // files that held a certificate
	files    []string
	findings []finding.Finding
}

type fileCert struct {
	file string
	cert *x509.Certificate
}

type fileKey struct {
	file string
	key  crypto.PrivateKey
}

func newAssembly() *assembly {
	return &assembly{failedAs: map[qlik.Role]bool{}, exts: map[string]bool{}, hasCerts: map[string]bool{}}
}

func (a *assembly) failed(hint qlik.Role, f finding.Finding) {
	a.findings = append(a.findings, f)
	a.files = append(a.files, f.File)
	if hint != "" {
		a.failedAs[hint] = true
	} else {
		a.failedAs[""] = true
	}
}

func (a *assembly) add(file string, p *parsed) {
	a.files = append(a.files, file)
	a.exts[strings.ToLower(filepath.Ext(file))] = true
	for _, c := range p.certs {
		a.certs = append(a.certs, fileCert{file, c})
		a.hasCerts[file] = true
	}
	for _, c := range p.chain {
		a.chain = append(a.chain, fileCert{file, c})
	}
	for _, k := range p.keys {
		a.keys = append(a.keys, fileKey{file, k})
	}
}

// roleOf decides a certificate's role from its content: Qlik's role
// extension first, then the shape (a CA is a root, QlikClient is the
// client), and the file name only when the content says nothing.
//
// A CA is what is self-issued, what says CA:TRUE or may sign certificates,
// or what issued another certificate of the export: an intermediate CA put
// in root.pem is then taken for the root it pretends to be, and reported as
// not self-signed, rather than taken for a server certificate.
func roleOf(c *x509.Certificate, hint qlik.Role, issuesOthers bool) qlik.Role {
	if r, ok := qlik.RoleOf(c); ok && r != "" {
		return r
	}
	if qlik.IssuedBy(c, c) || issuesOthers {
		return qlik.RoleRoot
	}
	if c.BasicConstraintsValid && c.IsCA || c.KeyUsage&x509.KeyUsageCertSign != 0 {
		return qlik.RoleRoot
	}
	if c.Subject.CommonName == qlik.ClientName {
		return qlik.RoleClient
	}
	if hint == qlik.RoleClient || hint == qlik.RoleServer {
		return hint
	}
	return qlik.RoleServer
}

// issuesOthers reports whether c is the issuer named by another certificate
// of the export.
func (a *assembly) issuesOthers(c *x509.Certificate) bool {
	for _, other := range append(append([]fileCert(nil), a.certs...), a.chain...) {
		if other.cert != c && !bytes.Equal(other.cert.Raw, c.Raw) && qlik.IssuedBy(other.cert, c) {
			return true
		}
	}
	return false
}

func (a *assembly) export() *Export {
	exp := &Export{Files: a.files, Findings: a.findings}
	exp.Format = a.format()

	for _, fc := range a.certs {
		hint := nameHint(fc.file)
		role := roleOf(fc.cert, hint, a.issuesOthers(fc.cert))
		current := exp.ByRole(role)
		sameFile := current != nil && current.File == fc.file
		if hint != "" && hint != role && !sameFile {
			exp.Findings = append(exp.Findings, newFinding(CodeSwappedFiles, role, fc.file, "expected", string(hint)))
		}
		switch {
		case current == nil:
			exp.setRole(role, &Certificate{Role: role, X509: fc.cert, File: fc.file})
		case bytes.Equal(current.X509.Raw, fc.cert.Raw):
			if !sameFile { // the same certificate twice in one file changes nothing
				exp.Findings = append(exp.Findings, newFinding(CodeDuplicateFiles, role, fc.file, "other", current.File))
			}
		case sameFile:
			exp.Findings = append(exp.Findings, newFinding(CodeConflictingInFile, role, fc.file,
				"first", current.X509.Subject.String(), "second", fc.cert.Subject.String()))
		default:
			exp.Findings = append(exp.Findings, newFinding(CodeConflictingFiles, role, fc.file, "other", current.File))
		}
	}
	// A PFX may carry the root in its chain; use it when no root file came.
	if exp.Root == nil {
		for _, fc := range a.chain {
			if roleOf(fc.cert, "", a.issuesOthers(fc.cert)) == qlik.RoleRoot {
				exp.Root = &Certificate{Role: qlik.RoleRoot, X509: fc.cert, File: fc.file}
				break
			}
		}
	}

	mismatchedKey := map[qlik.Role]bool{}
	for _, fk := range a.keys {
		owner := a.ownerOf(exp, fk.key)
		if owner == nil {
			role := nameHint(fk.file)
			mismatchedKey[role] = true
			if a.failedAs[role] && role != "" {
				// Its certificate could not be read and is already
				// reported; the key has nothing to match.
				continue
			}
			exp.Findings = append(exp.Findings, newFinding(CodeKeyMismatch, role, fk.file))
			continue
		}
		if hint := nameHint(fk.file); hint != "" && hint != owner.Role && hint != nameHint(owner.File) && !a.hasCerts[fk.file] {
			// client_key.pem holding the server's key, while server.pem
			// holds the server certificate: the client has no key, and the
			// advice is to copy that file again, not to tick "Include
			// secret key". (client.pem and client_key.pem both holding the
			// server's are a swapped pair, which swapped-files reports.)
			mismatchedKey[hint] = true
			f := newFinding(CodeKeyMismatch, hint, fk.file, "reason", "key-of-"+string(owner.Role))
			if hint == qlik.RoleServer {
				f.Severity = coded.SeverityWarning // only Qlik nodes need the server key
			}
			exp.Findings = append(exp.Findings, f)
		}
		if owner.Key == nil {
			owner.Key = fk.key
			owner.KeyFile = fk.file
		}
	}

	a.missing(exp, mismatchedKey)
	exp.Findings = mergePasswordFindings(exp.Findings)
	return exp
}

// passwordCodes are the findings about the export's one password: the QMC
// asks for a single password for every file, so a wrong one is said once,
// naming the files, rather than once per file.
var passwordCodes = []coded.Code{CodeWrongPassword, CodePasswordRequired, CodePasswordUnsupported}

func mergePasswordFindings(findings []finding.Finding) []finding.Finding {
	var out []finding.Finding
	merged := map[coded.Code]int{} // code -> index in out
	for _, f := range findings {
		if !slices.Contains(passwordCodes, f.Code) {
			out = append(out, f)
			continue
		}
		i, seen := merged[f.Code]
		if !seen {
			merged[f.Code] = len(out)
			out = append(out, f)
			continue
		}
		m := &out[i]
		if m.Role != f.Role {
			m.Role = ""
			delete(m.Params, "role")
		}
		m.File = ""
		m.Params["file"] += ", " + f.Params["file"]
		if f.Params["detail"] != m.Params["detail"] {
			delete(m.Params, "detail")
		}
	}
	return out
}

// ownerOf finds the certificate whose public key matches key.
func (a *assembly) ownerOf(exp *Export, key crypto.PrivateKey) *Certificate {
	signer, ok := key.(crypto.Signer)
	if !ok {
		return nil
	}
	pub, ok := signer.Public().(interface{ Equal(crypto.PublicKey) bool })
	if !ok {
		return nil
	}
	for _, c := range exp.Certificates() {
		if pub.Equal(c.X509.PublicKey) {
			return c
		}
	}
	return nil
}

// missing reports what a complete export would have and this one lacks.
func (a *assembly) missing(exp *Export, mismatchedKey map[qlik.Role]bool) {
	if len(exp.Certificates()) == 0 {
		if len(a.failedAs) == 0 {
			exp.Findings = append(exp.Findings, newFinding(CodeNoCertificates, "", ""))
		}
		return
	}
	if exp.Root == nil && !a.failedAs[qlik.RoleRoot] {
		exp.Findings = append(exp.Findings, newFinding(CodeFileMissing, qlik.RoleRoot, qlik.CertificateFile(qlik.RoleRoot, exp.Format)))
	}
	if exp.Client == nil && !a.failedAs[qlik.RoleClient] {
		exp.Findings = append(exp.Findings, newFinding(CodeFileMissing, qlik.RoleClient, qlik.CertificateFile(qlik.RoleClient, exp.Format)))
	}
	if exp.Server == nil && !a.failedAs[qlik.RoleServer] && exp.Root != nil && exp.Client != nil {
		exp.Findings = append(exp.Findings, newFinding(CodePartialExport, qlik.RoleServer, qlik.CertificateFile(qlik.RoleServer, exp.Format)))
	}
	if c := exp.Client; c != nil && c.Key == nil && !mismatchedKey[qlik.RoleClient] && !a.failedAs[qlik.RoleClient] {
		exp.Findings = append(exp.Findings, newFinding(CodeNoPrivateKey, qlik.RoleClient, c.File))
	}
	if c := exp.Server; c != nil && c.Key == nil && !mismatchedKey[qlik.RoleServer] && !a.failedAs[qlik.RoleServer] {
		f := newFinding(CodeNoPrivateKey, qlik.RoleServer, c.File)
		f.Severity = coded.SeverityInfo // only Qlik nodes need the server key
		exp.Findings = append(exp.Findings, f)
	}
}

func (a *assembly) format() qlik.Format {
	pem := a.exts[".pem"] || a.exts[".key"] || a.exts[".crt"]
	win := a.exts[".pfx"] || a.exts[".p12"] || a.exts[".cer"] || a.exts[".der"]
	switch {
	case pem && win:
		return qlik.FormatMixed
	case pem:
		return qlik.FormatPEM
	case win:
		return qlik.FormatWindows
	}
	return qlik.FormatNone
}
