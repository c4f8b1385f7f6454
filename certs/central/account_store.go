package central

import (
	"context"
	"crypto"
	"crypto/rand"
	"crypto/x509"
	"encoding/hex"
	"errors"

	"qscert/certs/coded"
	"qscert/certs/store"
)

// accountStore is the service account's CurrentUser\My, reached through
// the sub-command run as that account: its user keys are protected by
// its own DPAPI keys, so only a process running as it can export, add or
// delete them. It is a store.Store, so that install's backups and
// restores work on it as on any store; its other locations are missing
// (the machine's are in Node.Machine). It takes no lock: the account's
// store is changed by this procedure only, which holds its own.
type accountStore struct {
	acting *Acting
	ctx    context.Context
}

// newAccountStore is the store of a's CurrentUser\My.
func newAccountStore(ctx context.Context, a *Acting) *accountStore {
	return &accountStore{acting: a, ctx: ctx}
}

func (s *accountStore) Name() string { return "account:" + s.acting.Account.Name }

func (s *accountStore) only(loc store.Location) error {
	if loc != store.CurrentUserMy {
		return coded.New(store.CodeStoreMissing, nil, "store", s.Name(), "location", loc.String())
	}
	return nil
}

// Check lists the location: the child opens the store the way a change
// would need it.
func (s *accountStore) Check(loc store.Location, _ bool) error {
	if err := s.only(loc); err != nil {
		return err
	}
	_, err := s.List(loc)
	return err
}

func (s *accountStore) List(loc store.Location) ([]store.Entry, error) {
	if err := s.only(loc); err != nil {
		return nil, err
	}
	out := []store.Entry{}
	err := s.acting.run(s.ctx, childRequest{Op: "list", Location: loc}, func(l childLine) error {
		if l.Entry != nil {
			out = append(out, store.Entry{Location: loc, Raw: l.Entry.DER, HasPrivateKey: l.Entry.HasKey, FriendlyName: l.Entry.FriendlyName})
		}
		return nil
	})
	return out, err
}

func (s *accountStore) Add(loc store.Location, cert *x509.Certificate, key crypto.PrivateKey, friendlyName string) error {
	if err := s.only(loc); err != nil {
		return err
	}
	pw := oneTimePassword()
	pfx, err := store.EncodePFX(cert, key, pw)
	if err != nil {
		return err
	}
	defer clear(pfx)
	return s.acting.run(s.ctx, childRequest{Op: "add", Location: loc, PFX: pfx, Password: pw, FriendlyName: friendlyName}, nil)
}

func (s *accountStore) Remove(loc store.Location, thumbprint string) error {
	if err := s.only(loc); err != nil {
		return err
	}
	return s.acting.run(s.ctx, childRequest{Op: "remove", Location: loc, Thumbprint: thumbprint}, nil)
}

func (s *accountStore) ExportPFX(loc store.Location, thumbprint, password string) ([]byte, error) {
	if err := s.only(loc); err != nil {
		return nil, err
	}
	var pfx []byte
	err := s.acting.run(s.ctx, childRequest{Op: "export", Location: loc, Thumbprint: thumbprint, Password: password}, func(l childLine) error {
		if l.PFX != nil {
			pfx = l.PFX
		}
		return nil
	})
	if err == nil && pfx == nil {
		err = coded.New(CodeChildFailed, errors.New("no PFX in the answer"), "detail", "no PFX in the answer")
	}
	return pfx, err
}

// Signer is not offered: the procedure exports the new QlikClient (its
// key is exportable, as the backup of the old one shows) rather than sign
// through another account's key.
func (s *accountStore) Signer(loc store.Location, thumbprint string) (crypto.Signer, error) {
	return nil, coded.New(store.CodeStoreUnsupported, nil, "store", s.Name())
}

func (s *accountStore) Close() error { return nil }

// oneTimePassword protects a PFX on its way between two processes.
func oneTimePassword() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
