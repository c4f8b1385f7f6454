package export

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

// KDFWithinLimit scans DER for the pattern every password-based scheme in
// PKCS#12 and PKCS#8 shares: a salt (OCTET STRING) followed by an iteration
// count (INTEGER) at the start of one SEQUENCE (PBE parameters, PBKDF2
// parameters, scrypt's cost, or a PFX's MacData after its digest). It
// returns false when a count is over the limit.
//
// It looks only at structure, never at encrypted bytes: it enters
// constructed elements, and OCTET STRINGs only when their whole content is
// DER (a PFX's content is; a salt, a digest or ciphertext almost never is).
// Encrypted content ([0] IMPLICIT, primitive) is never entered: random
// bytes there once looked like a huge iteration count and a real export was
// refused. Parameters inside still-encrypted parts are out of sight, but
// reaching them requires the right password, which a hostile file cannot
// count on.
func KDFWithinLimit(der []byte) bool {
	_, ok := kdfWork(der)
	return ok
}

// kdfWork is the key-derivation work der asks for: its iteration counts
// added up; ok is false when one count alone is over the limit.
func kdfWork(der []byte) (iterations int64, ok bool) {
	ok = scanDER(der, 0, &iterations)
	return iterations, ok
}

func scanDER(der []byte, depth int, total *int64) bool {
	if depth > maxDERDepth {
		return true
	}
	rest := der
	var prev asn1.RawValue
	for i := 0; len(rest) > 0; i++ {
		var v asn1.RawValue
		next, err := asn1.Unmarshal(rest, &v)
		if err != nil {
			return true // not DER: nothing here asks for any work
		}
		rest = next
		if i >= 1 && i <= 2 && isUniversal(prev, asn1.TagOctetString) && isUniversal(v, asn1.TagInteger) {
			n := new(big.Int).SetBytes(v.Bytes)
			if len(v.Bytes) > 0 && v.Bytes[0]&0x80 == 0 {
				if n.Cmp(big.NewInt(maxKDFIterations)) > 0 {
					return false
				}
				*total += n.Int64()
			}
		}
		enter := v.IsCompound || (isUniversal(v, asn1.TagOctetString) && holdsDER(v.Bytes))
		if enter && !scanDER(v.Bytes, depth+1, total) {
			return false
		}
		prev = v
	}
	return true
}

func isUniversal(v asn1.RawValue, tag int) bool {
	return v.Class == asn1.ClassUniversal && v.Tag == tag
}

// holdsDER reports whether b is, to its last byte, a run of well-formed DER
// elements.
func holdsDER(b []byte) bool {
	if len(b) == 0 {
		return false
	}
	for len(b) > 0 {
		var v asn1.RawValue
		rest, err := asn1.Unmarshal(b, &v)
		if err != nil {
			return false
		}
		b = rest
	}
	return true
}
