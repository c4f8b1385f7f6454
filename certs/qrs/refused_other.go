//go:build !windows

package qrs

import (
	"errors"
	"syscall"
)

// isConnectionRefused reports whether nothing listens on the port.
func isConnectionRefused(err error) bool {
	return errors.Is(err, syscall.ECONNREFUSED)
}
