package storetest

import (
	"crypto"
	"crypto/x509"
	"errors"

	"qscert/certs/coded"
	"qscert/certs/store"
)

// Faulty wraps a store and fails its FailAt-th mutation (Add or Remove),
// for fault-injection tests: whatever step of an install fails, the end
// state must be all old or all new. FailAt 0 never fails. With Stuck, every
// mutation after the FailAt-th fails too, so a rollback fails as well.
// Mutations counts every Add and Remove tried so far, failed ones included.
type Faulty struct {
	store.Store
	FailAt    int
	Stuck     bool
	Mutations int
}

// ErrInjected is the cause of an injected failure.
var ErrInjected = errors.New("injected failure")

func (f *Faulty) fail(loc store.Location) error {
	f.Mutations++
	if f.FailAt == 0 || f.Mutations < f.FailAt || (f.Mutations > f.FailAt && !f.Stuck) {
		return nil
	}
	return coded.New(store.CodeStoreFailed, ErrInjected, "store", f.Store.Name(), "location", loc.String(), "detail", ErrInjected.Error())
}

func (f *Faulty) Add(loc store.Location, cert *x509.Certificate, key crypto.PrivateKey, friendlyName string) error {
	if err := f.fail(loc); err != nil {
		return err
	}
	return f.Store.Add(loc, cert, key, friendlyName)
}

func (f *Faulty) Remove(loc store.Location, thumbprint string) error {
	if err := f.fail(loc); err != nil {
		return err
	}
	return f.Store.Remove(loc, thumbprint)
}
