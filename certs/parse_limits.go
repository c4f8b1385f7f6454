package certs

import (
	"encoding/asn1"
	"math/big"
)

// maxKDFIterations bounds the key-derivation work a file may ask for. PFX
// files from Windows and OpenSSL use 2,000 to 10,000 iterations, the most
// cautious PBKDF2 settings about 600,000. A file asking for more is refused rather
// than allowed to keep the wizard busy for minutes: go-pkcs12 and
// youmark/pkcs8 take the count from the file and do not bound it.
const maxKDFIterations = 1 << 20

// maxDERDepth bounds the recursion of the scan below.
const maxDERDepth = 24

// kdfWorkBounded scans DER for the pattern every password-based scheme in
// PKCS#12 and PKCS#8 shares: a salt (OCTET STRING) followed by an iteration
// count (INTEGER) in one SEQUENCE (PBE parameters, PBKDF2 parameters, PFX
// MacData, scrypt's cost). It returns false when a count is over the limit.
// OCTET STRINGs that themselves hold DER (a PFX's content) are scanned too.
// Parameters inside still-encrypted parts are out of sight, but reaching them
// requires the right password, which a hostile file cannot count on.
func kdfWorkBounded(der []byte) bool {
	return scanDER(der, 0)
}

func scanDER(der []byte, depth int) bool {
	if depth > maxDERDepth {
		return true
	}
	rest := der
	var prev *asn1.RawValue
	for len(rest) > 0 {
		var v asn1.RawValue
		next, err := asn1.Unmarshal(rest, &v)
		if err != nil {
			return true // not DER: nothing here asks for any work
		}
		rest = next
		if prev != nil && prev.Class == asn1.ClassUniversal && prev.Tag == asn1.TagOctetString &&
			v.Class == asn1.ClassUniversal && v.Tag == asn1.TagInteger {
			n := new(big.Int).SetBytes(v.Bytes)
			if len(v.Bytes) > 0 && v.Bytes[0]&0x80 == 0 && n.Cmp(big.NewInt(maxKDFIterations)) > 0 {
				return false
			}
		}
		if v.IsCompound || (v.Class == asn1.ClassUniversal && v.Tag == asn1.TagOctetString) ||
			v.Class == asn1.ClassContextSpecific {
			if !scanDER(v.Bytes, depth+1) {
				return false
			}
		}
		cur := v
		prev = &cur
	}
	return true
}
