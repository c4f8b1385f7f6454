package store

import (
	"crypto"
	"crypto/rsa"
	"errors"
	"io"
	"runtime"
	"sync"

	"golang.org/x/sys/windows"

	"qscert/certs/coded"
)

// Signer opens the certificate's private key where it lives and signs
// with it there, as google/certtostore does: the key never leaves Windows,
// so a key imported as non-exportable still serves in a TLS handshake.
func (w *windowsStore) Signer(loc Location, thumbprint string) (crypto.Signer, error) {
	h, err := w.open(loc, forReading)
	if err != nil {
		return nil, err
	}
	defer windows.CertCloseStore(h, 0)
	ctx, err := find(h, loc, thumbprint)
	if err != nil {
		return nil, err
	}
	defer windows.CertFreeCertificateContext(ctx)
	noKey := coded.New(CodeNoKey, nil, "thumbprint", thumbprint, "location", loc.String())
	if !hasKey(ctx) {
		return nil, noKey
	}
	cert, err := parseContext(ctx)
	if err != nil {
		return nil, failed(loc, "parsing the certificate", err)
	}
	if _, ok := cert.PublicKey.(*rsa.PublicKey); !ok {
		// Qlik issues RSA certificates only, and Wine cannot test
		// anything else (an ECDSA key would need its r||s re-encoded).
		return nil, coded.New(CodeStoreFailed, nil, "thumbprint", thumbprint, "store", "windows", "location", loc.String(),
			"detail", "only RSA keys sign through the Windows store")
	}

	key, err := acquireKey(ctx)
	if err != nil {
		if isNotFound(err) {
			// The certificate names a key container that is gone.
			return nil, coded.New(CodeNoKey, err, "thumbprint", thumbprint, "location", loc.String(),
				"detail", detail("CryptAcquireCertificatePrivateKey", err))
		}
		// The key exists but this account may not use it (its ACL), or it
		// is broken: either way the user must fix the key's permissions.
		return nil, coded.New(CodeKeyUnreadable, err, "thumbprint", thumbprint, "location", loc.String(),
			"detail", detail("CryptAcquireCertificatePrivateKey", err))
	}
	s := &windowsSigner{pub: cert.PublicKey, key: key.h, ncrypt: key.ncrypt, keySpec: key.keySpec, loc: loc}
	if key.owned {
		// crypto.Signer has no Close, so the handle is freed with the
		// signer at the latest; Close frees it now. Holding it longer is
		// not harmless: Wine's provider writes a container back when its
		// handle is released, undoing a key imported since.
		s.release = sync.OnceFunc(func() { key.release() })
		s.cleanup = runtime.AddCleanup(s, func(release func()) { release() }, s.release)
	}
	return s, nil
}

// Close frees the key handle. The signer must not be used afterwards.
func (s *windowsSigner) Close() error {
	if s.release != nil {
		s.cleanup.Stop()
		s.release()
	}
	return nil
}

// windowsSigner signs with a key held by CNG or by a CryptoAPI provider.
// Both handles may be used from several goroutines.
type windowsSigner struct {
	pub     crypto.PublicKey
	key     windows.Handle
	ncrypt  bool
	keySpec uint32 // AT_KEYEXCHANGE or AT_SIGNATURE for a CryptoAPI key
	loc     Location
	release func() // frees the handle once; nil when it is not ours
	cleanup runtime.Cleanup
}

func (s *windowsSigner) Public() crypto.PublicKey { return s.pub }

// Sign signs digest, a hash made with opts.HashFunc(), with PKCS #1 v1.5
// padding, or PSS when opts is *rsa.PSSOptions (TLS 1.3).
func (s *windowsSigner) Sign(_ io.Reader, digest []byte, opts crypto.SignerOpts) ([]byte, error) {
	hash := opts.HashFunc()
	if len(digest) == 0 || (hash != 0 && len(digest) != hash.Size()) {
		return nil, s.signFailed("Sign", errors.New("digest length does not match the hash"))
	}
	var (
		sig []byte
		err error
	)
	switch pub := s.pub.(type) {
	case *rsa.PublicKey:
		pss, _ := opts.(*rsa.PSSOptions)
		if s.ncrypt {
			sig, err = s.signRSACNG(pub, digest, hash, pss)
		} else {
			sig, err = s.signRSACAPI(digest, hash, pss)
		}
	default: // Signer hands out RSA keys only
		return nil, s.signFailed("Sign", errors.New("only RSA keys sign through the Windows store"))
	}
	if err != nil {
		return nil, s.signFailed("NCryptSignHash", err)
	}
	runtime.KeepAlive(s) // the cleanup must not free the handle mid-call
	return sig, nil
}

func (s *windowsSigner) signFailed(op string, err error) error {
	if isAccessDenied(err) {
		return coded.New(CodeKeyUnreadable, err, "location", s.loc.String(), "detail", detail(op, err))
	}
	return failed(s.loc, op, err)
}
