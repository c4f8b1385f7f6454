package install

import (
	"crypto"
	"crypto/rand"
	"crypto/sha256"
	"crypto/x509"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"software.sslmate.com/src/go-pkcs12"

	"qscert/certs/coded"
	"qscert/certs/durable"
	"qscert/certs/store"
)

// encodeBackupPFX writes a certificate and its key (or the certificate
// alone) as a backup PFX file: modern PKCS #12 (AES-256-CBC, PBKDF2-SHA256
// at kdfIterations(), an HMAC-SHA256 MAC), which Windows 10 1709, Server
// 2019 and later, OpenSSL 1.1.1 and qscert read. Server 2016 (1607)
// cannot import it by hand, but `qscert restore` reads it there too, as it
// decodes the file itself.
func encodeBackupPFX(cert *x509.Certificate, key crypto.PrivateKey, password string) ([]byte, error) {
	enc := pkcs12.Modern2023.WithIterations(kdfIterations())
	if key == nil {
		return enc.EncodeTrustStore([]*x509.Certificate{cert}, password)
	}
	return enc.Encode(key, cert, nil, password)
}

// backup is a backup folder being written: the certificates a change
// removes, each exported from the store and written as a PFX file, and
// the manifest, written once every PFX is there and before the first
// change to a store.
type backup struct {
	dir      string
	password string // empty: the change removes nothing and has no password; no manifest is written
	manifest Manifest
}

// newBackup makes a new, empty backup folder inside parent (0700: it holds
// keys, even if encrypted). The folder is named after the time, with a
// suffix when two changes happen within a second.
func newBackup(parent, storeName, password string, now time.Time) (*backup, error) {
	if err := durable.MkdirAll(parent, 0o700); err != nil {
		return nil, coded.New(CodeBackupFolderUnwritable, err, "folder", parent)
	}
	base := filepath.Join(parent, "qscert-backup-"+now.Format("20060102-150405"))
	dir := base
	for i := 2; ; i++ {
		err := durable.Mkdir(dir, 0o700)
		if err == nil {
			break
		}
		if !errors.Is(err, os.ErrExist) || i > 999 {
			return nil, coded.New(CodeBackupFolderUnwritable, err, "folder", parent)
		}
		dir = fmt.Sprintf("%s-%d", base, i)
	}
	return &backup{dir: dir, password: password, manifest: Manifest{
		CreatedAt: now.UTC(), Store: storeName, Entries: []ManifestEntry{}, Added: []AddedEntry{},
	}}, nil
}

// save exports one certificate from the store into the backup and reads
// the file back, so that nothing is removed whose backup does not open.
// It returns the certificate and key as the backup holds them, to put back
// on rollback.
func (b *backup) save(s store.Store, step Step) (*x509.Certificate, crypto.PrivateKey, error) {
	// The store writes its own kind of PFX (Windows chooses the
	// encryption); a one-time password carries it to memory, where it is
	// encoded again the backup's way.
	once := make([]byte, 16)
	_, _ = rand.Read(once)
	exported, err := s.ExportPFX(step.Location, step.Thumbprint, hex.EncodeToString(once))
	if err != nil {
		return nil, nil, err
	}
	cert, key, err := store.DecodePFX(exported, hex.EncodeToString(once))
	if err != nil {
		return nil, nil, coded.New(CodeBackupUnreadable, err, "folder", b.dir)
	}
	pfx, err := encodeBackupPFX(cert, key, b.password)
	if err != nil {
		return nil, nil, coded.New(CodeBackupUnreadable, err, "folder", b.dir)
	}
	if _, _, err := store.DecodePFX(pfx, b.password); err != nil {
		return nil, nil, coded.New(CodeBackupUnreadable, err, "folder", b.dir)
	}
	name := fmt.Sprintf("%s-%s-%s.pfx", step.Location.Scope, step.Location.Name, step.Thumbprint)
	if err := durable.WriteFile(filepath.Join(b.dir, name), pfx, 0o600); err != nil {
		return nil, nil, coded.New(CodeBackupFolderUnwritable, err, "folder", b.dir)
	}
	sum := sha256.Sum256(pfx)
	b.manifest.Entries = append(b.manifest.Entries, ManifestEntry{
		Location: step.Location, Thumbprint: step.Thumbprint, Subject: cert.Subject.String(), Issuer: cert.Issuer.String(),
		NotAfter: cert.NotAfter.UTC(), Role: step.Role, FriendlyName: step.friendlyName, HasPrivateKey: key != nil,
		File: name, FileSHA256: hex.EncodeToString(sum[:]),
	})
	return cert, key, nil
}

// planAdded records what the change will add, for a restore to remove.
func (b *backup) planAdded(steps []Step) {
	for _, s := range steps {
		if s.Kind == StepAdd {
			b.manifest.Added = append(b.manifest.Added, AddedEntry{Location: s.Location, Thumbprint: s.Thumbprint, Subject: s.Subject, Role: s.Role})
		}
	}
}

// writeManifest seals the manifest with the password and writes it,
// durably. Without a password (a change that removes nothing, from an
// export without one) there is nothing to protect and no manifest.
func (b *backup) writeManifest() error {
	if b.password == "" {
		return nil
	}
	if err := b.manifest.seal(b.password); err != nil {
		return coded.New(CodeBackupFolderUnwritable, err, "folder", b.dir)
	}
	data, err := json.MarshalIndent(b.manifest, "", "  ")
	if err != nil {
		return coded.New(CodeBackupFolderUnwritable, err, "folder", b.dir)
	}
	if err := durable.WriteFile(filepath.Join(b.dir, ManifestName), append(data, '\n'), 0o600); err != nil {
		return coded.New(CodeBackupFolderUnwritable, err, "folder", b.dir)
	}
	return nil
}

// DefaultBackupDir is where a change's folder (its backup and journal) is
// made when the caller names none: qscert/backups in the user's
// configuration folder (%APPDATA% on Windows).
func DefaultBackupDir() string {
	dir, err := os.UserConfigDir()
	if err != nil {
		dir = os.TempDir()
	}
	return filepath.Join(dir, "qscert", "backups")
}
