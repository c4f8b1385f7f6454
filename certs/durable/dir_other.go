//go:build !windows

package durable

import "os"

// SyncDir makes the entries of dir (a rename, a new or deleted file)
// durable: fsync on the folder itself, as POSIX asks.
func SyncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}

// RenameReplace renames from over to in one step (rename(2) is atomic).
func RenameReplace(from, to string) error { return os.Rename(from, to) }

func removeFile(path string) error { return os.Remove(path) }
