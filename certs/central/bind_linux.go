package central

import (
	"os/exec"
	"runtime"
	"syscall"
)

// bindToThisProcess has nothing to do on Linux: prepareProgram asks the
// kernel to kill the program when the thread that started it ends.
func bindToThisProcess() error { return nil }

// prepareProgram sets the parent-death signal: SIGKILL for the program
// when this process (the thread that starts and waits for it, which
// lockThread keeps) ends, however it ends.
func prepareProgram(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}

func lockThread()   { runtime.LockOSThread() }
func unlockThread() { runtime.UnlockOSThread() }
