package store

import (
	"golang.org/x/sys/windows"

	"qscert/certs/durable"
)

// Remove deletes the certificate from loc and then its key container,
// unless another certificate in qscert's stores still uses that container
// (one imported once and copied between stores in certlm.msc shares it).
func (w *windowsStore) Remove(loc Location, thumbprint string) error {
	h, err := w.open(loc, forChanging)
	if err != nil {
		return err
	}
	defer windows.CertCloseStore(h, 0)
	ctx, err := find(h, loc, thumbprint)
	if err != nil {
		return err
	}
	key := containerOf(ctx)
	durable.WritePoint("crypt32-delete", loc.String())
	// CertDeleteCertificateFromStore frees ctx, even when it fails.
	if err := windows.CertDeleteCertificateFromStore(ctx); err != nil {
		return failed(loc, "CertDeleteCertificateFromStore", err)
	}
	if err := commit(h, loc); err != nil {
		return err
	}
	if key == nil || w.containerInUse(key) {
		return nil
	}
	durable.WritePoint("key-delete", loc.String())
	// Best effort: the certificate is gone, which is what the caller
	// asked. A key left behind (its file owned by another account, say)
	// is clutter no certificate points at, not a reason to fail an
	// install half-way.
	_ = key.delete()
	return nil
}

// containerInUse reports whether any certificate in qscert's locations of
// the key's scope still points at the key container. When it cannot tell,
// it says yes: a key wrongly kept is clutter, a key wrongly deleted breaks
// a service.
func (w *windowsStore) containerInUse(key *keyContainer) bool {
	scope := CurrentUser
	if key.machine() {
		scope = LocalMachine
	}
	for _, loc := range Locations {
		if loc.Scope != scope {
			continue
		}
		h, err := w.open(loc, forReading)
		if err != nil {
			return true
		}
		inUse := false
		var ctx *windows.CertContext
		for {
			if ctx, err = windows.CertEnumCertificatesInStore(h, ctx); err != nil {
				inUse = !isNotFound(err) // an enumeration cut short
				break
			}
			if key.same(containerOf(ctx)) {
				inUse = true
				windows.CertFreeCertificateContext(ctx)
				break
			}
		}
		windows.CertCloseStore(h, 0)
		if inUse {
			return true
		}
	}
	return false
}
