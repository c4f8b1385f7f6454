// Package store reads and changes certificate stores: the Windows system
// stores (through crypt32), a folder of PEM files (Linux, macOS, the demo
// sandbox, tests) and memory (unit tests). All three pass the same contract
// tests (contract_test.go).
package store

import (
	"crypto"
	"crypto/x509"

	"qscert/certs/qlik"
)

// Scope is whose store: the current user's or the machine's.
type Scope string

const (
	CurrentUser  Scope = "CurrentUser"
	LocalMachine Scope = "LocalMachine"
)

// Location is one store, as Windows names them: LocalMachine\Root is
// {LocalMachine, "Root"}.
type Location struct {
	Scope Scope  `json:"scope"`
	Name  string `json:"name"` // "My" or "Root"
}

var (
	CurrentUserMy    = Location{CurrentUser, "My"}
	CurrentUserRoot  = Location{CurrentUser, "Root"}
	LocalMachineMy   = Location{LocalMachine, "My"}
	LocalMachineRoot = Location{LocalMachine, "Root"}
)

// Locations lists every location qscert reads and changes.
var Locations = []Location{LocalMachineRoot, LocalMachineMy, CurrentUserRoot, CurrentUserMy}

func (l Location) String() string { return string(l.Scope) + `\` + l.Name }

// Valid reports whether l is one of the locations qscert works with.
func (l Location) Valid() bool {
	for _, k := range Locations {
		if k == l {
			return true
		}
	}
	return false
}

// Entry is a certificate held by a store. It keeps the DER bytes and
// parses them only on demand: classifying a store of 10,000 certificates
// needs to parse only the few that may be Qlik's, and a store may hold a
// certificate Go refuses to parse (a negative serial number, say), which
// must not stop anything.
type Entry struct {
	Location      Location
	Raw           []byte // the certificate, DER
	HasPrivateKey bool
	FriendlyName  string
}

// Certificate parses the entry's certificate.
func (e Entry) Certificate() (*x509.Certificate, error) { return x509.ParseCertificate(e.Raw) }

// Thumbprint is the SHA-1 of the certificate in upper-case hex, as Windows
// shows it.
func (e Entry) Thumbprint() string { return qlik.ThumbprintOfDER(e.Raw) }

// Store is one certificate store system. Implementations are not required
// to be safe for concurrent use; callers serialise.
type Store interface {
	// Name says which store this is, for messages and reports:
	// "windows", "folder:/path", "memory".
	Name() string
	// Check reports, before any change, whether loc can be read and, when
	// write is true, changed. It returns a coded error (store-missing,
	// store-read-only, store-access-denied, ...) and changes nothing.
	Check(loc Location, write bool) error
	// List returns the certificates in loc.
	List(loc Location) ([]Entry, error)
	// Add puts cert, and key when not nil, into loc. The key is kept with
	// the certificate (on Windows, in the key container the PFX import
	// creates; the machine key set for LocalMachine). Adding a certificate
	// that is already there is not an error.
	Add(loc Location, cert *x509.Certificate, key crypto.PrivateKey, friendlyName string) error
	// Remove deletes the certificate with that thumbprint from loc, with
	// its key. Removing one that is absent returns cert-not-found.
	Remove(loc Location, thumbprint string) error
	// ExportPFX writes the certificate and its key, when it has one, into
	// a PFX protected by password. A key the store will not export gives
	// key-not-exportable.
	ExportPFX(loc Location, thumbprint, password string) ([]byte, error)
	// Signer returns the certificate's private key as a crypto.Signer
	// that works even when the key cannot be exported (on Windows it signs
	// through CNG), for the TLS connection test. no-private-key when there
	// is none, key-unreadable when this account may not use it. A signer
	// that holds a system handle is also an io.Closer: close it when done
	// (CloseSigner).
	Signer(loc Location, thumbprint string) (crypto.Signer, error)
	Close() error
}

// CloseSigner frees what a signer from Store.Signer holds, if anything.
func CloseSigner(s crypto.Signer) {
	if c, ok := s.(interface{ Close() error }); ok {
		_ = c.Close()
	}
}
