//go:build !windows

package store

import (
	"os"

	"golang.org/x/sys/unix"
)

// lockOpenFlags open the lock file: O_NONBLOCK so that a FIFO put in its
// place cannot hang qscert in open(2).
const lockOpenFlags = os.O_CREATE | os.O_RDONLY | unix.O_NONBLOCK

// closeBundleEarly: a reader holds the bundle open until its consistency
// check (folder_read.go), so that the inode number cannot be reused.
const closeBundleEarly = false
