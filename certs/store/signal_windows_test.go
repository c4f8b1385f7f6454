package store_test

import (
	"errors"
	"os/exec"
)

// killedBySignal reports whether a child ended by TerminateProcess, which
// os.Process.Kill calls with exit code 1; the caller has already checked
// that the child did not finish.
func killedBySignal(err error) bool {
	var ee *exec.ExitError
	return errors.As(err, &ee) && ee.ExitCode() == 1
}
