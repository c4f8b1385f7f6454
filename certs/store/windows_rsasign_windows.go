package store

import (
	"crypto"
	"crypto/rsa"
	"errors"
	"slices"
	"unsafe"

	"golang.org/x/sys/windows"
)

// cngHashName is the BCRYPT_*_ALGORITHM name CNG takes in the padding
// info: the hash whose OID goes into a PKCS #1 v1.5 signature.
var cngHashName = map[crypto.Hash]string{
	crypto.SHA1:   "SHA1",   // BCRYPT_SHA1_ALGORITHM
	crypto.SHA256: "SHA256", // BCRYPT_SHA256_ALGORITHM
	crypto.SHA384: "SHA384", // BCRYPT_SHA384_ALGORITHM
	crypto.SHA512: "SHA512", // BCRYPT_SHA512_ALGORITHM
}

var errUnsupportedHash = errors.New("hash not supported for signing")

// signRSACNG signs with NCryptSignHash.
func (s *windowsSigner) signRSACNG(pub *rsa.PublicKey, digest []byte, hash crypto.Hash, pss *rsa.PSSOptions) ([]byte, error) {
	var padding unsafe.Pointer
	var flags uint32
	var algID *uint16
	if hash == crypto.MD5SHA1 {
		algID = nil // no OID: the TLS 1.0/1.1 signature
	} else if name, ok := cngHashName[hash]; ok {
		algID, _ = windows.UTF16PtrFromString(name)
	} else {
		return nil, errUnsupportedHash
	}
	if pss != nil {
		if algID == nil {
			return nil, errUnsupportedHash
		}
		salt := pss.SaltLength
		switch salt {
		case rsa.PSSSaltLengthEqualsHash: // what TLS 1.3 uses
			salt = hash.Size()
		case rsa.PSSSaltLengthAuto: // as crypto/rsa: the largest that fits
			salt = (pub.N.BitLen()-1+7)/8 - hash.Size() - 2
		}
		if salt < 0 {
			return nil, errors.New("invalid PSS salt length")
		}
		padding = unsafe.Pointer(&bcryptPSSPaddingInfo{AlgID: algID, Salt: uint32(salt)})
		flags = bcryptPadPSS // BCRYPT_PAD_PSS
	} else {
		padding = unsafe.Pointer(&bcryptPKCS1PaddingInfo{AlgID: algID})
		flags = bcryptPadPKCS1 // BCRYPT_PAD_PKCS1
	}
	return s.ncryptSign(padding, digest, flags)
}

// ncryptSign calls NCryptSignHash twice: for the size, then to sign.
func (s *windowsSigner) ncryptSign(padding unsafe.Pointer, digest []byte, flags uint32) ([]byte, error) {
	var size uint32
	if err := nCryptSignHash(s.key, padding, &digest[0], uint32(len(digest)), nil, 0, &size, flags); err != nil {
		return nil, err
	}
	sig := make([]byte, size)
	if err := nCryptSignHash(s.key, padding, &digest[0], uint32(len(digest)), &sig[0], size, &size, flags); err != nil {
		return nil, err
	}
	return sig[:size], nil
}

// capiHashAlg is the CryptoAPI ALG_ID of each hash.
var capiHashAlg = map[crypto.Hash]uint32{
	crypto.SHA1:   calgSHA1,   // CALG_SHA1
	crypto.SHA256: calgSHA256, // CALG_SHA_256
	crypto.SHA384: calgSHA384, // CALG_SHA_384
	crypto.SHA512: calgSHA512, // CALG_SHA_512
}

// signRSACAPI signs with a CryptoAPI provider, which knows PKCS #1 v1.5
// only. Windows hands out such a handle only when CNG cannot open the key;
// Wine does for every key.
func (s *windowsSigner) signRSACAPI(digest []byte, hash crypto.Hash, pss *rsa.PSSOptions) ([]byte, error) {
	if pss != nil {
		return nil, errors.New("RSA-PSS needs a CNG key; this key is held by a CryptoAPI provider")
	}
	alg, ok := capiHashAlg[hash]
	if !ok {
		return nil, errUnsupportedHash
	}
	var hh windows.Handle
	if err := cryptCreateHash(s.key, alg, 0, 0, &hh); err != nil {
		return nil, err
	}
	defer cryptDestroyHash(hh)
	// HP_HASHVAL: sign the digest we were given rather than hashing data.
	if err := cryptSetHashParam(hh, hpHashVal, &digest[0], 0); err != nil {
		return nil, err
	}
	var size uint32
	if err := cryptSignHash(hh, s.keySpec, nil, 0, nil, &size); err != nil {
		return nil, err
	}
	sig := make([]byte, size)
	if err := cryptSignHash(hh, s.keySpec, nil, 0, &sig[0], &size); err != nil {
		return nil, err
	}
	// CryptoAPI writes the signature little-endian.
	sig = sig[:size]
	slices.Reverse(sig)
	return sig, nil
}
