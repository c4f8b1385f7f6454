package install_test

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"qscert/certs/coded"
	"qscert/certs/install"
	"qscert/certs/qlik"
	"qscert/certs/store"
	"qscert/certs/store/storetest"
)

// tamperSetup installs a first export, then a re-export of the same site
// (which backs up and replaces the client and server), and returns the
// store and the second install's backup folder; other is the backup of an
// install of a recreated site, whose root is another root of the same
// name.
func tamperSetup(t *testing.T) (s *storetest.Memory, backup, other string) {
	t.Helper()
	exp1, exp2 := reExports(t, qlik.FormatWindows)
	_, recreated, _ := exports(t)
	scratch := storetest.NewMemory()
	installExport(t, recreated, scratch, t.TempDir())
	other = installExport(t, exp1, scratch, t.TempDir()).BackupDir // it backed up the recreated site's root

	s = storetest.NewMemory()
	installExport(t, exp1, s, t.TempDir())
	backup = installExport(t, exp2, s, t.TempDir()).BackupDir
	return s, backup, other
}

func entryOfRole(m *install.Manifest, role qlik.Role) int {
	for i, e := range m.Entries {
		if e.Role == role {
			return i
		}
	}
	return -1
}

// TestATamperedBackupIsRefusedBeforeAnyChange: each manipulation gives its
// own code, changes nothing, and never panics.
func TestATamperedBackupIsRefusedBeforeAnyChange(t *testing.T) {
	cases := []struct {
		name   string
		tamper func(t *testing.T, backup, other string)
		want   coded.Code
	}{
		{"location edited", func(t *testing.T, b, _ string) {
			reseal(t, b, false, func(m *install.Manifest) {
				m.Entries[entryOfRole(m, qlik.RoleClient)].Location = store.LocalMachineRoot
			})
		}, install.CodeBackupTampered},
		{"location edited by someone with the password", func(t *testing.T, b, _ string) {
			reseal(t, b, true, func(m *install.Manifest) {
				m.Entries[entryOfRole(m, qlik.RoleClient)].Location = store.LocalMachineRoot
			})
		}, install.CodeBackupMisplaced},
		{"added entry moved by someone with the password", func(t *testing.T, b, _ string) {
			reseal(t, b, true, func(m *install.Manifest) { m.Added[0].Location = store.CurrentUserRoot })
		}, install.CodeBackupMisplaced},
		{"entry deleted", func(t *testing.T, b, _ string) {
			reseal(t, b, false, func(m *install.Manifest) { m.Entries = m.Entries[1:] })
		}, install.CodeBackupTampered},
		{"root entry copied from another backup of the site", func(t *testing.T, b, other string) {
			var root install.ManifestEntry
			readManifest(t, other, func(m *install.Manifest) { root = m.Entries[entryOfRole(m, qlik.RoleRoot)] })
			copyFile(t, filepath.Join(other, root.File), filepath.Join(b, root.File))
			reseal(t, b, true, func(m *install.Manifest) { m.Entries = append(m.Entries, root) })
		}, install.CodeBackupTwoRoots},
		{"PFX file swapped", func(t *testing.T, b, other string) {
			var theirs, mine string
			readManifest(t, other, func(m *install.Manifest) { theirs = m.Entries[0].File })
			readManifest(t, b, func(m *install.Manifest) { mine = m.Entries[0].File })
			copyFile(t, filepath.Join(other, theirs), filepath.Join(b, mine))
		}, install.CodeBackupTampered},
		{"key derivation weakened", func(t *testing.T, b, _ string) {
			reseal(t, b, false, func(m *install.Manifest) { m.KDF.Iterations = 1 })
		}, install.CodeBackupTampered},
		{"MAC removed", func(t *testing.T, b, _ string) {
			reseal(t, b, false, func(m *install.Manifest) { m.MAC = "" })
		}, install.CodeBackupTampered},
		{"an older manifest version", func(t *testing.T, b, _ string) {
			reseal(t, b, false, func(m *install.Manifest) { m.Version = 1 })
		}, install.CodeBackupUnreadable},
		{"PFX named outside the folder", func(t *testing.T, b, _ string) {
			reseal(t, b, true, func(m *install.Manifest) { m.Entries[0].File = "../manifest.json" })
		}, install.CodeBackupUnreadable},
		{"PFX replaced by a link to an endless device", func(t *testing.T, b, _ string) {
			if runtime.GOOS == "windows" {
				t.Skip("no /dev/zero")
			}
			var name string
			readManifest(t, b, func(m *install.Manifest) { name = m.Entries[0].File })
			p := filepath.Join(b, name)
			if err := os.Remove(p); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink("/dev/zero", p); err != nil {
				t.Fatal(err)
			}
		}, install.CodeBackupUnreadable},
		{"manifest replaced by a FIFO", func(t *testing.T, b, _ string) {
			if runtime.GOOS == "windows" {
				t.Skip("no FIFO")
			}
			p := filepath.Join(b, install.ManifestName)
			if err := os.Remove(p); err != nil {
				t.Fatal(err)
			}
			if err := mkfifo(p); err != nil {
				t.Fatal(err)
			}
		}, install.CodeBackupUnreadable},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, backup, other := tamperSetup(t)
			before := take(t, s)
			c.tamper(t, backup, other)
			_, err := install.PlanRestore(backup, s, install.InstallOptions{BackupDir: t.TempDir(), BackupPassword: backupPassword, Now: testNow})
			if got := coded.CodeOf(err); got != c.want {
				t.Fatalf("code %q (%v), want %q", got, err, c.want)
			}
			if after := take(t, s); !equalSnapshots(after, before) {
				t.Fatalf("the store changed:\n%s", after)
			}
		})
	}
}

func TestAWrongBackupPasswordIsToldFromATamperedBackup(t *testing.T) {
	s, backup, _ := tamperSetup(t)
	_, err := install.PlanRestore(backup, s, install.InstallOptions{BackupPassword: "another-password"})
	if coded.CodeOf(err) != install.CodeBackupWrongPassword {
		t.Fatalf("error %v, want backup-wrong-password", err)
	}
}

func TestABackupPasswordOfSpacesIsRefused(t *testing.T) {
	for pw, ok := range map[string]bool{"        ": false, " a b c d e f g ": false, "abcdefgh": true, "  abcdefgh  ": true, "motdepasse": true, "é€ß漢字ñøü": true} {
		if install.BackupPasswordOK(pw) != ok {
			t.Errorf("BackupPasswordOK(%q) = %v", pw, !ok)
		}
	}
	exp1, exp2 := reExports(t, qlik.FormatPEM)
	s := storetest.NewMemory()
	installExport(t, exp1, s, t.TempDir())
	_, err := install.PlanInstall(exp2, s, install.InstallOptions{BackupDir: t.TempDir(), BackupPassword: "        "})
	if coded.CodeOf(err) != install.CodeBackupPasswordTooShort {
		t.Fatalf("eight spaces: %v", err)
	}
}

func reseal(t *testing.T, dir string, withPassword bool, change func(*install.Manifest)) {
	t.Helper()
	if err := install.ResealManifest(dir, backupPassword, withPassword, change); err != nil {
		t.Fatal(err)
	}
}

func readManifest(t *testing.T, dir string, look func(*install.Manifest)) {
	t.Helper()
	m, _, err := install.ReadBackup(dir, backupPassword)
	if err != nil {
		t.Fatal(err)
	}
	look(m)
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o600); err != nil {
		t.Fatal(err)
	}
}
