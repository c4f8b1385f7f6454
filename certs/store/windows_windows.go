package store

import (
	"encoding/hex"
	"strings"
	"unsafe"

	"golang.org/x/sys/windows"

	"qscert/certs/coded"
)

// windowsStore is the Windows system certificate stores, reached through
// crypt32. It keeps no handle open between calls: each call opens the
// system store it needs and closes it, so it always sees what other
// processes (certlm.msc, Qlik's repository, another qscert) changed.
type windowsStore struct {
	closed bool
}

// OpenWindows returns the Windows system certificate stores.
func OpenWindows() (Store, error) { return &windowsStore{}, nil }

func (w *windowsStore) Name() string { return "windows" }

func (w *windowsStore) Close() error {
	w.closed = true
	return nil
}

// scopeFlag is the CertOpenStore flag for whose stores loc names.
func scopeFlag(loc Location) uint32 {
	if loc.Scope == LocalMachine {
		return windows.CERT_SYSTEM_STORE_LOCAL_MACHINE // CERT_SYSTEM_STORE_LOCAL_MACHINE: HKLM, shared by every account
	}
	return windows.CERT_SYSTEM_STORE_CURRENT_USER // CERT_SYSTEM_STORE_CURRENT_USER: HKCU of the account qscert runs as
}

// openMode says how a system store is opened.
type openMode int

const (
	forReading  openMode = iota // List, ExportPFX, Signer, Check(read)
	forChanging                 // Remove, Check(write): the store must exist
	forAdding                   // Add: a store that does not exist yet is created
)

// open opens the system store at loc. Opening a store that does not exist
// gives store-missing, except forAdding: a new service account has no
// CurrentUser\My until something is put there, as with certutil -addstore.
func (w *windowsStore) open(loc Location, mode openMode) (windows.Handle, error) {
	if !loc.Valid() {
		return 0, coded.New(CodeBadLocation, nil, "location", loc.String())
	}
	if w.closed {
		return 0, coded.New(CodeStoreFailed, nil, "location", loc.String(), "detail", "store closed")
	}
	flags := scopeFlag(loc)
	switch mode {
	case forReading:
		// CERT_STORE_READONLY_FLAG: a standard user may read LocalMachine
		// stores but not open them for writing.
		// CERT_STORE_OPEN_EXISTING_FLAG: never create a store by looking.
		flags |= windows.CERT_STORE_READONLY_FLAG | windows.CERT_STORE_OPEN_EXISTING_FLAG
	case forChanging:
		flags |= windows.CERT_STORE_OPEN_EXISTING_FLAG
	}
	// CERT_STORE_MAXIMUM_ALLOWED_FLAG is never used: it would quietly hand
	// a standard user a read-only LocalMachine store, so that Check passes
	// and the first Add fails, half-way through an install.
	name, err := windows.UTF16PtrFromString(loc.Name)
	if err != nil {
		return 0, coded.New(CodeBadLocation, err, "location", loc.String())
	}
	h, err := windows.CertOpenStore(
		windows.CERT_STORE_PROV_SYSTEM_W, // CERT_STORE_PROV_SYSTEM_W: a named system store ("My", "Root")
		0,                                // dwEncodingType: not used by system stores
		0,                                // hCryptProv: NULL, the default provider
		flags,
		uintptr(unsafe.Pointer(name)), // pvPara: the store name as UTF-16
	)
	if err != nil {
		if mode != forAdding && loc.Scope == CurrentUser && isNotFound(err) {
			return emptyStore(loc)
		}
		return 0, openFailed(loc, err)
	}
	return h, nil
}

// emptyStore stands for a CurrentUser store that does not exist yet.
// Windows makes My and Root for a profile on first use, and a service
// account may never have used them: such a store is empty, not missing,
// and Add will create it. A LocalMachine store is always there, so one
// that is not is reported as store-missing.
func emptyStore(loc Location) (windows.Handle, error) {
	h, err := windows.CertOpenStore(
		windows.CERT_STORE_PROV_MEMORY, // CERT_STORE_PROV_MEMORY: in memory, discarded on close
		0, 0, 0, 0)                     // no encoding, provider, flags or parameter
	if err != nil {
		return 0, failed(loc, "CertOpenStore(memory)", err)
	}
	return h, nil
}

// Check opens the store the way a read or a change would, and closes it.
// Opening for writing is what needs administrator rights for LocalMachine.
func (w *windowsStore) Check(loc Location, write bool) error {
	mode := forReading
	if write {
		mode = forChanging
	}
	h, err := w.open(loc, mode)
	if err != nil {
		return err
	}
	windows.CertCloseStore(h, 0)
	return nil
}

// commit asks crypt32 to write the store's changes to the registry now.
// Windows writes system stores through at once and accepts the call;
// Wine keeps deletions in a cache that only this call (not closing the
// store) persists.
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
