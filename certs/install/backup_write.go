package install

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"time"

	"qscert/certs/boundedfile"
	"qscert/certs/coded"
	"qscert/certs/durable"
	"qscert/certs/store"
)

// WriteBackup writes a backup of the certificates ids of s into a new
// folder inside parent, exactly as a plan backs up what it removes (each
// certificate with its key in a password-protected PFX file, read back
// before the next, then the sealed manifest), and changes nothing in s.
// Restoring the folder (PlanRestore, `qscert restore`) puts them back.
//
// The recreate procedure of the central node (certs/central) needs it: it
// backs up before it stops any Qlik service, and deletes only later, so
// the backup cannot be one step of the plan that deletes. Only Qlik
// certificates are backed up (ids naming anything else are refused): a
// backup restores into Qlik's locations only.
func WriteBackup(s store.Store, ids []store.CertID, parent, password string, now time.Time) (string, error) {
	if !BackupPasswordOK(password) {
		return "", coded.New(CodeBackupPasswordTooShort, nil, "min", fmt.Sprint(MinBackupPassword))
	}
	found, err := Classify(nil, s)
	if err != nil {
		return "", err
	}
	byID := make(map[store.CertID]Found, len(found))
	for _, f := range found {
		byID[f.ID()] = f
	}
	for _, id := range ids {
		f, ok := byID[id]
		if !ok {
			return "", coded.New(store.CodeCertNotFound, nil, "store", s.Name(), "location", id.Location.String(), "thumbprint", id.Thumbprint)
		}
		if f.Class != ClassQlik {
			return "", fmt.Errorf("%s is not a Qlik certificate", id)
		}
	}
	bk, err := newBackup(parent, s.Name(), password, now)
	if err != nil {
		return "", err
	}
	for _, id := range ids {
		f := byID[id]
		step := Step{Kind: StepBackup, Location: id.Location, Role: f.Role, Subject: f.Cert.Subject.String(),
			Thumbprint: id.Thumbprint, WithKey: f.HasPrivateKey, cert: f.Cert, friendlyName: f.FriendlyName}
		if _, _, err := bk.save(s, step); err != nil {
			return bk.dir, err
		}
	}
	return bk.dir, bk.writeManifest()
}

// RecordAdded adds to the manifest of the backup in dir the certificates a
// change added after the backup was written, so that restoring the backup
// removes them too: the recreate procedure learns the repository's new
// certificates only once it has made them. The manifest is checked with
// the password first (backup-wrong-password, backup-tampered), then sealed
// again and written in one step. Entries it already lists are not added
// twice.
func RecordAdded(dir, password string, added []AddedEntry) error {
	path := filepath.Join(dir, ManifestName)
	data, err := boundedfile.Read(path, maxBackupFile)
	if err != nil {
		return coded.New(CodeBackupUnreadable, err, "folder", dir)
	}
	var m Manifest
	if err := json.Unmarshal(data, &m); err != nil {
		return coded.New(CodeBackupUnreadable, err, "folder", dir)
	}
	if wrongPassword, err := m.verify(password); err != nil {
		if wrongPassword {
			return coded.New(CodeBackupWrongPassword, err, "folder", dir, "file", ManifestName)
		}
		return coded.New(CodeBackupTampered, err, "folder", dir)
	}
	listed := map[store.CertID]bool{}
	for _, a := range m.Added {
		listed[a.ID()] = true
	}
	for _, a := range added {
		if err := fits(a.Location, a.Role, true); err != nil {
			return coded.New(CodeBackupMisplaced, err, "folder", dir, "location", a.Location.String(), "subject", a.Subject)
		}
		if !listed[a.ID()] {
			m.Added = append(m.Added, a)
			listed[a.ID()] = true
		}
	}
	if err := m.seal(password); err != nil {
		return coded.New(CodeBackupFolderUnwritable, err, "folder", dir)
	}
	out, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return coded.New(CodeBackupFolderUnwritable, err, "folder", dir)
	}
	if err := durable.WriteFile(path, append(out, '\n'), 0o600); err != nil {
		return coded.New(CodeBackupFolderUnwritable, err, "folder", dir)
	}
	return nil
}
