//go:build !windows

package store_test

import (
	"errors"
	"os/exec"
	"syscall"
)

// killedBySignal reports whether a child ended by SIGKILL.
func killedBySignal(err error) bool {
	var ee *exec.ExitError
	if !errors.As(err, &ee) {
		return false
	}
	ws, ok := ee.Sys().(syscall.WaitStatus)
	return ok && ws.Signaled() && ws.Signal() == syscall.SIGKILL
}
