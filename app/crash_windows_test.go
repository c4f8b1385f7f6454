package app

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"qscert/certs/certstest"
	"qscert/certs/durable"
	"qscert/certs/install"
	"qscert/certs/qlik"
	"qscert/certs/store"
)

// TestWindowsStoreInstallKilledAtAnyWrite is the crash test on the Windows
// certificate stores (run under Wine by tools/wine/test-windows.sh): the
// test binary, run as qscert (asProgramEnv), installs a re-export over a
// first install and is killed at its k-th write, for every k: the backup
// files, the journal, the registry mark and each crypt32 add and delete.
// The next command must leave the old set or the new one, with one root,
// and the backup must bring the old set back.
func TestWindowsStoreInstallKilledAtAnyWrite(t *testing.T) {
	if os.Getenv("WINEPREFIX") == "" && os.Getenv("QSCERT_WINDOWS_CRASH") == "" {
		t.Skip("changes this machine's certificate stores: runs under Wine, or with QSCERT_WINDOWS_CRASH=1")
	}
	run := func(killAt int, args ...string) (int, string) {
		cmd := exec.Command(os.Args[0], args...)
		cmd.Env = append(os.Environ(), asProgramEnv+"=1", install.FastKDFEnv+"=1", "LANG=en_US.UTF-8")
		if killAt > 0 {
			cmd.Env = append(cmd.Env, fmt.Sprintf("%s=%d", durable.KillAtWriteEnv, killAt))
		}
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		_ = cmd.Run()
		return cmd.ProcessState.ExitCode(), out.String()
	}
	site, err := certstest.NewSite("qlik-wine-crash.corp.example", certstest.StyleLegacy, cliNow)
	if err != nil {
		t.Fatal(err)
	}
	pw := writePasswordFile(t, "Export-Pass-2026")
	var exports [2]string
	for i := range exports {
		gen, err := site.NewExport(cliMachine)
		if err != nil {
			t.Fatal(err)
		}
		// Partial exports (client and root): Wine keeps every key of a key
		// set in one container, so the client's and the server's keys
		// would overwrite each other (tools/wine/README.md).
		exports[i] = filepath.Join(t.TempDir(), fmt.Sprint("export", i))
		if err := gen.Write(exports[i], certstest.WriteOptions{Format: qlik.FormatWindows, Password: "Export-Pass-2026", Partial: true}); err != nil {
			t.Fatal(err)
		}
	}
	installArgs := func(export, backups string) []string {
		return []string{"install", export, "--yes", "--store", "windows", "--backup-dir", backups, "--password-file", pw, "--machine", cliMachine}
	}
	// The first client goes to LocalMachine\My, the second to CurrentUser\My:
	// Wine keeps one key container per key set, so two keyed clients of one
	// set would overwrite each other's key (tools/wine/README.md); the
	// machine's and the user's are two sets.
	if code, out := run(0, append(installArgs(exports[0], t.TempDir()), "--scope", "machine")...); code != 0 {
		t.Fatalf("first install: exit %d\n%s", code, out)
	}
	s, err := store.OpenWindows()
	if err != nil {
		t.Fatal(err)
	}
	old := qlikContent(t, s)
	t.Cleanup(func() { clearQlik(t, s) })

	tracedBackups := t.TempDir()
	trace := exec.Command(os.Args[0], installArgs(exports[1], tracedBackups)...)
	trace.Env = append(os.Environ(), asProgramEnv+"=1", install.FastKDFEnv+"=1", durable.WriteTraceEnv+"=1")
	var traceOut bytes.Buffer
	trace.Stderr = &traceOut
	if err := trace.Run(); err != nil {
		t.Fatalf("traced install: %v\n%s", err, traceOut.String())
	}
	writes := strings.Count(traceOut.String(), "qscert-write ")
	newSet := qlikContent(t, s)
	restoreLast := func(backups string) {
		t.Helper()
		b := lastBackup(backups)
		if code, out := run(0, "restore", b, "--yes", "--store", "windows", "--password-file", pw, "--backup-dir", t.TempDir()); code != 0 {
			t.Fatalf("restore: exit %d\n%s", code, out)
		}
	}
	restoreLast(tracedBackups)
	if got := qlikContent(t, s); got != old {
		t.Fatalf("the traced install's backup did not restore the old set:\n%s", got)
	}
	outcomes := map[string]int{}
	for k := 1; k <= writes; k++ {
		backups := t.TempDir()
		if code, out := run(k, installArgs(exports[1], backups)...); os.Getenv("QSCERT_DEBUG_CRASH") != "" {
			t.Logf("k=%d: exit %d\n%s", k, code, out)
		}
		if code, out := run(0, "list", "--store", "windows"); code != 0 {
			t.Fatalf("k=%d: list: exit %d\n%s", k, code, out)
		}
		switch got := qlikContent(t, s); got {
		case old:
			outcomes["old"]++
		case newSet:
			outcomes["new"]++
			restoreLast(backups)
			if qlikContent(t, s) != old {
				t.Fatalf("k=%d: the backup did not restore the old set", k)
			}
		default:
			t.Fatalf("k=%d: neither the old set nor the new:\n%s", k, got)
		}
	}
	t.Logf("%d write points: %v", writes, outcomes)
}

// qlikContent is the Qlik certificates of the Windows stores, comparable.
func qlikContent(t *testing.T, s store.Store) string {
	t.Helper()
	found, err := install.Classify(nil, s)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	roots := 0
	for _, f := range found {
		if f.Class != install.ClassQlik {
			continue
		}
		if f.Role == qlik.RoleRoot {
			roots++
		}
		lines = append(lines, fmt.Sprintf("%s %s key=%v", f.Location, f.Thumbprint(), f.HasPrivateKey))
	}
	if roots != 1 {
		t.Fatalf("%d roots:\n%s", roots, strings.Join(lines, "\n"))
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

// clearQlik removes the test's certificates from the Wine prefix's stores.
func clearQlik(t *testing.T, s store.Store) {
	found, _ := install.Classify(nil, s)
	for _, f := range found {
		if f.Class == install.ClassQlik {
			_ = s.Remove(f.Location, f.Thumbprint())
		}
	}
}
