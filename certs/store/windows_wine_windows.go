package store

// Wine 8 differs from Windows in a few places the store meets (found by the
// tests; tools/wine/README.md lists them). Every workaround lives in this
// file, and each runs only when onWine() says the process runs under Wine,
// decided once: on Windows none of these paths is taken, and the shipped
// behaviour is exactly the documented Windows one.

import (
	"bytes"
	"crypto/rsa"
	"crypto/x509"
	"encoding/binary"
	"errors"
	"fmt"
	"math/big"
	"slices"
	"sync"
	"unsafe"

	"golang.org/x/sys/windows"

	"qscert/certs/coded"
)

// onWine reports whether this process runs under Wine: Wine's ntdll.dll
// exports wine_get_version, Windows' never does.
var onWine = sync.OnceValue(func() bool {
	return windows.NewLazySystemDLL("ntdll.dll").NewProc("wine_get_version").Find() == nil
})

// replaceOnWine replaces old, the certificate without its key, by ctx, the
// same with the key, for Wine: there CERT_STORE_ADD_REPLACE_EXISTING
// persists the old copy, without the key, in a registry store. So it
// deletes first, then adds, and puts old back if the add fails; every
// error met on the way is returned, joined, so that a certificate lost
// between the two calls is said.
func replaceOnWine(h windows.Handle, old, ctx *windows.CertContext) error {
	keep := windows.CertDuplicateCertificateContext(old) // stays valid after the delete
	defer windows.CertFreeCertificateContext(keep)
	// CertDeleteCertificateFromStore frees the context it is given.
	if err := windows.CertDeleteCertificateFromStore(windows.CertDuplicateCertificateContext(old)); err != nil {
		return err
	}
	if err := put(h, ctx); err != nil {
		if undoErr := put(h, keep); undoErr != nil {
			return errors.Join(err, fmt.Errorf("putting the certificate back: %w", undoErr))
		}
		return err
	}
	return nil
}

// repairForWine corrects the key container property of a certificate
// fresh from PFXImportCertStore where Wine 8 writes it wrong: Wine leaves
// out CRYPT_MACHINE_KEYSET for a machine key (so the key is then looked
// for in the user's key set and not found) and stores the provider's
// PP_KEYSPEC (AT_KEYEXCHANGE|AT_SIGNATURE) instead of the key's spec.
// Windows writes both right; the call does nothing there.
func repairOnWine(ctx *windows.CertContext, loc Location) error {
	if !onWine() {
		return nil
	}
	k := containerOf(ctx)
	if k == nil || k.ProvType == 0 {
		return nil
	}
	machine := loc.Scope == LocalMachine
	validSpec := k.KeySpec == atKeyExchange || k.KeySpec == atSignature
	if k.machine() == machine && validSpec {
		return nil
	}
	if machine {
		k.Flags |= windows.CRYPT_MACHINE_KEYSET
	} else {
		k.Flags &^= windows.CRYPT_MACHINE_KEYSET
	}
	if !validSpec {
		// A PFX import stores an RSA key as a key-exchange key.
		k.KeySpec = atKeyExchange
	}
	name, err := windows.UTF16PtrFromString(k.Name)
	if err != nil {
		return err
	}
	prov, err := windows.UTF16PtrFromString(k.Provider)
	if err != nil {
		return err
	}
	info := cryptKeyProvInfo{ContainerName: name, ProvName: prov, ProvType: k.ProvType, Flags: k.Flags, KeySpec: k.KeySpec}
	return certSetCertificateContextProperty(ctx, certKeyProvInfoPropID, 0, unsafe.Pointer(&info))
}

// openMachineContainer opens a CryptoAPI key in the machine key set by its
// container name. Wine 8's CryptAcquireCertificatePrivateKey drops the
// CRYPT_MACHINE_KEYSET flag of CERT_KEY_PROV_INFO_PROP_ID and so never
// finds a machine key; Windows does not need this. The key is checked
// against the certificate, as CRYPT_ACQUIRE_COMPARE_KEY_FLAG would.
func openMachineContainer(ctx *windows.CertContext, c *keyContainer) (*privateKey, error) {
	cert, err := parseContext(ctx)
	if err != nil {
		return nil, err
	}
	name, err := windows.UTF16PtrFromString(c.Name)
	if err != nil {
		return nil, err
	}
	prov, err := windows.UTF16PtrFromString(c.Provider)
	if err != nil {
		return nil, err
	}
	// CRYPT_SILENT: never show UI. CRYPT_MACHINE_KEYSET: the machine's.
	var h windows.Handle
	if err := windows.CryptAcquireContext(&h, name, prov, c.ProvType, windows.CRYPT_SILENT|windows.CRYPT_MACHINE_KEYSET); err != nil {
		return nil, err
	}
	k := &privateKey{h: h, keySpec: c.KeySpec, owned: true}
	pub, err := containerPublicKey(k)
	if err != nil || !pub.Equal(cert.PublicKey) {
		k.release()
		return nil, errors.New("the key container holds another key")
	}
	k.upgradeToAES(c)
	return k, nil
}

const publicKeyBlob = 0x6 // PUBLICKEYBLOB

// containerPublicKey reads the public half of a CryptoAPI key: a
// PUBLICKEYBLOB is BLOBHEADER, RSAPUBKEY ("RSA1", bit length, public
// exponent) and the modulus, little-endian.
func containerPublicKey(k *privateKey) (*rsa.PublicKey, error) {
	var hkey windows.Handle
	if err := cryptGetUserKey(k.h, k.keySpec, &hkey); err != nil {
		return nil, err
	}
	defer cryptDestroyKey(hkey)
	var size uint32
	if err := cryptExportKey(hkey, 0, publicKeyBlob, 0, nil, &size); err != nil {
		return nil, err
	}
	b := make([]byte, size)
	if err := cryptExportKey(hkey, 0, publicKeyBlob, 0, &b[0], &size); err != nil {
		return nil, err
	}
	b = b[:size]
	if len(b) < 20 || b[0] != publicKeyBlob || !bytes.Equal(b[8:12], []byte("RSA1")) {
		return nil, errors.New("not an RSA PUBLICKEYBLOB")
	}
	bits := int(binary.LittleEndian.Uint32(b[12:16]))
	if len(b) < 20+(bits+7)/8 {
		return nil, errors.New("short PUBLICKEYBLOB")
	}
	n := slices.Clone(b[20 : 20+(bits+7)/8])
	slices.Reverse(n)
	return &rsa.PublicKey{N: new(big.Int).SetBytes(n), E: int(binary.LittleEndian.Uint32(b[16:20]))}, nil
}

const privateKeyBlob = 0x7 // PRIVATEKEYBLOB

// exportByKey builds the PFX itself from the key CryptoAPI exports, for
// when PFXExportCertStoreEx is not available: Wine 8 has it as a stub that
// fails without an error code. Windows still refuses to export a key
// imported without CRYPT_EXPORTABLE, so key-not-exportable holds here too.
func exportByKey(ctx *windows.CertContext, loc Location, thumbprint, password string, cause error) ([]byte, error) {
	cert, err := parseContext(ctx)
	if err != nil {
		return nil, failed(loc, "parsing the certificate", err)
	}
	if !hasKey(ctx) {
		return encodeExport(loc, cert, nil, password)
	}
	k, err := acquireKey(ctx)
	if err != nil {
		if isAccessDenied(err) {
			return nil, coded.New(CodeKeyUnreadable, err, "thumbprint", thumbprint, "location", loc.String(),
				"detail", detail("CryptAcquireCertificatePrivateKey", err))
		}
		return nil, failed(loc, "CryptAcquireCertificatePrivateKey", err)
	}
	defer k.release()
	if k.ncrypt {
		// Only CryptoAPI keys are exported this way; a CNG key means a
		// Windows whose PFXExportCertStoreEx failed for a reason of its own.
		return nil, exportFailed(loc, thumbprint, cause)
	}
	var hkey windows.Handle
	if err := cryptGetUserKey(k.h, k.keySpec, &hkey); err != nil {
		return nil, failed(loc, "CryptGetUserKey", err)
	}
	defer cryptDestroyKey(hkey)
	var size uint32
	if err := cryptExportKey(hkey, 0, privateKeyBlob, 0, nil, &size); err != nil {
		return nil, exportFailed(loc, thumbprint, err)
	}
	blob := make([]byte, size)
	defer clear(blob) // the key in clear: do not leave it in memory
	if err := cryptExportKey(hkey, 0, privateKeyBlob, 0, &blob[0], &size); err != nil {
		return nil, exportFailed(loc, thumbprint, err)
	}
	key, err := parsePrivateKeyBlob(blob[:size])
	if err != nil {
		return nil, failed(loc, "CryptExportKey", err)
	}
	if !key.PublicKey.Equal(cert.PublicKey) {
		return nil, failed(loc, "CryptExportKey", errors.New("the key container holds another key"))
	}
	return encodeExport(loc, cert, key, password)
}

func encodeExport(loc Location, cert *x509.Certificate, key *rsa.PrivateKey, password string) ([]byte, error) {
	var data []byte
	var err error
	if key == nil {
		data, err = EncodePFX(cert, nil, password)
	} else {
		data, err = EncodePFX(cert, key, password)
	}
	if err != nil {
		return nil, failed(loc, "encoding the PFX", err)
	}
	return data, nil
}

// parsePrivateKeyBlob reads a CryptoAPI PRIVATEKEYBLOB: BLOBHEADER,
// RSAPUBKEY ("RSA2", bit length, public exponent), then modulus, prime1,
// prime2, exponent1, exponent2, coefficient and private exponent, each
// little-endian.
func parsePrivateKeyBlob(b []byte) (*rsa.PrivateKey, error) {
	const header = 8 + 12
	if len(b) < header || b[0] != privateKeyBlob || !bytes.Equal(b[8:12], []byte("RSA2")) {
		return nil, errors.New("not an RSA PRIVATEKEYBLOB")
	}
	bits := int(binary.LittleEndian.Uint32(b[12:16]))
	exp := int(binary.LittleEndian.Uint32(b[16:20]))
	if bits < 512 || bits > 16384 {
		return nil, errors.New("unexpected RSA key size")
	}
	full, half := (bits+7)/8, (bits+15)/16
	rest := b[header:]
	take := func(n int) *big.Int {
		if len(rest) < n {
			rest = nil
			return nil
		}
		v := slices.Clone(rest[:n])
		slices.Reverse(v) // little-endian to big-endian
		rest = rest[n:]
		x := new(big.Int).SetBytes(v)
		clear(v)
		return x
	}
	n := take(full)
	p, q := take(half), take(half)
	take(half) // exponent1, exponent2, coefficient: recomputed by Precompute
	take(half)
	take(half)
	d := take(full)
	if n == nil || p == nil || q == nil || d == nil {
		return nil, errors.New("short PRIVATEKEYBLOB")
	}
	key := &rsa.PrivateKey{PublicKey: rsa.PublicKey{N: n, E: exp}, D: d, Primes: []*big.Int{p, q}}
	if err := key.Validate(); err != nil {
		return nil, err
	}
	key.Precompute()
	return key, nil
}
