package app

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"qscert/certs/certstest"
	"qscert/certs/output"
	"qscert/certs/qlik"
	"qscert/certs/store"
)

// storeState lists a folder store's certificates by location, DER and key
// presence.
func storeState(t *testing.T, dir string) map[string]bool {
	t.Helper()
	f, err := store.OpenFolder(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]bool{}
	for _, loc := range store.Locations {
		entries, err := f.List(loc)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			out[loc.String()+"|"+string(e.Raw)] = e.HasPrivateKey
		}
	}
	return out
}

func sameState(a, b map[string]bool) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

func run(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	env, out, errOut := testEnv(stdin, nil)
	code := Run(env, append(args, "--lang", "en"))
	return code, out.String(), errOut.String()
}

// TestInstallReplaceRestoreEndToEnd is issue 3's "done when" on the command
// line: a first export, then a second for the same host from a new CA,
// leaves exactly the second set and a backup of the first; restore brings
// the first back.
func TestInstallReplaceRestoreEndToEnd(t *testing.T) {
	gen1, err := certstest.NewExport(cliHost, cliMachine, certstest.StyleLegacy, cliNow)
	if err != nil {
		t.Fatal(err)
	}
	gen2, err := certstest.NewExport(cliHost, cliMachine, certstest.StyleLegacy, cliNow)
	if err != nil {
		t.Fatal(err)
	}
	dir1, dir2 := filepath.Join(t.TempDir(), "e1"), filepath.Join(t.TempDir(), "e2")
	for _, g := range []struct {
		e   *certstest.Export
		dir string
	}{{gen1, dir1}, {gen2, dir2}} {
		if err := g.e.Write(g.dir, certstest.WriteOptions{Format: qlik.FormatWindows, Password: "Export-pw-2026"}); err != nil {
			t.Fatal(err)
		}
	}
	storeDir, backups := t.TempDir(), t.TempDir()
	pwFile := writePasswordFile(t, "Export-pw-2026")
	common := []string{"--store", "folder:" + storeDir, "--backup-dir", backups, "--password-file", pwFile, "--host", cliHost, "--machine", cliMachine}

	code, out, errOut := run(t, "", append([]string{"install", dir1, "--yes"}, common...)...)
	if code != ExitOK {
		t.Fatalf("first install: exit %d\n%s\n%s", code, out, errOut)
	}
	first := storeState(t, storeDir)
	if len(first) != 3 {
		t.Fatalf("after the first install: %d certificates", len(first))
	}
	// Installing it again changes nothing.
	if code, out, _ = run(t, "", append([]string{"install", dir1, "--yes"}, common...)...); code != ExitOK || !strings.Contains(out, "Already installed") {
		t.Fatalf("second run: exit %d\n%s", code, out)
	}

	code, out, errOut = run(t, "", append([]string{"install", dir2, "--yes", "--json"}, common...)...)
	if code != ExitOK {
		t.Fatalf("install of the second export: exit %d\n%s\n%s", code, out, errOut)
	}
	var result struct {
		Plan   struct{ Steps []output.Step }
		Result struct{ BackupDir string }
	}
	if err := json.Unmarshal([]byte(out), &result); err != nil {
		t.Fatal(err)
	}
	if len(result.Plan.Steps) != 10 || result.Result.BackupDir == "" {
		t.Fatalf("plan of %d steps, backup %q", len(result.Plan.Steps), result.Result.BackupDir)
	}
	second := storeState(t, storeDir)
	if len(second) != 3 {
		t.Fatalf("after the second install: %d certificates", len(second))
	}
	for k := range second {
		if _, inFirst := first[k]; inFirst {
			t.Fatal("a certificate of the first export is still there")
		}
	}

	code, out, errOut = run(t, "", "restore", result.Result.BackupDir, "--yes", "--store", "folder:"+storeDir,
		"--backup-dir", backups, "--password-file", pwFile)
	if code != ExitOK {
		t.Fatalf("restore: exit %d\n%s\n%s", code, out, errOut)
	}
	if got := storeState(t, storeDir); !sameState(got, first) {
		t.Fatalf("restore did not bring the first set back: %d certificates", len(got))
	}
	if strings.Contains(out+errOut, "Export-pw-2026") {
		t.Fatal("the password was printed")
	}

	code, out, _ = run(t, "", "list", "--store", "folder:"+storeDir, "--dir", dir2, "--password-file", pwFile)
	if code != ExitOK || strings.Count(out, "replaced") != 3 || !strings.Contains(out, "3 Qlik certificates") {
		t.Fatalf("list: exit %d\n%s", code, out)
	}
}

// TestInstallRefusesBadExportsAndChangesNothing runs the bad-input corpus
// through install: every export with a blocking finding is refused, and
// the store stays as it was.
func TestInstallRefusesBadExportsAndChangesNothing(t *testing.T) {
	exp, err := certstest.NewExport(cliHost, cliMachine, certstest.StyleLegacy, cliNow)
	if err != nil {
		t.Fatal(err)
	}
	old, err := certstest.NewExport(cliHost, cliMachine, certstest.StyleLegacy, cliNow)
	if err != nil {
		t.Fatal(err)
	}
	storeDir := t.TempDir()
	oldDir := filepath.Join(t.TempDir(), "old")
	if err := old.Write(oldDir, certstest.WriteOptions{Format: qlik.FormatPEM}); err != nil {
		t.Fatal(err)
	}
	if code, out, errOut := run(t, "", "install", oldDir, "--yes", "--store", "folder:"+storeDir, "--machine", cliMachine); code != ExitOK {
		t.Fatalf("installing the old export: %d %s %s", code, out, errOut)
	}
	before := storeState(t, storeDir)
	base := &certstest.Base{Export: exp, Host: cliHost, Machine: cliMachine,
		Options: certstest.WriteOptions{Format: qlik.FormatPEM, Password: "Export-pw-2026"}}
	refused := 0
	for _, v := range certstest.Variants {
		if !v.Applies(qlik.FormatPEM) {
			continue
		}
		dir := filepath.Join(t.TempDir(), "export")
		if err := v.Write(dir, base); err != nil {
			t.Fatal(err)
		}
		o := v.Options(base, cliNow)
		code, out, _ := run(t, v.ValidationPassword(base)+"\n", "install", dir, "--yes", "--dry-run", "--password-stdin",
			"--store", "folder:"+storeDir, "--backup-dir", t.TempDir(), "--host", o.Host, "--machine", o.Machines[0])
		if code == ExitFindings {
			refused++
			if !strings.Contains(out, "["+string(v.Code)+"]") {
				t.Errorf("%s: refused without naming %s:\n%s", v.Name, v.Code, out)
			}
		}
		if !sameState(storeState(t, storeDir), before) {
			t.Fatalf("%s changed the store", v.Name)
		}
	}
	if refused < 20 {
		t.Fatalf("only %d broken exports were refused", refused)
	}
}

func TestInstallAsksBeforeChanging(t *testing.T) {
	dir := writeExport(t, certstest.WriteOptions{Format: qlik.FormatPEM})
	storeDir := t.TempDir()
	args := []string{"install", dir, "--store", "folder:" + storeDir, "--machine", cliMachine}

	code, out, errOut := run(t, "", args...)
	if code != ExitUsage || !strings.Contains(errOut, "--yes") || len(storeState(t, storeDir)) != 0 {
		t.Fatalf("without a terminal or --yes: exit %d\n%s\n%s", code, out, errOut)
	}
	if code, out, _ = run(t, "", append(args, "--dry-run")...); code != ExitOK || len(storeState(t, storeDir)) != 0 || !strings.Contains(out, "add CN=QlikClient") {
		t.Fatalf("dry run: exit %d\n%s", code, out)
	}
	env, stdout, _ := testEnv("no\n", nil)
	env.StdinIsTerminal = true
	if code := Run(env, append(args, "--lang", "en")); code != ExitUsage || len(storeState(t, storeDir)) != 0 {
		t.Fatalf("answering no: exit %d\n%s", code, stdout)
	}
	env, stdout, stderr := testEnv("oui\n", nil)
	env.StdinIsTerminal = true
	if code := Run(env, append(args, "--lang", "fr")); code != ExitOK || len(storeState(t, storeDir)) != 3 {
		t.Fatalf("answering oui: exit %d\n%s", code, stdout)
	}
	// The prompt is on standard error, as the password's: standard output
	// is the result.
	if !strings.Contains(stderr.String(), "Tapez oui") || strings.Contains(stdout.String(), "Tapez oui") {
		t.Fatalf("no French prompt on stderr:\n%s", stderr)
	}
}

func TestInstallNeedsABackupPasswordWhenReplacing(t *testing.T) {
	first := writeExport(t, certstest.WriteOptions{Format: qlik.FormatPEM})
	other, err := certstest.NewExport(cliHost, cliMachine, certstest.StyleLegacy, cliNow)
	if err != nil {
		t.Fatal(err)
	}
	second := filepath.Join(t.TempDir(), "second")
	if err := other.Write(second, certstest.WriteOptions{Format: qlik.FormatPEM}); err != nil {
		t.Fatal(err)
	}
	storeDir := t.TempDir()
	common := []string{"--yes", "--store", "folder:" + storeDir, "--machine", cliMachine, "--backup-dir", t.TempDir()}
	if code, _, errOut := run(t, "", append([]string{"install", first}, common...)...); code != ExitOK {
		t.Fatalf("first install: %s", errOut)
	}
	before := storeState(t, storeDir)
	code, _, errOut := run(t, "", append([]string{"install", second}, common...)...)
	if code != ExitUsage || !strings.Contains(errOut, "at least 8 characters") || !sameState(storeState(t, storeDir), before) {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	env, out, errBuf := testEnv("", map[string]string{"BACKUP_PW": "long-enough-pw"})
	if code := Run(env, append([]string{"install", second, "--backup-password-env", "BACKUP_PW", "--lang", "en"}, common...)); code != ExitOK {
		t.Fatalf("with a backup password: exit %d\n%s\n%s", code, out, errBuf)
	}
	backups, _ := filepath.Glob(filepath.Join(common[len(common)-1], "qscert-backup-*", "*.pfx"))
	if len(backups) != 3 {
		t.Fatalf("backup files: %v", backups)
	}
	data, _ := os.ReadFile(backups[0])
	if _, _, err := store.DecodePFX(data, "long-enough-pw"); err != nil {
		t.Fatalf("the backup does not open with its password: %v", err)
	}
	if bytes.Contains(data, []byte("PRIVATE KEY")) {
		t.Fatal("a key in clear in the backup")
	}
}
