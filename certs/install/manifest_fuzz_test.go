package install_test

import (
	"os"
	"path/filepath"
	"testing"

	"qscert/certs/coded"
	"qscert/certs/export"
	"qscert/certs/install"
	"qscert/certs/qlik"
	"qscert/certs/store/storetest"
)

// FuzzReadBackup: whatever a manifest.json holds, beside real backup PFX
// files, reading the backup ends with a backup code, never a panic, and
// never trusts a manifest its password did not seal.
func FuzzReadBackup(f *testing.F) {
	exp1, exp2 := reExports(f, qlik.FormatWindows)
	s := storetest.NewMemory()
	dir := f.TempDir()
	if _, err := installAt(exp1, s, dir); err != nil {
		f.Fatal(err)
	}
	res, err := installAt(exp2, s, dir)
	if err != nil {
		f.Fatal(err)
	}
	good, err := os.ReadFile(filepath.Join(res.BackupDir, install.ManifestName))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good)
	f.Add([]byte(`{"version":2}`))
	f.Add([]byte(`{"version":2,"kdf":{"algorithm":"pbkdf2-sha256","salt":"AAAAAAAAAAAAAAAAAAAAAA==","iterations":4000000000}}`))
	f.Add([]byte(`[]`))
	f.Add([]byte{})
	known := map[coded.Code]bool{install.CodeBackupUnreadable: true, install.CodeBackupWrongPassword: true,
		install.CodeBackupTampered: true, install.CodeBackupMisplaced: true}
	f.Fuzz(func(t *testing.T, manifest []byte) {
		if err := os.WriteFile(filepath.Join(res.BackupDir, install.ManifestName), manifest, 0o600); err != nil {
			t.Fatal(err)
		}
		_, saved, err := install.ReadBackup(res.BackupDir, backupPassword)
		if err == nil {
			// Only a manifest its MAC holds for is trusted: the fuzzer
			// would need the password's key to forge one, so whatever it
			// makes that is read must say what the sealed one said.
			if len(saved) != 2 {
				t.Fatalf("a changed manifest was trusted: %d certificates", len(saved))
			}
			return
		}
		if !known[coded.CodeOf(err)] {
			t.Fatalf("code %q: %v", coded.CodeOf(err), err)
		}
	})
}

// installAt installs exp into s with backups in dir, for fuzz set-up.
func installAt(exp *export.Export, s *storetest.Memory, dir string) (*install.Result, error) {
	plan, err := install.PlanInstall(exp, s, install.InstallOptions{BackupDir: dir, BackupPassword: backupPassword, Now: testNow})
	if err != nil {
		return nil, err
	}
	return plan.Apply(nil)
}
