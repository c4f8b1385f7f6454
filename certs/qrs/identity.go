package qrs

import (
	"qscert/certs/export"
	"qscert/certs/finding"
	"qscert/certs/qlik"
	"qscert/certs/store"

	"crypto"
	"crypto/tls"
	"crypto/x509"
	"errors"

	"qscert/certs/coded"
)

// Identity is what a connection test presents and trusts: the client
// certificate with a signer for its key, and the root that is the only CA
// the server's certificate may come from.
type Identity struct {
	Client *x509.Certificate
	Signer crypto.Signer // the client's private key; on Windows it may sign through CNG
	Root   *x509.Certificate
	Source string // where it comes from, for messages: the export folder or the store's name
}

// Close frees what the identity's key holds in a store (a Windows key
// handle); an identity from export files holds nothing.
func (id *Identity) Close() {
	if id != nil && id.Signer != nil {
		store.CloseSigner(id.Signer)
	}
}

// tlsCertificate is the client certificate as crypto/tls presents it. Only
// the leaf is sent: Qlik's servers hold the root already.
func (id *Identity) tlsCertificate() *tls.Certificate {
	return &tls.Certificate{
		Certificate: [][]byte{id.Client.Raw},
		PrivateKey:  id.Signer,
		Leaf:        id.Client,
	}
}

// IdentityFromExport takes the client certificate, its key and the root
// from a loaded export. When one is missing it returns the export's own
// finding about it (wrong-password, file-missing, no-private-key...), which
// says what to do better than a generic error.
func IdentityFromExport(exp *export.Export) (*Identity, error) {
	if exp == nil {
		return nil, coded.New(export.CodeNoCertificates, errors.New("no export"))
	}
	if exp.Root == nil {
		return nil, exportProblem(exp, qlik.RoleRoot, export.CodeFileMissing, qlik.CertificateFile(qlik.RoleRoot, exp.Format))
	}
	if exp.Client == nil {
		return nil, exportProblem(exp, qlik.RoleClient, export.CodeFileMissing, qlik.CertificateFile(qlik.RoleClient, exp.Format))
	}
	if exp.Client.Key == nil {
		return nil, exportProblem(exp, qlik.RoleClient, export.CodeNoPrivateKey, exp.Client.File)
	}
	signer, ok := exp.Client.Key.(crypto.Signer)
	if !ok {
		return nil, coded.New(export.CodeUnknownFormat, errors.New("client key is not a crypto.Signer"), "file", exp.Client.KeyFile)
	}
	return &Identity{Client: exp.Client.X509, Signer: signer, Root: exp.Root.X509, Source: exp.Dir}, nil
}

// exportProblem returns the export's finding that explains why role is
// unusable: the finding of code itself when the loader made one, else the
// first blocking finding about role (wrong-password, file-corrupt...), else
// one about an unreadable file of no known role, else a new finding of code.
func exportProblem(exp *export.Export, role qlik.Role, code coded.Code, file string) error {
	matches := []func(finding.Finding) bool{
		func(f finding.Finding) bool { return f.Role == role && f.Code == code },
		func(f finding.Finding) bool { return f.Role == role && f.Severity == coded.SeverityError },
		func(f finding.Finding) bool { return f.Role == "" && f.Severity == coded.SeverityError },
	}
	for _, match := range matches {
		for _, f := range exp.Findings {
			if match(f) {
				return f.Err()
			}
		}
	}
	return coded.New(code, nil, "file", file, "role", string(role))
}
