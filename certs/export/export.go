package export

import (
	"crypto"
	"crypto/x509"

	"qscert/certs/finding"
	"qscert/certs/qlik"
)

// MaxFileSize is the largest file LoadExport reads. Real export files are a
// few kilobytes; anything larger is refused before it is parsed.
const MaxFileSize = 1 << 20

// Certificate is one certificate of an export, with its private key when the
// export holds one.
type Certificate struct {
	Role    qlik.Role
	X509    *x509.Certificate
	Key     crypto.PrivateKey // nil when the export has no key for it
	File    string            // name of the file that held the certificate
	KeyFile string            // name of the file that held the key, if any
}

// Export is what was read from a QMC export: the certificates found, by
// role, and the problems met while reading the files.
type Export struct {
	Dir      string
	Format   qlik.Format
	Root     *Certificate
	Client   *Certificate
	Server   *Certificate
	Files    []string          // the files that were read, by name
	Findings []finding.Finding // problems met while reading; Validate adds its own
}

// Certificates returns the certificates present, root first.
func (e *Export) Certificates() []*Certificate {
	var out []*Certificate
	for _, c := range []*Certificate{e.Root, e.Client, e.Server} {
		if c != nil {
			out = append(out, c)
		}
	}
	return out
}

// ByRole returns the certificate of a role, or nil.
func (e *Export) ByRole(r qlik.Role) *Certificate {
	switch r {
	case qlik.RoleRoot:
		return e.Root
	case qlik.RoleClient:
		return e.Client
	case qlik.RoleServer:
		return e.Server
	}
	return nil
}

func (e *Export) setRole(r qlik.Role, c *Certificate) {
	switch r {
	case qlik.RoleRoot:
		e.Root = c
	case qlik.RoleClient:
		e.Client = c
	case qlik.RoleServer:
		e.Server = c
	}
}
