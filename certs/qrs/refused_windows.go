//go:build windows

package qrs

import (
	"errors"
	"syscall"

	"golang.org/x/sys/windows"
)

// isConnectionRefused reports whether nothing listens on the port. Winsock
// reports WSAECONNREFUSED (10061), which syscall.ECONNREFUSED (an invented
// value on Windows) does not match.
func isConnectionRefused(err error) bool {
	return errors.Is(err, windows.WSAECONNREFUSED) || errors.Is(err, syscall.ECONNREFUSED)
}
