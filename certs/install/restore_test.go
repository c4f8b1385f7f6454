package install_test

import (
	"sync"
	"testing"
	"time"

	"qscert/certs/certstest"
	"qscert/certs/export"
	"qscert/certs/install"
	"qscert/certs/qlik"
	"qscert/certs/store"
	"qscert/certs/store/storetest"
)

// reExports are two exports of one site for one machine: the same root,
// a new client and server (what "Export certificates" gives when run
// again), in the given format. Made once per format: RSA keys are slow.
func reExports(t testing.TB, format qlik.Format) (*export.Export, *export.Export) {
	t.Helper()
	reExportsMu.Lock()
	defer reExportsMu.Unlock()
	if pair, ok := reExportsMade[format]; ok {
		return pair[0], pair[1]
	}
	site, err := certstest.NewSite(testHost, certstest.StyleLegacy, testNow)
	if err != nil {
		t.Fatal(err)
	}
	var out [2]*export.Export
	for i := range out {
		gen, err := site.NewExport(testMachine)
		if err != nil {
			t.Fatal(err)
		}
		dir := t.TempDir()
		if err := gen.Write(dir, certstest.WriteOptions{Format: format, Password: "Qlik!2026"}); err != nil {
			t.Fatal(err)
		}
		if out[i], err = export.LoadExport(dir, "Qlik!2026"); err != nil {
			t.Fatal(err)
		}
	}
	reExportsMade[format] = out
	return out[0], out[1]
}

var (
	reExportsMu   sync.Mutex
	reExportsMade = map[qlik.Format][2]*export.Export{}
)

func restore(t *testing.T, dir string, s store.Store) *install.Result {
	t.Helper()
	plan, err := install.PlanRestore(dir, s, install.InstallOptions{BackupDir: t.TempDir(), BackupPassword: backupPassword, Now: testNow.Add(time.Minute)})
	if err != nil {
		t.Fatal(err)
	}
	res, err := plan.Apply(nil)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// The restore of normal use: install an export, install a re-export of the
// same site, restore the second install's backup. The store is then exactly
// as after the first install: the root, which the second install left as
// it was, stays.
func TestRestoreUndoesExactlyTheChangeItsBackupWasMadeBy(t *testing.T) {
	for _, format := range []qlik.Format{qlik.FormatPEM, qlik.FormatWindows} {
		t.Run(string(format), func(t *testing.T) {
			exp1, exp2 := reExports(t, format)
			for _, s := range []store.Store{storetest.NewMemory(), folderStore(t)} {
				installExport(t, exp1, s, t.TempDir())
				afterFirst := take(t, s)
				res := installExport(t, exp2, s, t.TempDir())
				if res.BackupDir == "" {
					t.Fatal("the second install made no backup")
				}
				restore(t, res.BackupDir, s)
				if got := take(t, s); !equalSnapshots(got, afterFirst) {
					t.Fatalf("%s after restore:\n%s\nwant:\n%s", s.Name(), got, afterFirst)
				}
			}
		})
	}
}

// A certificate the user kept is left alone by the restore, as is every
// certificate the install did not add.
func TestRestoreLeavesWhatTheInstallDidNotTouch(t *testing.T) {
	exp1, exp2 := reExports(t, qlik.FormatWindows)
	s := storetest.NewMemory()
	installExport(t, exp1, s, t.TempDir())
	plan, err := install.PlanInstall(exp2, s, install.InstallOptions{BackupDir: t.TempDir(), BackupPassword: backupPassword, Now: testNow,
		Keep: map[string]bool{qlik.Thumbprint(exp1.Server.X509): true}})
	if err != nil {
		t.Fatal(err)
	}
	res, err := plan.Apply(nil)
	if err != nil {
		t.Fatal(err)
	}
	restore(t, res.BackupDir, s)
	if _, ok := storetest.FindEntry(t, s, store.LocalMachineMy, qlik.Thumbprint(exp1.Server.X509)); !ok {
		t.Fatal("the kept server certificate is gone after the restore")
	}
	if _, ok := storetest.FindEntry(t, s, store.LocalMachineRoot, qlik.Thumbprint(exp1.Root.X509)); !ok {
		t.Fatal("the root is gone after the restore")
	}
	if _, ok := storetest.FindEntry(t, s, store.CurrentUserMy, qlik.Thumbprint(exp1.Client.X509)); !ok {
		t.Fatal("the first client is not back")
	}
	if _, ok := storetest.FindEntry(t, s, store.CurrentUserMy, qlik.Thumbprint(exp2.Client.X509)); ok {
		t.Fatal("the second client is still there")
	}
}

// The backup of a first install (nothing removed) undoes it: a restore
// removes what it added.
func TestRestoreOfAFirstInstallRemovesWhatItAdded(t *testing.T) {
	exp1, _ := reExports(t, qlik.FormatWindows)
	s := storetest.NewMemory()
	before := take(t, s)
	res := installExport(t, exp1, s, t.TempDir())
	if res.BackupDir == "" {
		t.Fatal("a first install with a backup password made no backup")
	}
	restore(t, res.BackupDir, s)
	if got := take(t, s); !equalSnapshots(got, before) {
		t.Fatalf("after restore:\n%s", got)
	}
}

// A restore can itself be restored: the install is then back.
func TestARestoreCanBeUndone(t *testing.T) {
	exp1, exp2 := reExports(t, qlik.FormatPEM)
	s := storetest.NewMemory()
	installExport(t, exp1, s, t.TempDir())
	res := installExport(t, exp2, s, t.TempDir())
	afterSecond := take(t, s)
	undo := restore(t, res.BackupDir, s)
	restore(t, undo.BackupDir, s)
	if got := take(t, s); !equalSnapshots(got, afterSecond) {
		t.Fatalf("after undoing the restore:\n%s\nwant:\n%s", got, afterSecond)
	}
}

func folderStore(t *testing.T) *store.Folder {
	t.Helper()
	f, err := store.OpenFolder(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	return f
}
