package export

import (
	"crypto"
	"crypto/x509"
	"encoding/asn1"
	"encoding/pem"
	"errors"

	"software.sslmate.com/src/go-pkcs12"

	"qscert/certs/coded"
)

// parsePFX reads a PKCS#12 file: the legacy (RC2-40 / 3DES, SHA-1 MAC) and
// the modern (AES-256, SHA-256 MAC) forms both decode with go-pkcs12.
func parsePFX(data []byte, password string, budget *workBudget) (*parsed, error) {
	if err := budget.spendKDF(data); err != nil {
		return nil, err
	}
	outer, ok := pfxOuterOf(data)
	if !ok {
		return nil, coded.New(CodeFileCorrupt, errors.New("not a PKCS#12 file"))
	}
	// PKCS#12 turns the password into UTF-16 code units; go-pkcs12 can only
	// encode the Basic Multilingual Plane, and fails on an emoji with an
	// error that would read as a damaged file.
	if !encodableInPFX(password) {
		return nil, coded.New(CodePasswordUnsupported, errors.New("the password has characters outside the Basic Multilingual Plane"))
	}
	key, leaf, chain, err := pkcs12.DecodeChain(data, password)
	if err == nil {
		return &parsed{kind: kindPFX, certs: []*x509.Certificate{leaf}, chain: chain, keys: []crypto.PrivateKey{key}}, nil
	}
	if errors.Is(err, pkcs12.ErrIncorrectPassword) {
		if password == "" {
			return nil, coded.New(CodePasswordRequired, err)
		}
		return nil, coded.New(CodeWrongPassword, err)
	}
	// DecodeChain insists on a private key. An export made without "Include
	// secret key" holds certificates only; read those so that the user is
	// told the key is missing rather than that the file is broken.
	if certs, err := pkcs12.DecodeTrustStore(data, password); err == nil && len(certs) > 0 {
		return &parsed{kind: kindPFX, certs: certs[:1], chain: certs[1:]}, nil
	}
	//lint:ignore SA1019 ToPEM is the only go-pkcs12 call that lists the bags of a key-less PFX.
	if blocks, err := pkcs12.ToPEM(data, password); err == nil { //nolint:staticcheck
		if p := fromPFXBlocks(blocks); p != nil {
			return p, nil
		}
	}
	if err.Error() == errPFXKeyMissing {
		// The MAC matched and the certificates decrypted, so the password is
		// right and the file whole, but it has no key. go-pkcs12 does not hand
		// out the certificates of such a file when it has one safe only (as
		// `openssl pkcs12 -export -nokeys` writes), so the file is reported
		// for what it lacks.
		return nil, coded.New(CodeNoPrivateKey, err)
	}
	if !outer.hasMAC() {
		// go-pkcs12 opens a PFX without a MAC only without a password; with
		// one it cannot tell a wrong password from a damaged file.
		return nil, coded.New(CodePFXNoMAC, err)
	}
	return nil, coded.New(CodeFileCorrupt, err)
}

// errPFXKeyMissing is go-pkcs12's error when a PFX opened but holds no
// private key. The library has no sentinel for it; the tests that read
// OpenSSL's key-less PFX files fail if the text changes.
const errPFXKeyMissing = "pkcs12: private key missing"

// pfxOuter is the outermost structure of a PKCS#12 file (RFC 7292, PFX):
// enough to tell whether the file has a MAC, nothing decrypted.
type pfxOuter struct {
	Version  int
	AuthSafe asn1.RawValue
	MacData  asn1.RawValue `asn1:"optional"`
}

func pfxOuterOf(data []byte) (pfxOuter, bool) {
	var o pfxOuter
	rest, err := asn1.Unmarshal(data, &o)
	return o, err == nil && len(rest) == 0 && o.Version == 3
}

func (o pfxOuter) hasMAC() bool { return len(o.MacData.FullBytes) > 0 }

// encodableInPFX reports whether every character of password is in the
// Basic Multilingual Plane, the only ones go-pkcs12 turns into a PFX key.
func encodableInPFX(password string) bool {
	for _, r := range password {
		if r > 0xffff {
			return false
		}
	}
	return true
}

func fromPFXBlocks(blocks []*pem.Block) *parsed {
	p := &parsed{kind: kindPFX}
	for _, b := range blocks {
		switch b.Type {
		case "CERTIFICATE":
			c, err := x509.ParseCertificate(b.Bytes)
			if err != nil {
				return nil
			}
			if len(p.certs) == 0 {
				p.certs = append(p.certs, c)
			} else {
				p.chain = append(p.chain, c)
			}
		case "PRIVATE KEY":
			k, err := parseKeyDER(b.Bytes)
			if err != nil {
				return nil
			}
			p.keys = append(p.keys, k)
		}
	}
	if len(p.certs) == 0 {
		return nil
	}
	return p
}

// ErrTooMuchWork is the cause of a file refused by KDFWithinLimit.
var ErrTooMuchWork = errors.New("the file asks for more key-derivation iterations than any real export uses")
