package install_test

import (
	"testing"
	"time"

	"qscert/certs/export"
	"qscert/certs/install"
	"qscert/certs/qlik"
	"qscert/certs/store"
)

// TestWindowsStoreReplaceAndRestore is issue 3's "done when" on the real
// Windows stores (crypt32, under Wine in CI): a first export, then a second
// for the same host from a new CA, leaves exactly the second set and a
// backup of the first, and restoring the backup brings the first back.
//
// The exports are partial (root and client, what most people copy): Wine 8
// keeps every imported key in one container, machine keys included, so a
// client and a server key installed together overwrite each other there
// (tools/wine/README.md). Windows keeps them apart.
func TestWindowsStoreReplaceAndRestore(t *testing.T) {
	full1, full2, _ := exports(t)
	exp1, exp2 := withoutServer(full1), withoutServer(full2)
	s, err := store.OpenWindows()
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	before := take(t, s)
	t.Cleanup(func() {
		// Leave the machine's stores as they were, whatever happened.
		for _, e := range []*export.Export{exp1, exp2} {
			for _, c := range e.Certificates() {
				for _, loc := range store.Locations {
					_ = s.Remove(loc, qlik.Thumbprint(c.X509))
				}
			}
		}
	})
	backups := t.TempDir()
	installExport(t, exp1, s, backups)
	afterFirst := take(t, s)
	if len(afterFirst) != len(before)+2 {
		t.Fatalf("the first install added %d certificates, want 2", len(afterFirst)-len(before))
	}
	res := installExport(t, exp2, s, backups)
	afterSecond := take(t, s)
	if len(afterSecond) != len(before)+2 || equalSnapshots(afterSecond, afterFirst) {
		t.Fatalf("after the second install:\n%s", afterSecond)
	}
	restore, err := install.PlanRestore(res.BackupDir, s, install.InstallOptions{BackupDir: backups, BackupPassword: backupPassword, Now: testNow.Add(time.Minute)})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := restore.Apply(nil); err != nil {
		t.Fatal(err)
	}
	if got := take(t, s); !equalSnapshots(got, afterFirst) {
		t.Fatalf("after restore:\n%s\nwant:\n%s", got, afterFirst)
	}
}

func withoutServer(e *export.Export) *export.Export {
	c := *e
	c.Server = nil
	return &c
}
