package store

import (
	"syscall"

	"golang.org/x/sys/windows"

	"qscert/certs/coded"
)

// ExportPFX exports the certificate, with its key when it has one, through
// PFXExportCertStoreEx: the key never passes through qscert in clear, and a
// key Windows marked non-exportable is refused by Windows itself. Under
// Wine, where that function is a stub, exportByKey does the same job.
func (w *windowsStore) ExportPFX(loc Location, thumbprint, password string) ([]byte, error) {
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

	// PFXExportCertStoreEx exports a whole store: put this one certificate
	// in a store of its own.
	mem, err := windows.CertOpenStore(
		windows.CERT_STORE_PROV_MEMORY, // CERT_STORE_PROV_MEMORY: a temporary store in memory
		0, 0, 0, 0)                     // no encoding, provider, flags or parameter
	if err != nil {
		return nil, failed(loc, "CertOpenStore(memory)", err)
	}
	defer windows.CertCloseStore(mem, 0)
	// CERT_STORE_ADD_ALWAYS: the store is new and empty. The copy keeps
	// the key container property, which is what the export follows.
	if err := windows.CertAddCertificateContextToStore(mem, ctx, windows.CERT_STORE_ADD_ALWAYS, nil); err != nil {
		return nil, failed(loc, "CertAddCertificateContextToStore(memory)", err)
	}

	flags := uint32(0)
	if hasKey(ctx) {
		// EXPORT_PRIVATE_KEYS: include the key.
		// REPORT_NOT_ABLE_TO_EXPORT_PRIVATE_KEY: fail rather than quietly
		// write a PFX without it, which would make a useless backup.
		flags = exportPrivateKeys | reportNotAbleToExportPrivateKey
	}
	pw, err := windows.UTF16PtrFromString(password)
	if err != nil {
		return nil, coded.New(CodeStoreFailed, err, "store", "windows", "location", loc.String(), "detail", "password contains NUL")
	}
	// First call sizes the blob, the second fills it.
	var blob windows.CryptDataBlob
	if err := pfxExportCertStoreEx(mem, &blob, pw, nil, flags); err != nil {
		if onWine() && isStub(err) {
			return exportByKey(ctx, loc, thumbprint, password, err)
		}
		return nil, exportFailed(loc, thumbprint, err)
	}
	if blob.Size == 0 {
		return nil, failed(loc, "PFXExportCertStoreEx", windows.ERROR_INVALID_DATA)
	}
	out := make([]byte, blob.Size)
	blob.Data = &out[0]
	if err := pfxExportCertStoreEx(mem, &blob, pw, nil, flags); err != nil {
		return nil, exportFailed(loc, thumbprint, err)
	}
	return out[:blob.Size], nil
}

// isStub reports a call that failed without saying why (the last error
// is 0, which x/sys turns into EINVAL) or that says it does not exist:
// how Wine's unimplemented functions answer.
func isStub(err error) bool {
	switch errnoOf(err) {
	case windows.Errno(syscall.EINVAL), errorCallNotImpl, eNotImpl:
		return true
	}
	return false
}

// exportFailed tells a key Windows will not export from other failures.
func exportFailed(loc Location, thumbprint string, err error) error {
	switch errnoOf(err) {
	case windows.Errno(windows.NTE_BAD_KEY_STATE), // the key was imported without CRYPT_EXPORTABLE
		windows.Errno(windows.NTE_BAD_KEY),       // how older CSPs say the same
		windows.Errno(windows.NTE_NOT_SUPPORTED): // a provider (smart card, TPM) that never exports
		return coded.New(CodeKeyNotExportable, err, "thumbprint", thumbprint, "location", loc.String(),
			"detail", detail("PFXExportCertStoreEx", err))
	}
	if isAccessDenied(err) {
		return coded.New(CodeKeyUnreadable, err, "thumbprint", thumbprint, "location", loc.String(),
			"detail", detail("PFXExportCertStoreEx", err))
	}
	return failed(loc, "PFXExportCertStoreEx", err)
}
