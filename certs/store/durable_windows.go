package store

import (
	"os"

	"golang.org/x/sys/windows"
)

// syncDir has nothing to do on Windows: a folder cannot be flushed
// (FlushFileBuffers wants a file or a volume), and NTFS journals its
// folder changes; renameReplace writes the rename through instead.
func syncDir(string) error { return nil }

// renameReplace renames from over to in one step and returns only when the
// rename is on the disk. os.Rename on Windows is MoveFileEx with
// MOVEFILE_REPLACE_EXISTING alone, which may return before then.
func renameReplace(from, to string) error {
	f, err := windows.UTF16PtrFromString(from)
	if err != nil {
		return err
	}
	t, err := windows.UTF16PtrFromString(to)
	if err != nil {
		return err
	}
	return windows.MoveFileEx(f, t,
		windows.MOVEFILE_REPLACE_EXISTING| // MOVEFILE_REPLACE_EXISTING: over the old file
			windows.MOVEFILE_WRITE_THROUGH) // MOVEFILE_WRITE_THROUGH: return once it is on the disk
}

// lockOpenFlags open the lock file (Windows has no FIFO on disk).
const lockOpenFlags = os.O_CREATE | os.O_RDONLY
