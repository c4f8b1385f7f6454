//go:build !windows

package store

import (
	"os"

	"golang.org/x/sys/unix"
)

// syncDir makes the entries of dir (a rename, a new or deleted file)
// durable: fsync on the folder itself, as POSIX asks.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}

// renameReplace renames from over to in one step (rename(2) is atomic).
func renameReplace(from, to string) error { return os.Rename(from, to) }

// lockOpenFlags open the lock file: O_NONBLOCK so that a FIFO put in its
// place cannot hang qscert in open(2).
const lockOpenFlags = os.O_CREATE | os.O_RDONLY | unix.O_NONBLOCK

// removeFile deletes path; nothing on Unix keeps a name from going.
func removeFile(path string) error { return os.Remove(path) }

// closeBundleEarly: a reader holds the bundle open until its consistency
// check (folder_read.go), so that the inode number cannot be reused.
const closeBundleEarly = false
