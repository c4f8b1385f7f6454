package certstest

import (
	"bytes"
	"crypto/rand"
	"encoding/asn1"
	"encoding/pem"
	"os"
	"path/filepath"

	"qscert/certs/export"
)

// limitVariants are exports that ask for more than any real export: they
// must be refused quickly and within a bounded memory.
var limitVariants = []Variant{
	{Name: "hundreds-of-certificates", Code: export.CodeExportTooLarge, Write: func(dir string, b *Base) error {
		if err := good(dir, b); err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, "extra.pem"), bytes.Repeat(CertPEM(b.Export.Root.Cert), 300), 0o600)
	}},
	{Name: "keys-asking-for-minutes", Code: export.CodeExportTooMuchWork, Write: func(dir string, b *Base) error {
		if err := good(dir, b); err != nil {
			return err
		}
		var file bytes.Buffer
		for range 50 {
			key, err := EncryptedKeyShell(1_000_000)
			if err != nil {
				return err
			}
			file.Write(key)
		}
		return os.WriteFile(filepath.Join(dir, "extra_key.pem"), file.Bytes(), 0o600)
	}},
}

// EncryptedKeyShell is a PEM "ENCRYPTED PRIVATE KEY" (PKCS#8, PBES2 with
// PBKDF2 at iterations, AES-256-CBC) around random bytes: its structure
// asks for the work, and no password opens it.
func EncryptedKeyShell(iterations int) ([]byte, error) {
	type algo struct {
		OID    asn1.ObjectIdentifier
		Params asn1.RawValue
	}
	salt, iv, body := make([]byte, 16), make([]byte, 16), make([]byte, 1232)
	_, _ = rand.Read(salt)
	_, _ = rand.Read(iv)
	_, _ = rand.Read(body)
	kdfParams, err := asn1.Marshal(struct {
		Salt       []byte
		Iterations int
	}{salt, iterations})
	if err != nil {
		return nil, err
	}
	ivDER, err := asn1.Marshal(iv)
	if err != nil {
		return nil, err
	}
	kdf := algo{asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 5, 12}, asn1.RawValue{FullBytes: kdfParams}} // id-PBKDF2
	enc := algo{asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 1, 42}, asn1.RawValue{FullBytes: ivDER}} // aes256-CBC
	pbes2Params, err := asn1.Marshal(struct{ KDF, Enc algo }{kdf, enc})
	if err != nil {
		return nil, err
	}
	der, err := asn1.Marshal(struct {
		Algo algo
		Data []byte
	}{algo{asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 5, 13}, asn1.RawValue{FullBytes: pbes2Params}}, body}) // id-PBES2
	if err != nil {
		return nil, err
	}
	return pem.EncodeToMemory(&pem.Block{Type: "ENCRYPTED PRIVATE KEY", Bytes: der}), nil
}
