//go:build !windows

package store

import (
	"errors"
	"syscall"
)

// isReadOnlyFS reports a read-only mount (EROFS).
func isReadOnlyFS(err error) bool { return errors.Is(err, syscall.EROFS) }
