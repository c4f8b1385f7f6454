//go:build windows

package store

import (
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/binary"
	"testing"
	"unsafe"

	"golang.org/x/sys/windows"
)

// Wine's CryptAcquireCertificatePrivateKey hands out CryptoAPI handles
// only, so the CNG half of windowsSigner (the one Windows uses) is tested
// here on a key imported straight into CNG's software key storage
// provider: same NCryptSignHash, same padding structures.

var procNCryptImportKey = windows.NewLazySystemDLL("ncrypt.dll").NewProc("NCryptImportKey")

// cngKey imports blob of type blobType ("RSAPRIVATEBLOB", ...) as an
// ephemeral key of the Microsoft Software Key Storage Provider.
func cngKey(t *testing.T, blobType string, blob []byte) windows.Handle {
	t.Helper()
	var prov windows.Handle
	name, _ := windows.UTF16PtrFromString("Microsoft Software Key Storage Provider") // MS_KEY_STORAGE_PROVIDER
	if err := nCryptOpenStorageProvider(&prov, name, 0); err != nil {
		t.Fatalf("NCryptOpenStorageProvider: %v", err)
	}
	t.Cleanup(func() { nCryptFreeObject(prov) })
	typ, _ := windows.UTF16PtrFromString(blobType)
	var key windows.Handle
	r, _, _ := procNCryptImportKey.Call(uintptr(prov), 0, uintptr(unsafe.Pointer(typ)), 0,
		uintptr(unsafe.Pointer(&key)), uintptr(unsafe.Pointer(&blob[0])), uintptr(len(blob)), 0)
	if r != 0 {
		t.Fatalf("NCryptImportKey(%s): %v", blobType, windows.Errno(r))
	}
	t.Cleanup(func() { nCryptFreeObject(key) })
	return key
}

// rsaPrivateBlob is a BCRYPT_RSAKEY_BLOB with BCRYPT_RSAPRIVATE_MAGIC:
// header, then exponent, modulus, prime1 and prime2, big-endian.
func rsaPrivateBlob(k *rsa.PrivateKey) []byte {
	e := []byte{byte(k.E >> 16), byte(k.E >> 8), byte(k.E)}
	n, p, q := k.N.Bytes(), k.Primes[0].Bytes(), k.Primes[1].Bytes()
	b := binary.LittleEndian.AppendUint32(nil, 0x32415352) // BCRYPT_RSAPRIVATE_MAGIC "RSA2"
	for _, v := range []int{k.N.BitLen(), len(e), len(n), len(p), len(q)} {
		b = binary.LittleEndian.AppendUint32(b, uint32(v))
	}
	return append(append(append(append(b, e...), n...), p...), q...)
}

func TestWindowsCNGSignerRSA(t *testing.T) {
	priv, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	s := &windowsSigner{pub: &priv.PublicKey, key: cngKey(t, "RSAPRIVATEBLOB", rsaPrivateBlob(priv)), ncrypt: true, loc: CurrentUserMy}
	msg := []byte("qscert CNG")
	digests := map[crypto.Hash][]byte{}
	d1 := sha1.Sum(msg)
	d256 := sha256.Sum256(msg)
	d384 := sha512.Sum384(msg)
	d512 := sha512.Sum512(msg)
	digests[crypto.SHA1], digests[crypto.SHA256], digests[crypto.SHA384], digests[crypto.SHA512] = d1[:], d256[:], d384[:], d512[:]
	for h, d := range digests {
		sig, err := s.Sign(nil, d, h)
		if err != nil {
			t.Fatalf("PKCS #1 v1.5 %v: %v", h, err)
		}
		if err := rsa.VerifyPKCS1v15(&priv.PublicKey, h, d, sig); err != nil {
			t.Fatalf("PKCS #1 v1.5 %v does not verify: %v", h, err)
		}
	}
	// TLS 1.3 signs RSA-PSS with the salt as long as the hash.
	for _, salt := range []int{rsa.PSSSaltLengthEqualsHash, rsa.PSSSaltLengthAuto} {
		opts := &rsa.PSSOptions{SaltLength: salt, Hash: crypto.SHA256}
		sig, err := s.Sign(nil, d256[:], opts)
		if err != nil {
			t.Fatalf("PSS salt %d: %v", salt, err)
		}
		if err := rsa.VerifyPSS(&priv.PublicKey, crypto.SHA256, d256[:], sig, opts); err != nil {
			t.Fatalf("PSS salt %d does not verify: %v", salt, err)
		}
	}
	if _, err := s.Sign(nil, d256[:20], crypto.SHA256); err == nil {
		t.Fatal("a digest of the wrong length was signed")
	}
	if _, err := s.Sign(nil, nil, crypto.Hash(0)); err == nil {
		t.Fatal("an empty digest was signed")
	}
}
