package store

import (
	"golang.org/x/sys/windows"
)

// privateKey is an open handle on a certificate's private key: a CNG key
// (NCRYPT_KEY_HANDLE) or a CryptoAPI provider (HCRYPTPROV) with the key's
// spec.
type privateKey struct {
	h       windows.Handle
	ncrypt  bool
	keySpec uint32 // AT_KEYEXCHANGE or AT_SIGNATURE for a CryptoAPI key
	owned   bool   // we must free h
}

func (k *privateKey) release() {
	if !k.owned {
		return
	}
	k.owned = false
	if k.ncrypt {
		nCryptFreeObject(k.h)
	} else {
		windows.CryptReleaseContext(k.h, 0)
	}
}

const (
	provRSAFull = 1  // PROV_RSA_FULL
	provRSAAES  = 24 // PROV_RSA_AES
	// MS_ENH_RSA_AES_PROV_W: the CryptoAPI provider that knows SHA-2.
	msEnhRSAAESProv = "Microsoft Enhanced RSA and AES Cryptographic Provider"
)

// acquireKey opens the private key ctx points at.
func acquireKey(ctx *windows.CertContext) (*privateKey, error) {
	k := &privateKey{}
	err := windows.CryptAcquireCertificatePrivateKey(ctx,
		// CRYPT_ACQUIRE_SILENT_FLAG: never show UI; the TLS test runs
		// from the CLI and from services.
		// CRYPT_ACQUIRE_PREFER_NCRYPT_KEY_FLAG: a CNG handle when CNG can
		// open the key (Windows always can), which signs RSA-PSS as TLS
		// 1.3 requires; a CryptoAPI handle otherwise (Wine).
		// CRYPT_ACQUIRE_COMPARE_KEY_FLAG: check the key matches the
		// certificate's public key, so a stale container is not used.
		windows.CRYPT_ACQUIRE_SILENT_FLAG|windows.CRYPT_ACQUIRE_PREFER_NCRYPT_KEY_FLAG|windows.CRYPT_ACQUIRE_COMPARE_KEY_FLAG,
		nil, // pvParameters: reserved
		&k.h, &k.keySpec, &k.owned)
	if err != nil {
		if c := containerOf(ctx); onWine() && c != nil && c.ProvType != 0 && c.machine() && isNotFound(err) {
			if k, err2 := openMachineContainer(ctx, c); err2 == nil {
				return k, nil
			}
		}
		return nil, err
	}
	k.ncrypt = k.keySpec == windows.CERT_NCRYPT_KEY_SPEC // CERT_NCRYPT_KEY_SPEC: h is an NCRYPT_KEY_HANDLE
	if !k.ncrypt {
		k.upgradeToAES(containerOf(ctx))
	}
	return k, nil
}

// upgradeToAES reopens a key held by "Microsoft Enhanced Cryptographic
// Provider v1.0" (PROV_RSA_FULL) through the RSA and AES provider, which
// reads the same containers and also signs SHA-256, SHA-384 and SHA-512;
// PROV_RSA_FULL answers NTE_BAD_ALGID to those. This is the classic .NET
// Framework fix. Wine's PFX import always lands there; Windows only when
// CNG cannot open the key. On failure the original handle stays.
func (k *privateKey) upgradeToAES(c *keyContainer) {
	if c == nil || c.ProvType != provRSAFull {
		return
	}
	name, err1 := windows.UTF16PtrFromString(c.Name)
	prov, err2 := windows.UTF16PtrFromString(msEnhRSAAESProv)
	if err1 != nil || err2 != nil {
		return
	}
	flags := uint32(windows.CRYPT_SILENT) // CRYPT_SILENT: never show UI
	if c.machine() {
		flags |= windows.CRYPT_MACHINE_KEYSET // CRYPT_MACHINE_KEYSET: the container is the machine's
	}
	var h windows.Handle
	if windows.CryptAcquireContext(&h, name, prov, provRSAAES, flags) != nil {
		return
	}
	k.release()
	k.h, k.owned = h, true
}
