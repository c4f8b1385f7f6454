package export

import (
	"bytes"
	"crypto"
	"crypto/x509"
	"encoding/pem"
	"errors"

	"github.com/youmark/pkcs8"

	"qscert/certs/coded"
)

// parsePEM reads every PEM block of a file. A block that is cut short (a
// truncated copy) makes the whole file corrupt rather than silently
// half-read.
func parsePEM(data []byte, password string, budget *workBudget) (*parsed, error) {
	p := &parsed{kind: kindPEM}
	if err := spendPEM(data, budget); err != nil {
		return nil, err
	}
	rest := data
	unknown := 0
	for {
		var block *pem.Block
		block, rest = pem.Decode(rest)
		if block == nil {
			break
		}
		switch block.Type {
		case "CERTIFICATE", "X509 CERTIFICATE":
			c, err := x509.ParseCertificate(block.Bytes)
			if err != nil {
				return nil, coded.New(CodeFileCorrupt, err)
			}
			p.certs = append(p.certs, c)
		case "RSA PRIVATE KEY", "EC PRIVATE KEY", "PRIVATE KEY", "ENCRYPTED PRIVATE KEY":
			key, err := parsePEMKey(block, password, budget)
			if err != nil {
				return nil, err
			}
			p.keys = append(p.keys, key)
		default:
			unknown++
		}
	}
	if bytes.Contains(rest, []byte("-----BEGIN")) {
		return nil, coded.New(CodeFileCorrupt, errors.New("a PEM block has no valid end"))
	}
	if len(p.certs) == 0 && len(p.keys) == 0 {
		if unknown > 0 {
			return nil, coded.New(CodeUnknownFormat, nil)
		}
		return nil, coded.New(CodeFileCorrupt, errors.New("no PEM block"))
	}
	return p, nil
}

// parsePEMKey decodes a private key block. Qlik writes PKCS#1 keys; when the
// export has a password they may be encrypted with it, in the legacy OpenSSL
// form (Proc-Type: 4,ENCRYPTED) or as PKCS#8 ENCRYPTED PRIVATE KEY.
func parsePEMKey(block *pem.Block, password string, budget *workBudget) (crypto.PrivateKey, error) {
	der := block.Bytes
	//lint:ignore SA1019 the legacy OpenSSL PEM encryption is what such files use; Go's own
	// decryption is deprecated only because the format is weak, not because it is wrong.
	if x509.IsEncryptedPEMBlock(block) { //nolint:staticcheck
		if password == "" {
			return nil, coded.New(CodePasswordRequired, nil)
		}
		plain, err := x509.DecryptPEMBlock(block, []byte(password)) //nolint:staticcheck
		if err != nil {
			if errors.Is(err, x509.IncorrectPasswordError) {
				return nil, coded.New(CodeWrongPassword, err)
			}
			return nil, coded.New(CodeFileCorrupt, err)
		}
		der = plain
	}
	if block.Type == "ENCRYPTED PRIVATE KEY" {
		if scheme, ok := olderPKCS8Scheme(der); ok {
			return nil, coded.New(CodeKeyEncryptionUnsupported, errors.New("PKCS#8 encrypted with "+scheme), "scheme", scheme)
		}
		if password == "" {
			return nil, coded.New(CodePasswordRequired, nil)
		}
		key, err := pkcs8.ParsePKCS8PrivateKey(der, []byte(password))
		if err != nil {
			// youmark/pkcs8 has no sentinel error; this is its message when
			// the decrypted bytes do not parse, which is what a wrong
			// password gives.
			if err.Error() == "pkcs8: incorrect password" {
				return nil, coded.New(CodeWrongPassword, err)
			}
			return nil, coded.New(CodeFileCorrupt, err)
		}
		return key, nil
	}
	key, err := parseKeyDER(der)
	if err != nil {
		// A wrong password on a legacy-encrypted block decrypts to garbage
		// that sometimes passes the padding check; it then fails here.
		if x509.IsEncryptedPEMBlock(block) { //nolint:staticcheck
			return nil, coded.New(CodeWrongPassword, err)
		}
		return nil, coded.New(CodeFileCorrupt, err)
	}
	return key, nil
}

// parseKeyDER accepts PKCS#1, PKCS#8 and SEC 1 keys, whatever the PEM label
// claims: tools mislabel them often enough.
func parseKeyDER(der []byte) (crypto.PrivateKey, error) {
	if k, err := x509.ParsePKCS1PrivateKey(der); err == nil {
		return k, nil
	}
	if k, err := x509.ParsePKCS8PrivateKey(der); err == nil {
		return k, nil
	}
	if k, err := x509.ParseECPrivateKey(der); err == nil {
		return k, nil
	}
	return nil, errors.New("not a PKCS#1, PKCS#8 or SEC 1 private key")
}

// spendPEM counts, before anything is parsed or decrypted, every
// certificate and key of a PEM file and the key derivation of its
// encrypted keys, so that a file of thousands of expensive keys is refused
// at once rather than after minutes.
func spendPEM(data []byte, budget *workBudget) error {
	rest := data
	for {
		var block *pem.Block
		block, rest = pem.Decode(rest)
		if block == nil {
			return nil
		}
		switch block.Type {
		case "CERTIFICATE", "X509 CERTIFICATE", "RSA PRIVATE KEY", "EC PRIVATE KEY", "PRIVATE KEY":
			if err := budget.spendObject(); err != nil {
				return err
			}
		case "ENCRYPTED PRIVATE KEY":
			if err := budget.spendObject(); err != nil {
				return err
			}
			if err := budget.spendKDF(block.Bytes); err != nil {
				return err
			}
		}
	}
}
