package certstest

import (
	"os"
	"path/filepath"
	"testing"
)

// CopyTree copies the folder from into to, keeping each file's
// permissions (a store's key files stay 0600, which os.CopyFS would not
// keep): tests copy a store or a simulated central node made once, so
// that each case starts from the same state without making its keys
// again.
func CopyTree(t testing.TB, from, to string) {
	t.Helper()
	err := filepath.Walk(from, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		dst := filepath.Join(to, rel)
		if info.IsDir() {
			return os.MkdirAll(dst, 0o700)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, data, info.Mode().Perm())
	})
	if err != nil {
		t.Fatal(err)
	}
}
