package store

import (
	"bytes"
	"crypto/rsa"
	"crypto/x509"
	"encoding/binary"
	"errors"
	"math/big"
	"slices"

	"golang.org/x/sys/windows"

	"qscert/certs/coded"
)

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
