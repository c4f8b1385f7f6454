package export

import (
	"bytes"
	"crypto"
	"crypto/x509"
	"fmt"
	"strings"

	"qscert/certs/coded"
)

// parsed is what one file holds.
type parsed struct {
	certs []*x509.Certificate // certificates the file is about
	chain []*x509.Certificate // extra certificates inside a PFX (its chain)
	keys  []crypto.PrivateKey
	kind  fileKind
}

type fileKind int

const (
	kindPEM fileKind = iota + 1
	kindDER
	kindPFX
)

// ParseFile reads the certificates and keys in one file, whatever its name
// says: PEM (certificates, PKCS#1, PKCS#8, EC keys, encrypted or not), a DER
// certificate, or a PFX. The error is coded (file-corrupt, wrong-password,
// password-required, unknown-format); it never panics, whatever the bytes.
func ParseFile(name string, data []byte, password string) (certs, chain []*x509.Certificate, keys []crypto.PrivateKey, err error) {
	p, err := parseFile(name, data, password, newWorkBudget())
	if err != nil {
		return nil, nil, nil, err
	}
	return p.certs, p.chain, p.keys, nil
}

func parseFile(name string, data []byte, password string, budget *workBudget) (p *parsed, err error) {
	// The parsers below are third-party code fed with bytes from anywhere;
	// youmark/pkcs8 panics on a ciphertext that is not whole blocks. A panic
	// must never reach the user: it is a corrupt file.
	defer func() {
		if r := recover(); r != nil {
			p, err = nil, coded.New(CodeFileCorrupt, fmt.Errorf("parser panic: %v", r))
		}
	}()
	// PEM files saved by Notepad or PowerShell start with a byte order
	// mark, and PowerShell's are UTF-16.
	if text := asText(data); bytes.Contains(text, []byte("-----BEGIN")) {
		return parsePEM(text, password, budget)
	}
	lower := strings.ToLower(name)
	if strings.HasSuffix(lower, ".pfx") || strings.HasSuffix(lower, ".p12") {
		return parsePFX(data, password, budget)
	}
	// root.cer and .crt files come in DER as often as in PEM.
	if c, err := x509.ParseCertificate(data); err == nil {
		return &parsed{certs: []*x509.Certificate{c}, kind: kindDER}, nil
	}
	if der, ok := derWithoutTrailingSpace(data); ok {
		if c, err := x509.ParseCertificate(der); err == nil {
			return &parsed{certs: []*x509.Certificate{c}, kind: kindDER}, nil
		}
	}
	// A PFX renamed to something else still deserves a chance.
	if p, err := parsePFX(data, password, budget); err == nil || coded.CodeOf(err) != CodeFileCorrupt {
		return p, err
	}
	return nil, coded.New(CodeFileCorrupt, nil)
}
