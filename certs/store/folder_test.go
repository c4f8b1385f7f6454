package store_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"qscert/certs/qlik"
	"qscert/certs/store"
	"qscert/certs/store/storetest"
)

func init() {
	childStore["folder"] = func() (store.Store, error) { return store.OpenFolder(os.Getenv("QSCERT_CHILD_FOLDER")) }
}

func TestFolderContract(t *testing.T) {
	dir := t.TempDir()
	storetest.Contract(t, func(t *testing.T) store.Store {
		f, err := store.OpenFolder(dir)
		if err != nil {
			t.Fatal(err)
		}
		return f
	})
}

func TestFolderPersistsAcrossProcesses(t *testing.T) {
	dir := t.TempDir()
	runPersistence(t, func(t *testing.T) store.Store {
		f, err := store.OpenFolder(dir)
		if err != nil {
			t.Fatal(err)
		}
		return f
	}, "QSCERT_CHILD_STORE=folder", "QSCERT_CHILD_FOLDER="+dir)
}

func TestFolderKeepsKeysPrivate(t *testing.T) {
	dir := t.TempDir()
	f, err := store.OpenFolder(dir)
	if err != nil {
		t.Fatal(err)
	}
	exp := storetest.TestExport(t)
	if err := f.Add(store.CurrentUserMy, exp.Client.Cert, exp.Client.Key, "QlikClient"); err != nil {
		t.Fatal(err)
	}
	keys, _ := filepath.Glob(filepath.Join(dir, "CurrentUser", "My", "*.key"))
	if len(keys) != 1 {
		t.Fatalf("key files: %v", keys)
	}
	info, err := os.Stat(keys[0])
	if err != nil {
		t.Fatal(err)
	}
	// Windows has ACLs, not modes; the mode is what Unix readers check.
	if runtime.GOOS != "windows" && info.Mode().Perm() != 0o600 {
		t.Fatalf("key file mode %v, want 0600", info.Mode().Perm())
	}
	undo, err := f.PublishToolFiles(exp.Client.Cert, exp.Client.Key, exp.Root.Cert)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range store.ToolFileNames {
		info, err := os.Stat(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if runtime.GOOS != "windows" && strings.Contains(name, "key") && info.Mode().Perm() != 0o600 {
			t.Errorf("%s mode %v, want 0600", name, info.Mode().Perm())
		}
	}
	root, _ := os.ReadFile(filepath.Join(dir, "root.pem"))
	if !bytes.Contains(root, []byte("BEGIN CERTIFICATE")) {
		t.Errorf("root.pem = %q", root)
	}
	if err := undo(); err != nil {
		t.Fatal(err)
	}
	for _, name := range store.ToolFileNames {
		if _, err := os.Stat(filepath.Join(dir, name)); !os.IsNotExist(err) {
			t.Errorf("%s still there after undo", name)
		}
	}
	// No temporary file is left behind by the atomic writes.
	leftovers, _ := filepath.Glob(filepath.Join(dir, "*", "*", ".qscert-*"))
	if len(leftovers) != 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
}

func TestFolderMissing(t *testing.T) {
	_, err := store.OpenFolder(filepath.Join(t.TempDir(), "nope"))
	storetest.WantCode(t, err, store.CodeStoreMissing)
	dir := filepath.Join(t.TempDir(), "gone")
	f, err := store.CreateFolder(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	storetest.WantCode(t, f.Check(store.LocalMachineRoot, false), store.CodeStoreMissing)
	_, err = f.List(store.LocalMachineRoot)
	storetest.WantCode(t, err, store.CodeStoreMissing)
}

// makeReadOnly makes dir unwritable even for root, who ignores permission
// bits: the immutable attribute does stop root.
func makeReadOnly(t *testing.T, dir string) {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("a read-only folder needs ACLs on Windows; the folder store is for Linux and macOS")
	}
	if os.Geteuid() != 0 {
		if err := os.Chmod(dir, 0o555); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(dir, 0o755) })
		return
	}
	if out, err := exec.Command("chattr", "+i", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot make a folder read-only for root here (chattr +i: %v %s)", err, out)
	}
	t.Cleanup(func() { exec.Command("chattr", "-i", dir).Run() })
}

func TestFolderReadOnlyIsReportedBeforeAnyChange(t *testing.T) {
	dir := t.TempDir()
	f, err := store.OpenFolder(dir)
	if err != nil {
		t.Fatal(err)
	}
	exp := storetest.TestExport(t)
	if err := f.Add(store.LocalMachineRoot, exp.Root.Cert, nil, "root"); err != nil {
		t.Fatal(err)
	}
	makeReadOnly(t, filepath.Join(dir, "LocalMachine", "Root"))
	makeReadOnly(t, dir)
	storetest.WantCode(t, f.Check(store.LocalMachineRoot, true), store.CodeStoreReadOnly)
	storetest.WantCode(t, f.Check(store.CurrentUserMy, true), store.CodeStoreReadOnly)
	if err := f.Check(store.LocalMachineRoot, false); err != nil {
		t.Fatalf("reading a read-only store: %v", err)
	}
	storetest.WantCode(t, f.Add(store.CurrentUserMy, exp.Client.Cert, exp.Client.Key, ""), store.CodeStoreReadOnly)
	storetest.WantCode(t, f.Remove(store.LocalMachineRoot, qlik.Thumbprint(exp.Root.Cert)), store.CodeStoreReadOnly)
	if _, ok := storetest.FindEntry(t, f, store.LocalMachineRoot, qlik.Thumbprint(exp.Root.Cert)); !ok {
		t.Fatal("the root went away from a read-only store")
	}
}
