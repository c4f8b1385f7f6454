package store

import (
	"unsafe"

	"golang.org/x/sys/windows"
	"golang.org/x/sys/windows/registry"

	"qscert/certs/coded"
)

// openMode says how a system store is opened.
type openMode int

const (
	forReading  openMode = iota // List, ExportPFX, Signer, Check(read)
	forChanging                 // Remove, Check(write)
	forAdding                   // Add: a store that does not exist yet is created
)

// open opens the system store at loc, one of qscert's locations.
func (w *windowsStore) open(loc Location, mode openMode) (windows.Handle, error) {
	if !loc.Valid() {
		return 0, coded.New(CodeBadLocation, nil, "location", loc.String())
	}
	h, _, err := openSystem(loc, mode)
	return h, err
}

// openSystem opens a system store. One that does not exist yet is created
// forAdding, as certutil -addstore does, and otherwise stands in as an
// empty store (missing is true): Windows makes a profile's My and Root on
// first use, a service account may never have used them, and a fresh Wine
// prefix has no LocalMachine\My. Looking never creates a store.
func openSystem(loc Location, mode openMode) (h windows.Handle, missing bool, err error) {
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
		return 0, false, coded.New(CodeBadLocation, err, "location", loc.String())
	}
	h, err = windows.CertOpenStore(
		// CERT_STORE_PROV_SYSTEM_REGISTRY_W, not CERT_STORE_PROV_SYSTEM_W:
		// the system store is a collection, and CurrentUser\Root takes in
		// LocalMachine\Root (Wine's CurrentUser stores take in all of
		// LocalMachine's). Listing it would show machine roots twice, and
		// removing one "from CurrentUser" would delete it from the machine.
		// The registry store holds exactly what Add and Remove change.
		windows.CERT_STORE_PROV_SYSTEM_REGISTRY_W,
		0, // dwEncodingType: not used by registry stores
		0, // hCryptProv: NULL, the default provider
		flags,
		uintptr(unsafe.Pointer(name)), // pvPara: the store name as UTF-16
	)
	if err == nil {
		return h, false, nil
	}
	if mode == forAdding || !isNotFound(err) {
		return 0, false, openFailed(loc, err)
	}
	h, err = windows.CertOpenStore(
		windows.CERT_STORE_PROV_MEMORY, // CERT_STORE_PROV_MEMORY: empty, discarded on close
		0, 0, 0, 0)                     // no encoding, provider, flags or parameter
	if err != nil {
		return 0, true, failed(loc, "CertOpenStore(memory)", err)
	}
	return h, true, nil
}

// Check opens the store the way a read or a change would, and closes it.
// Opening for writing is what needs administrator rights for LocalMachine.
func (w *windowsStore) Check(loc Location, write bool) error {
	if !loc.Valid() {
		return coded.New(CodeBadLocation, nil, "location", loc.String())
	}
	mode := forReading
	if write {
		mode = forChanging
	}
	h, missing, err := openSystem(loc, mode)
	if err != nil {
		return err
	}
	windows.CertCloseStore(h, 0)
	if write && missing {
		return canCreate(loc)
	}
	return nil
}

// systemStoresKey is where the registry system stores live, under HKCU or
// HKLM ("SystemCertificates" in the CertOpenStore documentation), with the
// keys above it that crypt32 creates when they are missing too (a fresh
// profile may have none).
var systemStoresKey = []string{`Software\Microsoft\SystemCertificates`, `Software\Microsoft`, `Software`}

// canCreate tells whether Add could create the missing store at loc,
// without creating it: crypt32 would create subkeys under the nearest key
// of systemStoresKey that exists, which takes KEY_CREATE_SUB_KEY there.
func canCreate(loc Location) error {
	root := registry.CURRENT_USER
	if loc.Scope == LocalMachine {
		root = registry.LOCAL_MACHINE
	}
	var err error
	for _, path := range systemStoresKey {
		var k registry.Key
		if k, err = registry.OpenKey(root, path, registry.CREATE_SUB_KEY); err == nil {
			k.Close()
			return nil
		}
		if isAccessDenied(err) {
			return coded.New(CodeStoreAccessDenied, err, "store", "windows", "location", loc.String(),
				"detail", detail("RegOpenKeyEx("+path+")", err))
		}
		if !isNotFound(err) {
			break
		}
	}
	return coded.New(CodeStoreFailed, err, "store", "windows", "location", loc.String(),
		"detail", detail("RegOpenKeyEx(SystemCertificates)", err))
}
