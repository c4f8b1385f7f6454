package install_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"qscert/certs/coded"
	"qscert/certs/install"
	"qscert/certs/qlik"
	"qscert/certs/store"
	"qscert/certs/store/storetest"
)

// A backup written on its own, before anything is removed (the central
// node's recreate), restores like an install's: remove what it backed up,
// add a new set, record the new set as added, restore: the old set is
// back exactly and the new one gone.
func TestWriteBackupThenRecordAddedRestoresTheOldSet(t *testing.T) {
	exp1, _, _ := exports(t)
	_, exp2, _ := exports(t)
	for _, s := range []store.Store{storetest.NewMemory(), folderStore(t)} {
		t.Run(s.Name(), func(t *testing.T) {
			installExport(t, exp1, s, t.TempDir())
			before := take(t, s)
			found, err := install.Classify(nil, s)
			if err != nil {
				t.Fatal(err)
			}
			var ids []store.CertID
			for _, f := range found {
				ids = append(ids, f.ID())
			}
			dir, err := install.WriteBackup(s, ids, t.TempDir(), backupPassword, testNow)
			if err != nil {
				t.Fatal(err)
			}
			if !equalSnapshots(take(t, s), before) {
				t.Fatal("WriteBackup changed the store")
			}
			for _, id := range ids {
				if err := s.Remove(id.Location, id.Thumbprint); err != nil {
					t.Fatal(err)
				}
			}
			// The new set, as the repository would make it.
			var added []install.AddedEntry
			for _, c := range exp2.Certificates() {
				loc := store.LocalMachineMy
				switch c.Role {
				case qlik.RoleRoot:
					loc = store.LocalMachineRoot
				case qlik.RoleClient:
					loc = store.CurrentUserMy
				}
				if err := s.Add(loc, c.X509, c.Key, ""); err != nil {
					t.Fatal(err)
				}
				added = append(added, install.AddedEntry{Location: loc, Thumbprint: qlik.Thumbprint(c.X509), Subject: c.X509.Subject.String(), Role: c.Role})
			}
			// Before the new set is recorded, restoring would leave two
			// roots of the site: refused.
			_, err = install.PlanRestore(dir, s, install.InstallOptions{BackupDir: t.TempDir(), BackupPassword: backupPassword, Now: testNow})
			if coded.CodeOf(err) != install.CodeBackupTwoRoots {
				t.Fatalf("restore before RecordAdded: %v, want backup-two-roots", err)
			}
			if err := install.RecordAdded(dir, backupPassword, added); err != nil {
				t.Fatal(err)
			}
			if err := install.RecordAdded(dir, backupPassword, added[:1]); err != nil { // again: no duplicate
				t.Fatal(err)
			}
			m, _, err := install.ReadBackup(dir, backupPassword)
			if err != nil || len(m.Added) != len(added) || len(m.Entries) != len(ids) {
				t.Fatalf("manifest: %+v, %v", m, err)
			}
			restore(t, dir, s)
			if got := take(t, s); !equalSnapshots(got, before) {
				t.Fatalf("restored\n%s\nwant\n%s", got, before)
			}
		})
	}
}

func TestRecordAddedRefusesAWrongPasswordAndAChangedManifest(t *testing.T) {
	exp1, _, _ := exports(t)
	s := storetest.NewMemory()
	installExport(t, exp1, s, t.TempDir())
	entries, _ := s.List(store.LocalMachineRoot)
	ids := []store.CertID{entries[0].ID()}
	dir, err := install.WriteBackup(s, ids, t.TempDir(), backupPassword, testNow)
	if err != nil {
		t.Fatal(err)
	}
	add := []install.AddedEntry{{Location: store.LocalMachineRoot, Thumbprint: "00", Role: qlik.RoleRoot}}
	if err := install.RecordAdded(dir, "not-the-password", add); coded.CodeOf(err) != install.CodeBackupWrongPassword {
		t.Fatalf("wrong password: %v", err)
	}
	misplaced := []install.AddedEntry{{Location: store.LocalMachineMy, Thumbprint: "00", Role: qlik.RoleRoot}}
	if err := install.RecordAdded(dir, backupPassword, misplaced); coded.CodeOf(err) != install.CodeBackupMisplaced {
		t.Fatalf("a root in My: %v", err)
	}
	// The store's name changed by hand: the password still opens it, the
	// MAC does not match.
	path := filepath.Join(dir, install.ManifestName)
	data, _ := os.ReadFile(path)
	var m install.Manifest
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	m.Store = "elsewhere"
	data, _ = json.Marshal(m)
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := install.RecordAdded(dir, backupPassword, add); coded.CodeOf(err) != install.CodeBackupTampered {
		t.Fatalf("changed manifest: %v", err)
	}
}

func TestWriteBackupRefusesWhatIsNotThere(t *testing.T) {
	s := storetest.NewMemory()
	_, err := install.WriteBackup(s, []store.CertID{{Location: store.LocalMachineRoot, Thumbprint: "AB"}}, t.TempDir(), backupPassword, testNow)
	if coded.CodeOf(err) != store.CodeCertNotFound {
		t.Fatalf("absent certificate: %v", err)
	}
	_, err = install.WriteBackup(s, nil, t.TempDir(), "short", time.Now())
	if coded.CodeOf(err) != install.CodeBackupPasswordTooShort {
		t.Fatalf("short password: %v", err)
	}
}
