package qrs

import (
	"time"

	"qscert/certs/coded"
	"qscert/certs/install"
	"qscert/certs/qlik"
	"qscert/certs/store"
)

// IdentityFromStore finds, in the stores, a QlikClient certificate with a
// private key and the Qlik root that signed it. The key stays in the store:
// Signer signs through it, so a non-exportable Windows key works. When
// several clients qualify it takes the one valid at now that was issued
// last, as that is the one a fresh install left behind.
func IdentityFromStore(s store.Store, now time.Time) (*Identity, error) {
	found, err := install.Classify(nil, s)
	if err != nil {
		return nil, err
	}
	// A third-party product's service user needs QlikClient in its
	// CurrentUser\My, or in LocalMachine\My with read access to the key;
	// the root is in one of the Root stores.
	var roots, clients []install.Found
	for _, f := range found {
		switch {
		case f.Class != install.ClassQlik:
		case f.Role == qlik.RoleRoot && f.Location.Name == "Root":
			roots = append(roots, f)
		case f.Role == qlik.RoleClient && f.Location.Name == "My" && f.HasPrivateKey:
			clients = append(clients, f)
		}
	}
	var best, bestRoot *install.Found
	for i := range clients {
		root := rootOf(clients[i], roots)
		if root == nil {
			continue
		}
		if best == nil || better(clients[i], *best, now) {
			best, bestRoot = &clients[i], root
		}
	}
	if best == nil {
		if len(clients) > 0 {
			return nil, coded.New(CodeStoreNoRoot, nil, "store", s.Name())
		}
		return nil, coded.New(CodeStoreNoClient, nil, "store", s.Name())
	}
	signer, err := s.Signer(best.Location, best.Thumbprint())
	if err != nil {
		return nil, err // key-unreadable, no-key...: the store's own code says why
	}
	return &Identity{Client: best.Cert, Signer: signer, Root: bestRoot.Cert, Source: s.Name()}, nil
}

func rootOf(client install.Found, roots []install.Found) *install.Found {
	for i, r := range roots {
		if qlik.IssuedBy(client.Cert, r.Cert) && qlik.SignedBy(client.Cert, r.Cert) && qlik.SelfSigned(r.Cert) {
			return &roots[i]
		}
	}
	return nil
}

// better prefers a certificate valid at now, then the most recently issued.
func better(a, b install.Found, now time.Time) bool {
	va, vb := validAt(a, now), validAt(b, now)
	if va != vb {
		return va
	}
	return a.Cert.NotBefore.After(b.Cert.NotBefore)
}

func validAt(f install.Found, now time.Time) bool {
	return !now.Before(f.Cert.NotBefore) && !now.After(f.Cert.NotAfter)
}
