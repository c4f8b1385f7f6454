package durable

import (
	"errors"
	"os"
	"time"

	"golang.org/x/sys/windows"
)

// SyncDir has nothing to do on Windows: a folder cannot be flushed
// (FlushFileBuffers wants a file or a volume), and NTFS journals its
// folder changes; RenameReplace writes the rename through instead.
func SyncDir(string) error { return nil }

// RenameReplace renames from over to in one step and returns only when the
// rename is on the disk. os.Rename on Windows is MoveFileEx with
// MOVEFILE_REPLACE_EXISTING alone, which may return before then.
func RenameReplace(from, to string) error {
	f, err := windows.UTF16PtrFromString(from)
	if err != nil {
		return err
	}
	t, err := windows.UTF16PtrFromString(to)
	if err != nil {
		return err
	}
	return retryWhileOpen(func() error {
		return windows.MoveFileEx(f, t,
			windows.MOVEFILE_REPLACE_EXISTING| // MOVEFILE_REPLACE_EXISTING: over the old file
				windows.MOVEFILE_WRITE_THROUGH) // MOVEFILE_WRITE_THROUGH: return once it is on the disk
	})
}

// removeFile deletes path, waiting out a reader that has it open.
func removeFile(path string) error {
	return retryWhileOpen(func() error { return os.Remove(path) })
}

// retryWhileOpen retries op while it fails because another process has
// the file open. Windows refuses to replace or delete a file that is open,
// even with FILE_SHARE_DELETE (and a deleted file's name stays taken until
// its last handle closes): a qscert reading the store, an antivirus or the
// search indexer then makes a change fail with "Access denied". They hold
// a file for milliseconds, so a bounded wait is right; Go's own
// cmd/go/internal/robustio does the same for the same errors.
func retryWhileOpen(op func() error) error {
	const maxWait = 2 * time.Second
	start := time.Now()
	delay := time.Millisecond
	for {
		err := op()
		if err == nil || !isOpenElsewhere(err) || time.Since(start) > maxWait {
			return err
		}
		time.Sleep(delay)
		if delay < 64*time.Millisecond {
			delay *= 2
		}
	}
}

func isOpenElsewhere(err error) bool {
	return errors.Is(err, windows.ERROR_ACCESS_DENIED) || // ERROR_ACCESS_DENIED: open, or delete pending
		errors.Is(err, windows.ERROR_SHARING_VIOLATION) || // ERROR_SHARING_VIOLATION: open without FILE_SHARE_DELETE
		errors.Is(err, windows.ERROR_LOCK_VIOLATION) // ERROR_LOCK_VIOLATION: a range of it is locked
}
