package store

import (
	"encoding/hex"
	"strings"
	"unsafe"

	"golang.org/x/sys/windows"
)

// windowsStore is the Windows system certificate stores, reached through
// crypt32. It keeps no handle open between calls: each call opens the
// system store it needs and closes it, so it always sees what other
// processes (certlm.msc, Qlik's repository, another qscert) changed, and
// Close has nothing to release.
type windowsStore struct{}

// OpenWindows returns the Windows system certificate stores.
func OpenWindows() (Store, error) { return &windowsStore{}, nil }

func (w *windowsStore) Name() string { return "windows" }

func (w *windowsStore) Close() error { return nil }

// scopeFlag is the CertOpenStore flag for whose stores loc names.
func scopeFlag(loc Location) uint32 {
	if loc.Scope == LocalMachine {
		return windows.CERT_SYSTEM_STORE_LOCAL_MACHINE // CERT_SYSTEM_STORE_LOCAL_MACHINE: HKLM, shared by every account
	}
	return windows.CERT_SYSTEM_STORE_CURRENT_USER // CERT_SYSTEM_STORE_CURRENT_USER: HKCU of the account qscert runs as
}

// commit asks crypt32 to write the store's changes to the registry now.
// Wine keeps a registry store's deletions in a cache that only this call
// persists (closing the store does not). Windows' registry stores write
// each change through already, so there is nothing left to commit.
func commit(h windows.Handle, loc Location) error {
	err := certControlStore(h,
		0,                   // dwFlags: commit only when something changed
		certStoreCtrlCommit, // CERT_STORE_CTRL_COMMIT
		nil)                 // pvCtrlPara: unused for a commit
	switch errnoOf(err) {
	case 0:
		return nil
	case errorCallNotImpl, errorNotSupported, eNotImpl:
		// A provider without a cache has nothing to commit.
		return nil
	}
	return failed(loc, "CertControlStore(COMMIT)", err)
}

// parseThumbprint accepts the thumbprint as Windows shows it (hex, either
// case, spaces allowed) and returns the 20 SHA-1 bytes, or nil.
func parseThumbprint(tp string) []byte {
	b, err := hex.DecodeString(strings.ReplaceAll(tp, " ", ""))
	if err != nil || len(b) != 20 {
		return nil
	}
	return b
}

// find returns the certificate with that SHA-1 thumbprint in h, or
// cert-not-found. The caller frees the context.
func find(h windows.Handle, loc Location, thumbprint string) (*windows.CertContext, error) {
	sum := parseThumbprint(thumbprint)
	if sum == nil {
		return nil, notFound(loc, thumbprint)
	}
	blob := windows.CryptDataBlob{Size: uint32(len(sum)), Data: &sum[0]} // CRYPT_HASH_BLOB
	ctx, err := windows.CertFindCertificateInStore(h,
		encodingX509PKCS7,
		0,                           // dwFindFlags: none for a hash search
		windows.CERT_FIND_SHA1_HASH, // CERT_FIND_SHA1_HASH: pvFindPara is the thumbprint
		unsafe.Pointer(&blob),
		nil) // pPrevCertContext: start at the beginning
	if err != nil {
		if isNotFound(err) {
			return nil, notFound(loc, thumbprint)
		}
		return nil, failed(loc, "CertFindCertificateInStore", err)
	}
	return ctx, nil
}
