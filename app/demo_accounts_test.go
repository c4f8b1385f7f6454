package app

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// Where links are refused, an account's sandbox gets a copy of the
// machine's stores made anew at each run, so the root the install added
// since is in it; where they work, the link stays.
func TestTheDemoSharesTheMachineStoresWithAnAccount(t *testing.T) {
	shared := filepath.Join(t.TempDir(), "LocalMachine")
	if err := os.MkdirAll(filepath.Join(shared, "Root"), 0o700); err != nil {
		t.Fatal(err)
	}
	write := func(name string) {
		if err := os.WriteFile(filepath.Join(shared, "Root", name), []byte(name), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write("old-root.pem")
	refused := func(string, string) error {
		return &os.LinkError{Op: "symlink", Err: errors.New("A required privilege is not held by the client.")}
	}

	link := filepath.Join(t.TempDir(), "LocalMachine")
	shareMachineStores(shared, link, refused)
	if _, err := os.Stat(filepath.Join(link, "Root", "old-root.pem")); err != nil {
		t.Fatalf("no copy where links are refused: %v", err)
	}
	write("new-root.pem") // the install adds the site's root
	shareMachineStores(shared, link, refused)
	if _, err := os.Stat(filepath.Join(link, "Root", "new-root.pem")); err != nil {
		t.Fatalf("the copy is not made anew: %v", err)
	}

	// With the system's own links (a copy where this system refuses
	// them, as Wine may), twice: the second run keeps what the first made.
	linked := filepath.Join(t.TempDir(), "LocalMachine")
	shareMachineStores(shared, linked, os.Symlink)
	shareMachineStores(shared, linked, os.Symlink)
	if _, err := os.Stat(filepath.Join(linked, "Root", "new-root.pem")); err != nil {
		t.Fatalf("the machine's stores are not shared: %v", err)
	}
	if fi, err := os.Lstat(linked); err == nil && fi.Mode()&os.ModeSymlink != 0 {
		write("newer-root.pem")
		if _, err := os.Stat(filepath.Join(linked, "Root", "newer-root.pem")); err != nil {
			t.Fatalf("the link does not show the machine's stores: %v", err)
		}
	}
}
