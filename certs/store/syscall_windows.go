package store

// Win32 functions that golang.org/x/sys/windows does not declare. The
// bodies are generated into zsyscall_windows.go by mkwinsyscall, which
// loads each DLL from the system directory only (NewLazySystemDLL), so a
// DLL planted beside qscert.exe is never picked up.
//
// Functions returning a status (NCrypt's SECURITY_STATUS) are declared
// with (ret error): mkwinsyscall turns a non-zero result into an Errno.

// Regenerate with `go generate ./certs/store` (the directive is in
// windows_generate.go so that it runs on any host).

// crypt32.dll
//sys	certControlStore(store windows.Handle, flags uint32, ctrlType uint32, ctrlPara unsafe.Pointer) (err error) = crypt32.CertControlStore
//sys	certGetCertificateContextProperty(ctx *windows.CertContext, propID uint32, data *byte, size *uint32) (err error) = crypt32.CertGetCertificateContextProperty
//sys	certSetCertificateContextProperty(ctx *windows.CertContext, propID uint32, flags uint32, data unsafe.Pointer) (err error) = crypt32.CertSetCertificateContextProperty
//sys	pfxExportCertStoreEx(store windows.Handle, pfx *windows.CryptDataBlob, password *uint16, reserved unsafe.Pointer, flags uint32) (err error) = crypt32.PFXExportCertStoreEx

// ncrypt.dll (CNG key storage)
//sys	nCryptOpenStorageProvider(provider *windows.Handle, name *uint16, flags uint32) (ret error) = ncrypt.NCryptOpenStorageProvider
//sys	nCryptOpenKey(provider windows.Handle, key *windows.Handle, name *uint16, keySpec uint32, flags uint32) (ret error) = ncrypt.NCryptOpenKey
//sys	nCryptDeleteKey(key windows.Handle, flags uint32) (ret error) = ncrypt.NCryptDeleteKey
//sys	nCryptFreeObject(object windows.Handle) (ret error) = ncrypt.NCryptFreeObject
//sys	nCryptGetProperty(object windows.Handle, property *uint16, output *byte, size uint32, result *uint32, flags uint32) (ret error) = ncrypt.NCryptGetProperty
//sys	nCryptSignHash(key windows.Handle, paddingInfo unsafe.Pointer, hash *byte, hashSize uint32, signature *byte, signatureSize uint32, result *uint32, flags uint32) (ret error) = ncrypt.NCryptSignHash

// advapi32.dll (CryptoAPI, for keys held by a legacy CSP)
//sys	cryptCreateHash(provider windows.Handle, algID uint32, key windows.Handle, flags uint32, hash *windows.Handle) (err error) = advapi32.CryptCreateHash
//sys	cryptSetHashParam(hash windows.Handle, param uint32, data *byte, flags uint32) (err error) = advapi32.CryptSetHashParam
//sys	cryptSignHash(hash windows.Handle, keySpec uint32, description *uint16, flags uint32, signature *byte, size *uint32) (err error) = advapi32.CryptSignHashW
//sys	cryptDestroyHash(hash windows.Handle) (err error) = advapi32.CryptDestroyHash
//sys	cryptGetUserKey(provider windows.Handle, keySpec uint32, key *windows.Handle) (err error) = advapi32.CryptGetUserKey
//sys	cryptExportKey(key windows.Handle, expKey windows.Handle, blobType uint32, flags uint32, data *byte, size *uint32) (err error) = advapi32.CryptExportKey
//sys	cryptDestroyKey(key windows.Handle) (err error) = advapi32.CryptDestroyKey
