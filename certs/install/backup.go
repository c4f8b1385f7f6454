package install

import (
	"crypto"
	"crypto/x509"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"software.sslmate.com/src/go-pkcs12"

	"qscert/certs/coded"
	"qscert/certs/export"
	"qscert/certs/qlik"
	"qscert/certs/store"
)

// ManifestName is the file that lists a backup's certificates.
const ManifestName = "manifest.json"

// Manifest describes a backup folder: where each certificate was, what it
// is, and the password-protected PFX file that holds it (with its key when
// it had one).
type Manifest struct {
	CreatedAt time.Time       `json:"createdAt"`
	Store     string          `json:"store"`
	Entries   []ManifestEntry `json:"entries"`
}

// ManifestEntry is one backed-up certificate.
type ManifestEntry struct {
	Location      store.Location `json:"location"`
	Thumbprint    string         `json:"thumbprint"`
	Subject       string         `json:"subject"`
	Issuer        string         `json:"issuer"`
	NotAfter      time.Time      `json:"notAfter"`
	Role          qlik.Role      `json:"role,omitempty"`
	FriendlyName  string         `json:"friendlyName,omitempty"`
	HasPrivateKey bool           `json:"hasPrivateKey"`
	File          string         `json:"file"`
}

// backup is a backup folder being written.
type backup struct {
	dir      string
	password string
	manifest Manifest
}

// newBackup makes a new, empty backup folder inside parent (0700: it holds
// keys, even if encrypted). The folder is named after the time, with a
// suffix when two installs happen within a second.
func newBackup(parent, storeName, password string, now time.Time) (*backup, error) {
	if err := os.MkdirAll(parent, 0o700); err != nil {
		return nil, coded.New(CodeBackupFolderUnwritable, err, "folder", parent)
	}
	base := filepath.Join(parent, "qscert-backup-"+now.Format("20060102-150405"))
	dir := base
	for i := 2; ; i++ {
		err := os.Mkdir(dir, 0o700)
		if err == nil {
			break
		}
		if !errors.Is(err, os.ErrExist) || i > 99 {
			return nil, coded.New(CodeBackupFolderUnwritable, err, "folder", parent)
		}
		dir = fmt.Sprintf("%s-%d", base, i)
	}
	b := &backup{dir: dir, password: password, manifest: Manifest{CreatedAt: now.UTC(), Store: storeName, Entries: []ManifestEntry{}}}
	// Write the empty manifest now: it proves the folder takes files
	// before anything else happens.
	if err := b.writeManifest(); err != nil {
		os.Remove(dir)
		return nil, err
	}
	return b, nil
}

// save exports one certificate from the store into the backup and reads
// the file back, so that nothing is removed whose backup does not open.
// It returns the certificate and key as the backup holds them, to put back
// on rollback.
func (b *backup) save(s store.Store, step Step) (*x509.Certificate, crypto.PrivateKey, error) {
	pfx, err := s.ExportPFX(step.Location, step.Thumbprint, b.password)
	if err != nil {
		return nil, nil, err
	}
	cert, key, err := store.DecodePFX(pfx, b.password)
	if err != nil {
		return nil, nil, coded.New(CodeBackupUnreadable, err, "folder", b.dir)
	}
	name := fmt.Sprintf("%s-%s-%s.pfx", step.Location.Scope, step.Location.Name, step.Thumbprint)
	if err := os.WriteFile(filepath.Join(b.dir, name), pfx, 0o600); err != nil {
		return nil, nil, coded.New(CodeBackupFolderUnwritable, err, "folder", b.dir)
	}
	b.manifest.Entries = append(b.manifest.Entries, ManifestEntry{
		Location: step.Location, Thumbprint: step.Thumbprint, Subject: cert.Subject.String(), Issuer: cert.Issuer.String(),
		NotAfter: cert.NotAfter.UTC(), Role: step.Role, FriendlyName: step.friendlyName, HasPrivateKey: key != nil, File: name,
	})
	if err := b.writeManifest(); err != nil {
		return nil, nil, err
	}
	return cert, key, nil
}

func (b *backup) writeManifest() error {
	data, err := json.MarshalIndent(b.manifest, "", "  ")
	if err != nil {
		return coded.New(CodeBackupFolderUnwritable, err, "folder", b.dir)
	}
	if err := os.WriteFile(filepath.Join(b.dir, ManifestName), append(data, '\n'), 0o600); err != nil {
		return coded.New(CodeBackupFolderUnwritable, err, "folder", b.dir)
	}
	return nil
}

// BackupCertificate is a certificate read back from a backup.
type BackupCertificate struct {
	ManifestEntry
	Cert *x509.Certificate
	Key  crypto.PrivateKey
}

// ReadBackup opens a backup folder with its password.
func ReadBackup(dir, password string) (*Manifest, []BackupCertificate, error) {
	data, err := os.ReadFile(filepath.Join(dir, ManifestName))
	if err != nil {
		return nil, nil, coded.New(CodeBackupUnreadable, err, "folder", dir)
	}
	var m Manifest
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, nil, coded.New(CodeBackupUnreadable, err, "folder", dir)
	}
	var out []BackupCertificate
	for _, e := range m.Entries {
		if !e.Location.Valid() || filepath.Base(e.File) != e.File {
			return nil, nil, coded.New(CodeBackupUnreadable, fmt.Errorf("bad entry %q", e.File), "folder", dir)
		}
		pfx, err := os.ReadFile(filepath.Join(dir, e.File))
		if err != nil {
			return nil, nil, coded.New(CodeBackupUnreadable, err, "folder", dir)
		}
		if !export.KDFWithinLimit(pfx) {
			return nil, nil, coded.New(CodeBackupUnreadable, export.ErrTooMuchWork, "folder", dir)
		}
		cert, key, err := store.DecodePFX(pfx, password)
		if errors.Is(err, pkcs12.ErrIncorrectPassword) {
			return nil, nil, coded.New(CodeBackupWrongPassword, err, "folder", dir, "file", e.File)
		}
		if err != nil {
			return nil, nil, coded.New(CodeBackupUnreadable, err, "folder", dir)
		}
		if qlik.Thumbprint(cert) != e.Thumbprint {
			return nil, nil, coded.New(CodeBackupUnreadable, fmt.Errorf("%s holds another certificate", e.File), "folder", dir)
		}
		out = append(out, BackupCertificate{ManifestEntry: e, Cert: cert, Key: key})
	}
	return &m, out, nil
}
