package certstest

import (
	"archive/zip"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"encoding/asn1"
	"encoding/pem"
	"fmt"
	"os"
	"path/filepath"

	"qscert/certs/export"
	"qscert/certs/qlik"
	"qscert/certs/validate"
)

// NonBMPPassword is a password with a character outside the Basic
// Multilingual Plane (an emoji), which PKCS#12 encodes as a surrogate pair.
const NonBMPPassword = "Qlik\U0001F511-2026"

// realFileVariants are the broken exports of the issue "As people use it":
// zipped exports that must be refused, and files other tools write.
var realFileVariants = []Variant{
	{Name: "root-file-with-two-roots", Code: export.CodeConflictingInFile, Write: func(dir string, b *Base) error {
		if err := good(dir, b); err != nil {
			return err
		}
		other, err := otherSite("other-central.example", b)
		if err != nil {
			return err
		}
		both := append(CertPEM(b.Export.Root.Cert), CertPEM(other.Root)...)
		return os.WriteFile(filepath.Join(dir, certFile(b, "root")), both, 0o644)
	}},
	{Name: "password-with-emoji", Code: export.CodePasswordUnsupported, Format: qlik.FormatWindows,
		Write:    func(dir string, b *Base) error { return good(dir, withPassword(b)) },
		Password: func(*Base) string { return NonBMPPassword }},
	{Name: "pfx-without-mac", Code: export.CodePFXNoMAC, Format: qlik.FormatWindows, Write: func(dir string, b *Base) error {
		c := withPassword(b)
		if err := good(dir, c); err != nil {
			return err
		}
		return rewriteErr(dir, "client.pfx", WithoutMAC)
	}, Password: func(b *Base) string { return withPassword(b).Options.Password }},
	{Name: "pkcs8-key-with-pbes1", Code: export.CodeKeyEncryptionUnsupported, Format: qlik.FormatPEM, Write: func(dir string, b *Base) error {
		c := withPassword(b)
		if err := good(dir, c); err != nil {
			return err
		}
		// The shape `openssl pkcs8 -topk8 -v1 PBE-SHA1-3DES` writes; the
		// OpenSSL corpus has the real thing.
		der, err := asn1.Marshal(encryptedKeyInfo{
			Algorithm: pbeAlgorithm{OID: asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 12, 1, 3}, Params: pbeParams{randomBytes(8), 2048}},
			Data:      randomBytes(1232),
		})
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, "client_key.pem"), pem.EncodeToMemory(&pem.Block{Type: "ENCRYPTED PRIVATE KEY", Bytes: der}), 0o600)
	}, Password: func(b *Base) string { return withPassword(b).Options.Password }},

	// Zipped exports. Write lays the zip at dir itself: the path a user
	// gives is the zip.
	{Name: "zip-over-size-limit", Code: export.CodeZipTooLarge, Write: func(dir string, b *Base) error {
		return b.Export.WriteZipOf(dir, "", b.Options, ZipEntry{Name: "recording.mp4", Data: randomBytes(export.MaxZipSize), Method: zip.Store})
	}},
	{Name: "zip-with-too-many-entries", Code: export.CodeZipTooManyEntries, Write: func(dir string, b *Base) error {
		var extra []ZipEntry
		for i := 0; i <= export.MaxZipEntries; i++ {
			extra = append(extra, ZipEntry{Name: fmt.Sprintf("notes/%04d.txt", i)})
		}
		return b.Export.WriteZipOf(dir, "", b.Options, extra...)
	}},
	{Name: "zip-bomb", Code: export.CodeZipCompressionRatio, Write: func(dir string, b *Base) error {
		// A "client" file that inflates to 8 MiB of zeros from a few
		// kilobytes: refused before a byte of it is inflated.
		return b.Export.WriteZipOf(dir, "", b.Options, ZipEntry{Name: "client (2)" + filepath.Ext(certFile(b, "client")), Data: make([]byte, 8<<20)})
	}},
	{Name: "zip-encrypted", Code: export.CodeZipEncrypted, Write: func(dir string, b *Base) error {
		src, err := os.MkdirTemp(filepath.Dir(dir), ".zip-source-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(src)
		if err := good(src, b); err != nil {
			return err
		}
		entries, err := FolderEntries(src, "")
		if err != nil {
			return err
		}
		for i := range entries {
			// ZipCrypto-protected entries are stored with bit 0 set and
			// their bytes encrypted; the flag is what a reader sees first.
			entries[i].Flags |= 0x1
			entries[i].Data, entries[i].Raw, entries[i].Method = randomBytes(len(entries[i].Data)+12), true, zip.Store
		}
		data, err := Zip(entries)
		if err != nil {
			return err
		}
		return os.WriteFile(dir, data, 0o600)
	}},
	{Name: "zip-lzma", Code: export.CodeZipUnsupportedMethod, Write: func(dir string, b *Base) error {
		src, err := os.MkdirTemp(filepath.Dir(dir), ".zip-source-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(src)
		if err := good(src, b); err != nil {
			return err
		}
		entries, err := FolderEntries(src, "")
		if err != nil {
			return err
		}
		for i := range entries {
			// 7-Zip's "LZMA" method (14); archive/zip reads Store and Deflate.
			entries[i].Method, entries[i].Raw = 14, true
		}
		data, err := Zip(entries)
		if err != nil {
			return err
		}
		return os.WriteFile(dir, data, 0o600)
	}},
	{Name: "zip-truncated", Code: export.CodeZipCorrupt, Write: func(dir string, b *Base) error {
		if err := b.Export.WriteZipOf(dir, "rep01", b.Options); err != nil {
			return err
		}
		return rewrite(filepath.Dir(dir), filepath.Base(dir), func(d []byte) []byte { return d[:len(d)*2/3] })
	}},
	{Name: "zip-of-several-machines", Code: export.CodeZipSeveralExports, Write: func(dir string, b *Base) error {
		src, err := os.MkdirTemp(filepath.Dir(dir), ".zip-source-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(src)
		var entries []ZipEntry
		for _, machine := range []string{"rep01", "rep02"} {
			if err := good(filepath.Join(src, machine), b); err != nil {
				return err
			}
			e, err := FolderEntries(filepath.Join(src, machine), "Exported Certificates/"+machine)
			if err != nil {
				return err
			}
			entries = append(entries, e...)
		}
		data, err := Zip(entries)
		if err != nil {
			return err
		}
		return os.WriteFile(dir, data, 0o600)
	}},

	// What validation says about files other tools make.
	{Name: "root-without-basic-constraints", Code: validate.CodeRootWithoutBasicConstraints, Write: func(dir string, b *Base) error {
		return writeWithRoot(dir, b, func(t *x509.Certificate) { t.BasicConstraintsValid, t.IsCA, t.KeyUsage = false, false, 0 })
	}},
	{Name: "root-marked-ca", Code: validate.CodeRootMarkedCA, Write: func(dir string, b *Base) error {
		return writeWithRoot(dir, b, func(t *x509.Certificate) {
			t.BasicConstraintsValid, t.IsCA, t.KeyUsage = true, true, x509.KeyUsageCertSign|x509.KeyUsageCRLSign
		})
	}},
	{Name: "root-says-ca-false", Code: validate.CodeRootNotCA, Write: func(dir string, b *Base) error {
		return writeWithRoot(dir, b, func(t *x509.Certificate) { t.BasicConstraintsValid, t.IsCA, t.KeyUsage = true, false, 0 })
	}},
	{Name: "client-for-server-auth-only", Code: validate.CodeClientNotForClientAuth, Write: func(dir string, b *Base) error {
		return writeWith(dir, b, func(e *Export) error {
			c := b.Export.Client
			var err error
			e.Client, err = e.Site.IssueWithTemplate(qlik.RoleClient, qlik.ClientName, c.Key, c.Cert.NotBefore, c.Cert.NotAfter,
				func(t *x509.Certificate) { t.ExtKeyUsage = []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth} })
			return err
		})
	}},
	{Name: "client-with-ecdsa-key", Code: validate.CodeKeyNotRSA, Write: func(dir string, b *Base) error {
		if err := good(dir, b); err != nil {
			return err
		}
		key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
		if err != nil {
			return err
		}
		c := b.Export.Client.Cert
		cert, err := b.Export.Site.IssueFor(qlik.RoleClient, qlik.ClientName, &key.PublicKey, c.NotBefore, c.NotAfter)
		if err != nil {
			return err
		}
		if b.Options.Format == qlik.FormatWindows {
			data, err := encoder(b.Options.PFX).Encode(key, cert, nil, b.Options.Password)
			if err != nil {
				return err
			}
			return WriteFile(dir, "client.pfx", data, 0o600)
		}
		der, err := x509.MarshalPKCS8PrivateKey(key)
		if err != nil {
			return err
		}
		if err := WriteFile(dir, "client.pem", CertPEM(cert), 0o644); err != nil {
			return err
		}
		return WriteFile(dir, "client_key.pem", pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der}), 0o600)
	}},
}

// writeWithRoot writes the base export with its root made again from the
// same key and name (so the client and server still verify) and the
// template changed.
func writeWithRoot(dir string, b *Base, change func(*x509.Certificate)) error {
	return writeWith(dir, b, func(e *Export) error {
		root, err := e.Site.ReissueRoot(change)
		if err != nil {
			return err
		}
		e.Root = &Issued{Cert: root, Key: e.Site.RootKey}
		return nil
	})
}

func rewriteErr(dir, name string, change func([]byte) ([]byte, error)) error {
	path := filepath.Join(dir, name)
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	out, err := change(data)
	if err != nil {
		return err
	}
	return os.WriteFile(path, out, 0o600)
}

// WithoutMAC drops the MAC of a PFX, as `openssl pkcs12 -export -nomac`
// writes it: the outer structure is re-encoded without its MacData, the
// encrypted content untouched.
func WithoutMAC(pfx []byte) ([]byte, error) {
	var outer struct {
		Version  int
		AuthSafe asn1.RawValue
		MacData  asn1.RawValue `asn1:"optional"`
	}
	if _, err := asn1.Unmarshal(pfx, &outer); err != nil {
		return nil, err
	}
	return asn1.Marshal(struct {
		Version  int
		AuthSafe asn1.RawValue
	}{outer.Version, outer.AuthSafe})
}

// encryptedKeyInfo is PKCS#8's EncryptedPrivateKeyInfo with PBES1-style
// parameters (a salt and an iteration count).
type encryptedKeyInfo struct {
	Algorithm pbeAlgorithm
	Data      []byte
}

type pbeAlgorithm struct {
	OID    asn1.ObjectIdentifier
	Params pbeParams
}

type pbeParams struct {
	Salt       []byte
	Iterations int
}
