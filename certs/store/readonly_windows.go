package store

import (
	"errors"

	"golang.org/x/sys/windows"
)

// isReadOnlyFS reports a write-protected volume (ERROR_WRITE_PROTECT).
func isReadOnlyFS(err error) bool { return errors.Is(err, windows.ERROR_WRITE_PROTECT) }
