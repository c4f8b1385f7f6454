package app

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"testing"

	"qscert/certs/certstest"
	"qscert/certs/durable"
	"qscert/certs/install"
	"qscert/certs/qlik"
	"qscert/certs/store"
)

// The crash tests run the real program, built with the qscert_killtest tag
// (durable.WritePoint honours QSCERT_TEST_KILL_AT_WRITE), kill it with
// SIGKILL at its k-th write for every k, then run the next command, as an
// administrator would after a closed session or a power cut.

var (
	killBuildOnce sync.Once
	killBin       string
	killBuildErr  error
)

// killableQscert builds qscert with the crash hook, once per test binary.
func killableQscert(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds and runs the program many times")
	}
	killBuildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "qscert-killtest-")
		if err != nil {
			killBuildErr = err
			return
		}
		killBin = filepath.Join(dir, "qscert")
		if runtime.GOOS == "windows" {
			killBin += ".exe"
		}
		cmd := exec.Command("go", "build", "-tags", "qscert_killtest", "-o", killBin, "qscert")
		cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
		if out, err := cmd.CombinedOutput(); err != nil {
			killBuildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if killBuildErr != nil {
		t.Fatal(killBuildErr)
	}
	return killBin
}

// qscertRun runs the built program; killAt 0 lets it run to its end.
func qscertRun(t *testing.T, bin string, killAt int, args ...string) (exit int, stdout, stderr string) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), install.FastKDFEnv+"=1", "LANG=en_US.UTF-8")
	if killAt > 0 {
		cmd.Env = append(cmd.Env, fmt.Sprintf("%s=%d", durable.KillAtWriteEnv, killAt))
	}
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	if err != nil && cmd.ProcessState == nil {
		t.Fatal(err)
	}
	return cmd.ProcessState.ExitCode(), out.String(), errOut.String()
}

// writePoints counts the writes a command makes.
func writePoints(t *testing.T, bin string, args ...string) int {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), install.FastKDFEnv+"=1", durable.WriteTraceEnv+"=1")
	var errOut bytes.Buffer
	cmd.Stderr = &errOut
	if err := cmd.Run(); err != nil {
		t.Fatalf("%v: %v\n%s", args, err, errOut.String())
	}
	return strings.Count(errOut.String(), "qscert-write ")
}

// folderContent is a folder store's certificates with their key files'
// bytes, comparable: the old set and the new one must be restored byte
// for byte.
func folderContent(t *testing.T, dir string) string {
	t.Helper()
	f, err := store.OpenFolder(dir)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, loc := range store.Locations {
		entries, err := f.List(loc)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			key, _ := os.ReadFile(filepath.Join(dir, string(loc.Scope), loc.Name, e.Thumbprint()+".key"))
			lines = append(lines, fmt.Sprintf("%s %s key=%x", loc, e.Thumbprint(), key))
		}
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

// rootsIn counts the certificates in the Root locations of a folder store.
func rootsIn(t *testing.T, dir string) int {
	t.Helper()
	f, err := store.OpenFolder(dir)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, loc := range []store.Location{store.LocalMachineRoot, store.CurrentUserRoot} {
		entries, _ := f.List(loc)
		n += len(entries)
	}
	return n
}

// crashFixture is a folder store holding a first export of a site, and a
// re-export of the same site (same root, new client and server) to
// install over it.
type crashFixture struct {
	bin, store, first, second, pw string
	old, new                      string // the store's content before and after the second install
}

func newCrashFixture(t *testing.T) *crashFixture {
	t.Helper()
	bin := killableQscert(t)
	site, err := certstest.NewSite(cliHost, certstest.StyleLegacy, cliNow)
	if err != nil {
		t.Fatal(err)
	}
	fx := &crashFixture{bin: bin, store: t.TempDir(), pw: writePasswordFile(t, "Export-Pass-2026")}
	for i, dir := range []*string{&fx.first, &fx.second} {
		gen, err := site.NewExport(cliMachine)
		if err != nil {
			t.Fatal(err)
		}
		*dir = filepath.Join(t.TempDir(), fmt.Sprint("export", i))
		if err := gen.Write(*dir, certstest.WriteOptions{Format: qlik.FormatWindows, Password: "Export-Pass-2026"}); err != nil {
			t.Fatal(err)
		}
	}
	if code, _, errOut := qscertRun(t, bin, 0, fx.installArgs(fx.first, fx.store, t.TempDir())...); code != 0 {
		t.Fatalf("first install: exit %d\n%s", code, errOut)
	}
	fx.old = folderContent(t, fx.store)
	clean := t.TempDir()
	certstest.CopyTree(t, fx.store, clean)
	if code, _, errOut := qscertRun(t, bin, 0, fx.installArgs(fx.second, clean, t.TempDir())...); code != 0 {
		t.Fatalf("second install: exit %d\n%s", code, errOut)
	}
	fx.new = folderContent(t, clean)
	if fx.old == fx.new {
		t.Fatal("the second install changed nothing")
	}
	return fx
}

func (fx *crashFixture) installArgs(export, storeDir, backups string) []string {
	return []string{"install", export, "--yes", "--store", "folder:" + storeDir, "--backup-dir", backups,
		"--password-file", fx.pw, "--machine", cliMachine, "--lang", "en"}
}

// lastBackup is the newest backup folder in dir, or "".
func lastBackup(dir string) string {
	found, _ := filepath.Glob(filepath.Join(dir, "qscert-backup-*"))
	sort.Strings(found)
	for i := len(found) - 1; i >= 0; i-- {
		if _, err := os.Stat(filepath.Join(found[i], install.ManifestName)); err == nil {
			return found[i]
		}
	}
	return ""
}

// TestAnInstallKilledAtAnyWriteLeavesTheOldSetOrTheNew: kill the install
// at its k-th write for every k; the next command (here list) finishes
// the change first, and the store is then exactly the old set or exactly
// the new one, with one root; and the backup restores the old set byte
// for byte.
func TestAnInstallKilledAtAnyWriteLeavesTheOldSetOrTheNew(t *testing.T) {
	fx := newCrashFixture(t)
	probe := t.TempDir()
	certstest.CopyTree(t, fx.store, probe)
	writes := writePoints(t, fx.bin, fx.installArgs(fx.second, probe, t.TempDir())...)
	if writes < 20 {
		t.Fatalf("only %d write points", writes)
	}
	outcomes := map[string]int{}
	for k := 1; k <= writes; k++ {
		dir, backups := t.TempDir(), t.TempDir()
		certstest.CopyTree(t, fx.store, dir)
		code, _, _ := qscertRun(t, fx.bin, k, fx.installArgs(fx.second, dir, backups)...)
		if code != -1 && code != 137 && k < writes {
			t.Fatalf("k=%d: the install was not killed (exit %d)", k, code)
		}
		if code, _, errOut := qscertRun(t, fx.bin, 0, "list", "--store", "folder:"+dir); code != 0 {
			t.Fatalf("k=%d: list after the kill: exit %d\n%s", k, code, errOut)
		}
		got := folderContent(t, dir)
		switch got {
		case fx.old:
			outcomes["old"]++
		case fx.new:
			outcomes["new"]++
			backup := lastBackup(backups)
			if backup == "" {
				t.Fatalf("k=%d: the new set without a backup", k)
			}
			if code, _, errOut := qscertRun(t, fx.bin, 0, "restore", backup, "--yes", "--store", "folder:"+dir,
				"--password-file", fx.pw, "--backup-dir", t.TempDir()); code != 0 {
				t.Fatalf("k=%d: restore: exit %d\n%s", k, code, errOut)
			}
			if restored := folderContent(t, dir); restored != fx.old {
				t.Fatalf("k=%d: the backup restored\n%s\nnot the old set\n%s", k, restored, fx.old)
			}
		default:
			t.Fatalf("k=%d: the store holds neither the old set nor the new:\n%s\nold:\n%s\nnew:\n%s", k, got, fx.old, fx.new)
		}
		if n := rootsIn(t, dir); n != 1 {
			t.Fatalf("k=%d: %d roots", k, n)
		}
		if stale, _ := filepath.Glob(filepath.Join(dir, "*", "*", durable.TempPrefix+"*")); len(stale) > 0 {
			t.Fatalf("k=%d: temporary files left: %v", k, stale)
		}
	}
	t.Logf("%d write points: %v", writes, outcomes)
	if outcomes["old"] == 0 || outcomes["new"] == 0 {
		t.Errorf("every kill ended the same way: %v", outcomes)
	}
}

// TestARestoreKilledAtAnyWriteLeavesTheOldSetOrTheNew: the same for
// restore, whose "old" is the second export and "new" the first.
func TestARestoreKilledAtAnyWriteLeavesTheOldSetOrTheNew(t *testing.T) {
	fx := newCrashFixture(t)
	installed, backups := t.TempDir(), t.TempDir()
	certstest.CopyTree(t, fx.store, installed)
	if code, _, errOut := qscertRun(t, fx.bin, 0, fx.installArgs(fx.second, installed, backups)...); code != 0 {
		t.Fatalf("install: exit %d\n%s", code, errOut)
	}
	backup := lastBackup(backups)
	restoreArgs := func(dir string) []string {
		return []string{"restore", backup, "--yes", "--store", "folder:" + dir, "--password-file", fx.pw, "--backup-dir", t.TempDir()}
	}
	probe := t.TempDir()
	certstest.CopyTree(t, installed, probe)
	writes := writePoints(t, fx.bin, restoreArgs(probe)...)
	for k := 1; k <= writes; k++ {
		dir := t.TempDir()
		certstest.CopyTree(t, installed, dir)
		qscertRun(t, fx.bin, k, restoreArgs(dir)...)
		if code, _, errOut := qscertRun(t, fx.bin, 0, "list", "--store", "folder:"+dir); code != 0 {
			t.Fatalf("k=%d: list: exit %d\n%s", k, code, errOut)
		}
		if got := folderContent(t, dir); got != fx.old && got != fx.new {
			t.Fatalf("k=%d: after a killed restore the store holds:\n%s", k, got)
		}
		if n := rootsIn(t, dir); n != 1 {
			t.Fatalf("k=%d: %d roots", k, n)
		}
	}
}
