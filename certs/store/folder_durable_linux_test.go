package store_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"qscert/certs/store/storetest"
)

// A killed process proves the write order; it cannot prove durability,
// since the page cache outlives the process. This test checks the system
// calls themselves, traced by strace during a real Add with a key into a
// new store: every file renamed into place was fsynced first, and its
// folder is fsynced after the rename and before the next change; the key
// and the names reach the disk before the bundle that commits them.
func TestFolderWritesAreDurableInOrder(t *testing.T) {
	strace := requireTool(t, "strace")
	exp := storetest.TestExport(t)
	pfxDir := t.TempDir()
	if err := os.WriteFile(filepath.Join(pfxDir, "client.pfx"), mustPFX(t, exp.Client), 0o600); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "store")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	trace := filepath.Join(t.TempDir(), "trace")
	cmd := exec.Command(strace, "-f", "-qq", "-y", "-o", trace,
		"-e", "trace=fsync,fdatasync,rename,renameat,renameat2,unlink,unlinkat,mkdir,mkdirat,openat",
		os.Args[0], "-test.run=^TestFolderCrashChild$")
	cmd.Env = append(os.Environ(), "QSCERT_CRASH_DIR="+dir, "QSCERT_CRASH_PFX="+pfxDir, "QSCERT_CRASH_ACTION=add-client")
	if out, err := cmd.CombinedOutput(); err != nil || !strings.Contains(string(out), crashDone) {
		t.Skipf("strace cannot trace here: %v\n%s", err, out)
	}
	data, err := os.ReadFile(trace)
	if err != nil {
		t.Fatal(err)
	}
	calls := storeCalls(string(data), dir)
	if len(calls) < 10 {
		t.Fatalf("only %d calls traced in the store:\n%s", len(calls), strings.Join(calls, "\n"))
	}
	var (
		synced     = map[string]bool{} // files fsynced
		dirPending = ""                // a folder changed and not fsynced since
		renamed    []string            // final names, in order
	)
	renameRe := regexp.MustCompile(`^renameat2?\(.*?"([^"]+)", .*?"([^"]+)"`)
	fsyncRe := regexp.MustCompile(`^f(?:data)?sync\(\d+<([^>]+)>`)
	pathRe := regexp.MustCompile(`^(?:unlinkat|mkdirat|openat)\(.*?"([^"]+)"`)
	// changed records a change of a folder's entries, which must reach
	// the disk (its fsync) before the next one.
	changed := func(c, path string) {
		if dirPending != "" {
			t.Errorf("%s\n  before %s was fsynced after its last change", c, dirPending)
		}
		dirPending = filepath.Dir(path)
	}
	for _, c := range calls {
		switch {
		case fsyncRe.MatchString(c):
			path := fsyncRe.FindStringSubmatch(c)[1]
			synced[path] = true
			if path == dirPending {
				dirPending = ""
			}
		case renameRe.MatchString(c):
			m := renameRe.FindStringSubmatch(c)
			from, to := m[1], m[2]
			if filepath.Base(to) == ".qscert.holder" {
				continue // the lock's holder note is a hint, written without syncs
			}
			if !synced[from] {
				t.Errorf("%s renamed into place before it was fsynced", to)
			}
			changed(c, to)
			renamed = append(renamed, filepath.Base(to))
		case pathRe.MatchString(c):
			path := pathRe.FindStringSubmatch(c)[1]
			base := filepath.Base(path)
			if strings.HasPrefix(base, ".qscert-") || base == ".qscert.holder" || base == ".qscert.lock" {
				continue // temporary files and the lock's own files need no durable entry
			}
			changed(c, path) // a marker made or deleted, a key deleted, a folder made
		}
	}
	if dirPending != "" {
		t.Errorf("%s was never fsynced after its last change", dirPending)
	}
	order := strings.Join(renamed, " ")
	if !regexp.MustCompile(`^[0-9A-F]{40}\.key friendly-names\.json certificates\.pem$`).MatchString(order) {
		t.Errorf("files renamed into place in the order %q, want the key, the names, then the bundle", order)
	}
	t.Logf("%d calls in the store; renamed in order: %s", len(calls), order)
}

// storeCalls are the traced calls that touch the store's folder, without
// strace's pid prefix; reads (openat without O_CREAT) are left out.
func storeCalls(trace, dir string) []string {
	var out []string
	pidRe := regexp.MustCompile(`^\d+\s+`)
	for _, line := range strings.Split(trace, "\n") {
		line = pidRe.ReplaceAllString(line, "")
		if !strings.Contains(line, dir) || strings.Contains(line, "= -1") {
			continue
		}
		if strings.HasPrefix(line, "openat(") && !strings.Contains(line, "O_CREAT") {
			continue
		}
		out = append(out, line)
	}
	return out
}
