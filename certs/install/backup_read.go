package install

import (
	"crypto"
	"crypto/sha256"
	"crypto/x509"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"

	"software.sslmate.com/src/go-pkcs12"

	"qscert/certs/boundedfile"
	"qscert/certs/coded"
	"qscert/certs/export"
	"qscert/certs/qlik"
	"qscert/certs/store"
)

// maxBackupFile bounds what is read of a manifest or a backup PFX: each
// is a few kilobytes.
const maxBackupFile = 1 << 20

// BackupCertificate is a certificate read back from a backup.
type BackupCertificate struct {
	ManifestEntry
	Cert *x509.Certificate
	Key  crypto.PrivateKey
}

// ReadBackup opens a backup folder with its password and trusts nothing in
// it: the manifest must be authenticated by the password (a wrong password
// gives backup-wrong-password, a changed manifest backup-tampered), each
// PFX file must be the one the manifest names, hold the certificate it says,
// and each certificate must belong where it was (a root in a Root store,
// a client or server certificate with its key in a My store).
func ReadBackup(dir, password string) (*Manifest, []BackupCertificate, error) {
	data, err := boundedfile.Read(filepath.Join(dir, ManifestName), maxBackupFile)
	if err != nil {
		return nil, nil, coded.New(CodeBackupUnreadable, err, "folder", dir)
	}
	var m Manifest
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, nil, coded.New(CodeBackupUnreadable, err, "folder", dir)
	}
	if m.Version != manifestVersion {
		return nil, nil, coded.New(CodeBackupUnreadable, fmt.Errorf("manifest version %d, not %d", m.Version, manifestVersion), "folder", dir)
	}
	if wrongPassword, err := m.verify(password); err != nil {
		if wrongPassword {
			return nil, nil, coded.New(CodeBackupWrongPassword, err, "folder", dir, "file", ManifestName)
		}
		return nil, nil, coded.New(CodeBackupTampered, err, "folder", dir)
	}
	for _, a := range m.Added {
		if err := fits(a.Location, a.Role, true); err != nil {
			return nil, nil, coded.New(CodeBackupMisplaced, err, "folder", dir, "location", a.Location.String(), "subject", a.Subject)
		}
	}
	out := make([]BackupCertificate, 0, len(m.Entries))
	for _, e := range m.Entries {
		b, err := readEntry(dir, e, password)
		if err != nil {
			return nil, nil, err
		}
		out = append(out, b)
	}
	return &m, out, nil
}

// readEntry reads and checks one backed-up certificate.
func readEntry(dir string, e ManifestEntry, password string) (BackupCertificate, error) {
	if !e.Location.Valid() || filepath.Base(e.File) != e.File || e.File == "." || e.File == ManifestName {
		return BackupCertificate{}, coded.New(CodeBackupUnreadable, fmt.Errorf("bad entry %q", e.File), "folder", dir)
	}
	pfx, err := boundedfile.Read(filepath.Join(dir, e.File), maxBackupFile)
	if err != nil {
		return BackupCertificate{}, coded.New(CodeBackupUnreadable, err, "folder", dir)
	}
	if sum := sha256.Sum256(pfx); hex.EncodeToString(sum[:]) != e.FileSHA256 {
		return BackupCertificate{}, coded.New(CodeBackupTampered, fmt.Errorf("%s is not the file the manifest names", e.File), "folder", dir)
	}
	if !export.KDFWithinLimit(pfx) {
		return BackupCertificate{}, coded.New(CodeBackupUnreadable, export.ErrTooMuchWork, "folder", dir)
	}
	cert, key, err := store.DecodePFX(pfx, password)
	if errors.Is(err, pkcs12.ErrIncorrectPassword) {
		return BackupCertificate{}, coded.New(CodeBackupWrongPassword, err, "folder", dir, "file", e.File)
	}
	if err != nil {
		return BackupCertificate{}, coded.New(CodeBackupUnreadable, err, "folder", dir)
	}
	if qlik.Thumbprint(cert) != e.Thumbprint {
		return BackupCertificate{}, coded.New(CodeBackupUnreadable, fmt.Errorf("%s holds another certificate", e.File), "folder", dir)
	}
	role := roleOfBackedUp(cert, e.Role)
	if err := fits(e.Location, role, key != nil); err != nil {
		return BackupCertificate{}, coded.New(CodeBackupMisplaced, err, "folder", dir, "location", e.Location.String(), "subject", cert.Subject.String())
	}
	return BackupCertificate{ManifestEntry: e, Cert: cert, Key: key}, nil
}

// roleOfBackedUp is the role a backed-up certificate has: what the
// certificate itself says first, the manifest's word only when it says
// nothing (a root without the Qlik extension).
func roleOfBackedUp(c *x509.Certificate, recorded qlik.Role) qlik.Role {
	if r, ok := qlikRoleOf(c); ok && r != "" {
		return r
	}
	if qlik.SelfSigned(c) {
		return qlik.RoleRoot
	}
	return recorded
}

// fits says whether a certificate of role belongs in loc: a root in a Root
// store, a client or server certificate in a My store with its key. qscert
// never puts anything else anywhere, so a backup that says otherwise was
// changed by hand.
func fits(loc store.Location, role qlik.Role, hasKey bool) error {
	if !loc.Valid() {
		return fmt.Errorf("%s is not a location qscert uses", loc)
	}
	switch role {
	case qlik.RoleRoot:
		if loc.Name != "Root" {
			return fmt.Errorf("a root certificate in %s", loc)
		}
	case qlik.RoleClient, qlik.RoleServer:
		if loc.Name != "My" {
			return fmt.Errorf("a %s certificate in %s", role, loc)
		}
		if !hasKey {
			return fmt.Errorf("a %s certificate without its key", role)
		}
	default:
		return fmt.Errorf("a certificate of no Qlik role in %s", loc)
	}
	return nil
}
