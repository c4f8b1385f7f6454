//go:build unix

package boundedfile

import (
	"os"

	"golang.org/x/sys/unix"
)

// openNoBlock opens path read-only without waiting for a FIFO's writer
// (O_NONBLOCK) and without making a terminal the controlling one
// (O_NOCTTY). On a regular file O_NONBLOCK changes nothing (reads of
// regular files never wait), so there is nothing to clear afterwards; any
// other type is refused by the caller before a read.
func openNoBlock(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|unix.O_NONBLOCK|unix.O_NOCTTY|unix.O_CLOEXEC, 0)
}
