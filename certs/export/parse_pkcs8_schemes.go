package export

import (
	"crypto/x509/pkix"
	"encoding/asn1"
)

// oidPBES2 is the scheme youmark/pkcs8 reads (PKCS#5 v2: PBKDF2 or scrypt
// with AES or 3DES), the one OpenSSL and the QMC write by default.
var oidPBES2 = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 5, 13}

// olderSchemes are the password-based schemes of PKCS#5 v1.5 (PBES1) and
// PKCS#12 that `openssl pkcs8 -topk8 -v1 NAME` writes, by OpenSSL's names.
// No library the project may use reads them in a PKCS#8 file:
// youmark/pkcs8 and go.step.sm/crypto's pemutil read PBES2 only, and
// go-pkcs12 decrypts the PKCS#12 ones inside a PFX but offers no call for a
// lone key. So such a key gets a code of its own, with the command that
// converts it, rather than "damaged".
var olderSchemes = map[string]string{
	"1.2.840.113549.1.5.1":    "PBE-MD2-DES",
	"1.2.840.113549.1.5.3":    "PBE-MD5-DES",
	"1.2.840.113549.1.5.4":    "PBE-MD2-RC2-64",
	"1.2.840.113549.1.5.6":    "PBE-MD5-RC2-64",
	"1.2.840.113549.1.5.10":   "PBE-SHA1-DES",
	"1.2.840.113549.1.5.11":   "PBE-SHA1-RC2-64",
	"1.2.840.113549.1.12.1.1": "PBE-SHA1-RC4-128",
	"1.2.840.113549.1.12.1.2": "PBE-SHA1-RC4-40",
	"1.2.840.113549.1.12.1.3": "PBE-SHA1-3DES",
	"1.2.840.113549.1.12.1.4": "PBE-SHA1-2DES",
	"1.2.840.113549.1.12.1.5": "PBE-SHA1-RC2-128",
	"1.2.840.113549.1.12.1.6": "PBE-SHA1-RC2-40",
}

// encryptedPrivateKeyInfo is PKCS#8's EncryptedPrivateKeyInfo (RFC 5208).
type encryptedPrivateKeyInfo struct {
	Algorithm     pkix.AlgorithmIdentifier
	EncryptedData []byte
}

// olderPKCS8Scheme reports the name of the scheme of an encrypted PKCS#8
// key when it is not PBES2: OpenSSL's name for the older ones, the OID for
// anything else. A key that does not parse, or uses PBES2, is left to
// youmark/pkcs8.
func olderPKCS8Scheme(der []byte) (string, bool) {
	var info encryptedPrivateKeyInfo
	rest, err := asn1.Unmarshal(der, &info)
	if err != nil || len(rest) != 0 || len(info.Algorithm.Algorithm) == 0 || info.Algorithm.Algorithm.Equal(oidPBES2) {
		return "", false
	}
	if name, ok := olderSchemes[info.Algorithm.Algorithm.String()]; ok {
		return name, true
	}
	return info.Algorithm.Algorithm.String(), true
}
