package certstest

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"fmt"
	"os"
	"path/filepath"

	"qscert/certs/qlik"

	"github.com/youmark/pkcs8"
	"software.sslmate.com/src/go-pkcs12"
)

// PFXEncoding is the go-pkcs12 encoder used for .pfx files.
type PFXEncoding string

const (
	PFXLegacyRC2 PFXEncoding = "legacy-rc2" // RC2-40 certificates, 3DES keys, SHA-1 MAC
	PFXLegacyDES PFXEncoding = "legacy-des" // 3DES throughout, SHA-1 MAC
	PFXModern    PFXEncoding = "modern"     // AES-256-CBC, PBKDF2-SHA-256, SHA-256 MAC
)

// KeyEncoding is how PEM private keys are written.
type KeyEncoding string

const (
	KeyPKCS1 KeyEncoding = "pkcs1" // RSA PRIVATE KEY, as Qlik writes them
	KeyPKCS8 KeyEncoding = "pkcs8" // PRIVATE KEY
	// KeyLegacyEncrypted is PKCS#1 encrypted with the password in the old
	// OpenSSL form (Proc-Type: 4,ENCRYPTED).
	KeyLegacyEncrypted KeyEncoding = "legacy-encrypted"
	// KeyPKCS8Encrypted is ENCRYPTED PRIVATE KEY (PBES2).
	KeyPKCS8Encrypted KeyEncoding = "pkcs8-encrypted"
)

// WriteOptions say how to lay an export out on disk.
type WriteOptions struct {
	Format   qlik.Format // FormatPEM or FormatWindows
	Password string
	PFX      PFXEncoding // default PFXLegacyDES
	Key      KeyEncoding // default KeyPKCS1
	// Partial leaves the server files out, which is what most people copy.
	Partial bool
	// NoPrivateKeys writes certificates only, as when "Include secret key"
	// is not ticked.
	NoPrivateKeys bool
	// RootPEM writes root.cer in PEM rather than DER (Windows format).
	RootPEM bool
	// ChainInPFX adds the root inside client.pfx and server.pfx.
	ChainInPFX bool
}

// Write writes the export into dir (created if needed). Private key files
// are 0600.
func (e *Export) Write(dir string, o WriteOptions) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	switch o.Format {
	case qlik.FormatPEM:
		return e.writePEM(dir, o)
	case qlik.FormatWindows:
		return e.writeWindows(dir, o)
	}
	return fmt.Errorf("certstest: unknown format %q", o.Format)
}

func (e *Export) writePEM(dir string, o WriteOptions) error {
	if err := WriteFile(dir, "root.pem", CertPEM(e.Root.Cert), 0o644); err != nil {
		return err
	}
	pairs := []struct {
		name string
		is   *Issued
	}{{"client", e.Client}, {"server", e.Server}}
	for _, p := range pairs {
		if p.name == "server" && o.Partial {
			continue
		}
		if err := WriteFile(dir, p.name+".pem", CertPEM(p.is.Cert), 0o644); err != nil {
			return err
		}
		if o.NoPrivateKeys {
			continue
		}
		keyPEM, err := KeyPEM(p.is.Key, o.Key, o.Password)
		if err != nil {
			return err
		}
		if err := WriteFile(dir, p.name+"_key.pem", keyPEM, 0o600); err != nil {
			return err
		}
	}
	return nil
}

func (e *Export) writeWindows(dir string, o WriteOptions) error {
	root := e.Root.Cert.Raw
	if o.RootPEM {
		root = CertPEM(e.Root.Cert)
	}
	if err := WriteFile(dir, "root.cer", root, 0o644); err != nil {
		return err
	}
	pairs := []struct {
		name string
		is   *Issued
	}{{"client", e.Client}, {"server", e.Server}}
	for _, p := range pairs {
		if p.name == "server" && o.Partial {
			continue
		}
		var chain []*x509.Certificate
		if o.ChainInPFX {
			chain = []*x509.Certificate{e.Root.Cert}
		}
		var data []byte
		var err error
		if o.NoPrivateKeys {
			data, err = encoder(o.PFX).EncodeTrustStore(append([]*x509.Certificate{p.is.Cert}, chain...), o.Password)
		} else {
			data, err = PFX(p.is, chain, o.PFX, o.Password)
		}
		if err != nil {
			return err
		}
		if err := WriteFile(dir, p.name+".pfx", data, 0o600); err != nil {
			return err
		}
	}
	return nil
}

// WriteFile writes one file of an export with the given mode.
func WriteFile(dir, name string, data []byte, mode os.FileMode) error {
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, data, mode); err != nil {
		return err
	}
	return os.Chmod(path, mode) // WriteFile keeps the mode of an existing file
}

// CertPEM encodes a certificate as PEM.
func CertPEM(c *x509.Certificate) []byte {
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: c.Raw})
}

// KeyPEM encodes an RSA key in one of the encodings exports use.
func KeyPEM(k *rsa.PrivateKey, enc KeyEncoding, password string) ([]byte, error) {
	switch enc {
	case "", KeyPKCS1:
		return pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: x509.MarshalPKCS1PrivateKey(k)}), nil
	case KeyPKCS8:
		der, err := x509.MarshalPKCS8PrivateKey(k)
		if err != nil {
			return nil, err
		}
		return pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der}), nil
	case KeyLegacyEncrypted:
		//lint:ignore SA1019 producing the legacy form is the point: exports use it.
		block, err := x509.EncryptPEMBlock(rand.Reader, "RSA PRIVATE KEY", x509.MarshalPKCS1PrivateKey(k), []byte(password), x509.PEMCipherAES256) //nolint:staticcheck
		if err != nil {
			return nil, err
		}
		return pem.EncodeToMemory(block), nil
	case KeyPKCS8Encrypted:
		der, err := pkcs8.MarshalPrivateKey(k, []byte(password), nil)
		if err != nil {
			return nil, err
		}
		return pem.EncodeToMemory(&pem.Block{Type: "ENCRYPTED PRIVATE KEY", Bytes: der}), nil
	}
	return nil, fmt.Errorf("certstest: unknown key encoding %q", enc)
}

// PFX encodes a certificate, its key and an optional chain.
func PFX(is *Issued, chain []*x509.Certificate, enc PFXEncoding, password string) ([]byte, error) {
	return encoder(enc).Encode(is.Key, is.Cert, chain, password)
}

func encoder(enc PFXEncoding) *pkcs12.Encoder {
	switch enc {
	case PFXLegacyRC2:
		return pkcs12.LegacyRC2
	case PFXModern:
		return pkcs12.Modern
	}
	return pkcs12.LegacyDES
}
