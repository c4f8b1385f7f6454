package export

import (
	"crypto"
	"crypto/x509"
	"encoding/pem"
	"errors"

	"software.sslmate.com/src/go-pkcs12"

	"qscert/certs/coded"
)

// parsePFX reads a PKCS#12 file: the legacy (RC2-40 / 3DES, SHA-1 MAC) and
// the modern (AES-256, SHA-256 MAC) forms both decode with go-pkcs12.
func parsePFX(data []byte, password string) (*parsed, error) {
	if !KDFWithinLimit(data) {
		return nil, coded.New(CodeFileCorrupt, ErrTooMuchWork)
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
	return nil, coded.New(CodeFileCorrupt, err)
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
