package store

import (
	"crypto"
	"crypto/rand"
	"crypto/x509"
	"encoding/hex"
	"errors"
	"unsafe"

	"golang.org/x/sys/windows"
	"software.sslmate.com/src/go-pkcs12"

	"qscert/certs/coded"
	"qscert/certs/durable"
	"qscert/certs/qlik"
)

// Add puts cert into loc. With a key, both go in through a PFX import, the
// way certlm.msc imports a .pfx: the key lands in a new key container of
// the machine key set (LocalMachine) or the user's (CurrentUser), and the
// certificate points at it.
func (w *windowsStore) Add(loc Location, cert *x509.Certificate, key crypto.PrivateKey, friendlyName string) error {
	return w.add(loc, cert, key, friendlyName, windows.CRYPT_EXPORTABLE)
}

// add is Add with the PFXImportCertStore key flags chosen by the caller:
// CRYPT_EXPORTABLE so that backups can export the key, or 0 in tests that
// need a key Windows will not export.
func (w *windowsStore) add(loc Location, cert *x509.Certificate, key crypto.PrivateKey, name string, keyFlags uint32) error {
	if cert == nil || len(cert.Raw) == 0 {
		return coded.New(CodeStoreFailed, errors.New("no certificate"), "store", "windows", "location", loc.String())
	}
	if key != nil {
		// Windows would store a certificate pointing at a key that is not
		// its own, and every TLS handshake with it would fail later.
		k, ok := key.(interface{ Public() crypto.PublicKey })
		if !ok || !publicKeysEqual(k.Public(), cert.PublicKey) {
			return coded.New(CodeStoreFailed, errors.New("the key does not belong to the certificate"),
				"store", "windows", "location", loc.String(), "detail", "the private key does not match the certificate")
		}
	}
	h, err := w.open(loc, forAdding)
	if err != nil {
		return err
	}
	defer windows.CertCloseStore(h, 0)

	// Already there: done, unless it lacks the key we now have.
	old, err := find(h, loc, qlik.Thumbprint(cert))
	switch {
	case err == nil && (key == nil || hasKey(old)):
		windows.CertFreeCertificateContext(old)
		return nil
	case err == nil:
		defer windows.CertFreeCertificateContext(old)
	case coded.CodeOf(err) != CodeCertNotFound:
		return err
	}

	ctx, tmp, err := w.newContext(loc, cert, key, keyFlags)
	if err != nil {
		return err
	}
	defer windows.CertFreeCertificateContext(ctx)
	if tmp != 0 {
		defer windows.CertCloseStore(tmp, 0)
	}
	if err := setFriendlyName(ctx, name); err != nil {
		return errors.Join(failed(loc, "CertSetCertificateContextProperty", err), w.discardKey(ctx))
	}
	durable.WritePoint("crypt32-add", loc.String())
	if old != nil && onWine() {
		err = replaceOnWine(h, old, ctx)
	} else {
		// CERT_STORE_ADD_REPLACE_EXISTING replaces the copy without its
		// key, if there is one, in the same call.
		err = put(h, ctx)
	}
	if err != nil {
		addErr := failed(loc, "CertAddCertificateContextToStore", err)
		if isAccessDenied(err) {
			addErr = coded.New(CodeStoreAccessDenied, err, "store", "windows", "location", loc.String(),
				"detail", detail("CertAddCertificateContextToStore", err))
		}
		return errors.Join(addErr, w.discardKey(ctx)) // leave no orphan key container behind
	}
	return commit(h, loc)
}

// newContext makes the context to add: the certificate alone, or the
// certificate from a PFX import that put key in a new key container (then
// tmp is the store holding it, for the caller to close).
func (w *windowsStore) newContext(loc Location, cert *x509.Certificate, key crypto.PrivateKey, keyFlags uint32) (ctx *windows.CertContext, tmp windows.Handle, err error) {
	if key == nil {
		ctx, err = windows.CertCreateCertificateContext(encodingX509PKCS7, &cert.Raw[0], uint32(len(cert.Raw)))
		if err != nil {
			return nil, 0, failed(loc, "CertCreateCertificateContext", err)
		}
		return ctx, 0, nil
	}
	tmp, err = importKeyed(loc, cert, key, keyFlags)
	if err != nil {
		return nil, 0, err
	}
	if ctx, err = find(tmp, loc, qlik.Thumbprint(cert)); err != nil {
		windows.CertCloseStore(tmp, 0)
		return nil, 0, err
	}
	if err := repairOnWine(ctx, loc); err != nil {
		err = errors.Join(failed(loc, "CertSetCertificateContextProperty(KEY_PROV_INFO)", err), w.discardKey(ctx))
		windows.CertFreeCertificateContext(ctx)
		windows.CertCloseStore(tmp, 0)
		return nil, 0, err
	}
	return ctx, tmp, nil
}

// put adds ctx to the store; its properties (key container, friendly name)
// are copied with it.
func put(h windows.Handle, ctx *windows.CertContext) error {
	return windows.CertAddCertificateContextToStore(h, ctx,
		// CERT_STORE_ADD_REPLACE_EXISTING: ours, with its key, replaces a
		// copy without the key, and wins over one another process added
		// a moment ago.
		windows.CERT_STORE_ADD_REPLACE_EXISTING,
		nil) // ppStoreContext: the added copy is not needed
}

// importKeyed imports cert and key into a temporary memory store through
// PFXImportCertStore, which persists the key in a new key container. The
// caller closes the store; the container stays.
func importKeyed(loc Location, cert *x509.Certificate, key crypto.PrivateKey, keyFlags uint32) (windows.Handle, error) {
	durable.WritePoint("key-import", loc.String())
	// A one-time password: the PFX never leaves this process.
	var secret [24]byte
	if _, err := rand.Read(secret[:]); err != nil {
		return 0, failed(loc, "random password", err)
	}
	password := hex.EncodeToString(secret[:])
	// LegacyDES (3DES, SHA-1 MAC) rather than EncodePFX's AES: every
	// Windows reads it, including Server 2016 (1607), which predates AES
	// PFX support and still runs many Qlik sites.
	pfx, err := pkcs12.LegacyDES.Encode(key, cert, nil, password)
	if err != nil {
		return 0, coded.New(CodeStoreFailed, err, "store", "windows", "location", loc.String(), "detail", "encoding the key: "+err.Error())
	}
	pw, err := windows.UTF16PtrFromString(password)
	if err != nil {
		return 0, failed(loc, "password", err)
	}
	keySet := uint32(windows.CRYPT_USER_KEYSET) // CRYPT_USER_KEYSET: the key belongs to this account
	if loc.Scope == LocalMachine {
		// CRYPT_MACHINE_KEYSET: in the machine key set, so that a service
		// account can be granted the key of a LocalMachine\My certificate.
		keySet = windows.CRYPT_MACHINE_KEYSET
	}
	// PKCS12_ALLOW_OVERWRITE_KEY is not set: our PFX names no container,
	// so Windows always makes a new one and there is nothing to overwrite.
	blob := windows.CryptDataBlob{Size: uint32(len(pfx)), Data: &pfx[0]}
	tmp, err := windows.PFXImportCertStore(&blob, pw, keySet|keyFlags)
	if err != nil {
		if isAccessDenied(err) {
			return 0, coded.New(CodeStoreAccessDenied, err, "store", "windows", "location", loc.String(),
				"detail", detail("PFXImportCertStore", err))
		}
		return 0, failed(loc, "PFXImportCertStore", err)
	}
	return tmp, nil
}

// setFriendlyName sets CERT_FRIENDLY_NAME_PROP_ID on ctx; an empty name
// sets nothing.
func setFriendlyName(ctx *windows.CertContext, name string) error {
	if name == "" {
		return nil
	}
	u, err := windows.UTF16FromString(name)
	if err != nil {
		return err
	}
	// CRYPT_DATA_BLOB with the terminating NUL counted, as Windows stores it.
	blob := windows.CryptDataBlob{Size: uint32(2 * len(u)), Data: (*byte)(unsafe.Pointer(&u[0]))}
	return certSetCertificateContextProperty(ctx, certFriendlyNamePropID, 0, unsafe.Pointer(&blob))
}

// publicKeysEqual compares two public keys of any type.
func publicKeysEqual(a, b crypto.PublicKey) bool {
	k, ok := a.(interface{ Equal(crypto.PublicKey) bool })
	return ok && k.Equal(b)
}
