//go:build !windows

package centraltest

import (
	"errors"
	"syscall"
)

// processAlive: signal 0 checks that the process exists (EPERM: it does,
// under another user).
func processAlive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
