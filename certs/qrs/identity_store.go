package qrs

import (
	"time"

	"qscert/certs"
	"qscert/certs/coded"
	"qscert/certs/store"
)

// clientLocations are searched in this order: a third-party product's
// service user needs QlikClient in its CurrentUser\My, or in
// LocalMachine\My with read access to the key.
var clientLocations = []store.Location{store.CurrentUserMy, store.LocalMachineMy}

// rootLocations hold the root: LocalMachine\Root is where Qlik puts it.
var rootLocations = []store.Location{store.LocalMachineRoot, store.CurrentUserRoot}

// IdentityFromStore finds, in the stores, a QlikClient certificate with a
// private key and the Qlik root that signed it. The key stays in the store:
// Signer signs through it, so a non-exportable Windows key works. When
// several clients qualify it takes the one valid at now that was issued
// last, as that is the one a fresh install left behind.
func IdentityFromStore(s store.Store, now time.Time) (*Identity, error) {
	roots := listAll(s, rootLocations)
	var best *store.Entry
	var bestRoot store.Entry
	clientSeen := false
	for _, e := range listAll(s, clientLocations) {
		if !e.HasPrivateKey || !isQlikClient(e) {
			continue
		}
		clientSeen = true
		root, ok := rootOf(e, roots)
		if !ok {
			continue
		}
		if best == nil || better(e, *best, now) {
			e := e
			best, bestRoot = &e, root
		}
	}
	if best == nil {
		if clientSeen {
			return nil, coded.New(CodeStoreNoRoot, nil, "store", s.Name())
		}
		return nil, coded.New(CodeStoreNoClient, nil, "store", s.Name())
	}
	signer, err := s.Signer(best.Location, best.Thumbprint())
	if err != nil {
		return nil, err // key-unreadable, no-key...: the store's own code says why
	}
	return &Identity{Client: best.Certificate, Signer: signer, Root: bestRoot.Certificate, Source: s.Name()}, nil
}

// listAll lists the locations that exist; a store that lacks one (a
// folder store without CurrentUser\Root) simply has nothing there.
func listAll(s store.Store, locs []store.Location) []store.Entry {
	var out []store.Entry
	for _, loc := range locs {
		entries, err := s.List(loc)
		if err != nil {
			continue
		}
		out = append(out, entries...)
	}
	return out
}

func isQlikClient(e store.Entry) bool {
	if role, ok := certs.QlikRole(e.Certificate); ok && role != "" {
		return role == certs.RoleClient
	}
	return e.Certificate.Subject.CommonName == certs.QlikClientName
}

func rootOf(client store.Entry, roots []store.Entry) (store.Entry, bool) {
	for _, r := range roots {
		if certs.IssuedBy(client.Certificate, r.Certificate) && certs.SignedBy(client.Certificate, r.Certificate) && certs.SelfSigned(r.Certificate) {
			return r, true
		}
	}
	return store.Entry{}, false
}

// better prefers a certificate valid at now, then the most recently issued.
func better(a, b store.Entry, now time.Time) bool {
	va, vb := validAt(a, now), validAt(b, now)
	if va != vb {
		return va
	}
	return a.Certificate.NotBefore.After(b.Certificate.NotBefore)
}

func validAt(e store.Entry, now time.Time) bool {
	return !now.Before(e.Certificate.NotBefore) && !now.After(e.Certificate.NotAfter)
}
