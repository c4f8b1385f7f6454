package store

import (
	"fmt"
	"os"
)

// The crash-test hook. Every change the folder store makes to the disk
// (create, write, sync, rename, remove, mkdir, and each folder sync) calls
// writePoint first. In a normal build beforeWrite is nil and writePoint
// does nothing. A test makes a process die at its k-th write point with
// SIGKILL (TerminateProcess on Windows), which is what a killed installer,
// a power cut seen from the disk's side aside, leaves behind:
//
//   - a qscert built with `-tags qscert_killtest` honours
//     QSCERT_TEST_KILL_AT_WRITE=k (writepoint_killtest.go), so the lead's
//     crash tests can kill the real program at every point of an install;
//     QSCERT_TEST_WRITE_TRACE=1 prints each point on standard error;
//   - this package's own tests re-execute their test binary with the same
//     variables (writepoint_internal_test.go installs the same hook).
//
// A variable counted in-process rather than strace's fault injection: the
// count is of the store's own steps (the points the write order is about),
// not of system calls that vary with the Go runtime, and it needs nothing
// installed.
var beforeWrite func(op, path string)

func writePoint(op, path string) {
	if beforeWrite != nil {
		beforeWrite(op, path)
	}
}

// Environment variables of the hook.
const (
	KillAtWriteEnv = "QSCERT_TEST_KILL_AT_WRITE"
	WriteTraceEnv  = "QSCERT_TEST_WRITE_TRACE"
)

// installKillAtWrite sets beforeWrite from the environment: kill this
// process at the k-th write point (k from KillAtWriteEnv, counting from 1),
// and trace the points when WriteTraceEnv is set. Without either it does
// nothing.
func installKillAtWrite() {
	var k int
	if v := os.Getenv(KillAtWriteEnv); v != "" {
		if _, err := fmt.Sscan(v, &k); err != nil || k < 1 {
			fmt.Fprintf(os.Stderr, "qscert: %s=%q is not a positive number\n", KillAtWriteEnv, v)
			os.Exit(2)
		}
	}
	trace := os.Getenv(WriteTraceEnv) != ""
	if k == 0 && !trace {
		return
	}
	n := 0
	beforeWrite = func(op, path string) {
		n++
		if trace {
			fmt.Fprintf(os.Stderr, "qscert-write %d %s %s\n", n, op, path)
		}
		if n == k {
			killSelf()
		}
	}
}

// killSelf ends the process at once, running nothing more: no deferred
// call, no clean-up, as SIGKILL does.
func killSelf() {
	if p, err := os.FindProcess(os.Getpid()); err == nil {
		_ = p.Kill() // SIGKILL on Unix, TerminateProcess on Windows
	}
	select {} // Kill is not instant everywhere; never go on writing
}
