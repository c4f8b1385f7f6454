package durable

import (
	"fmt"
	"os"
)

// beforeWrite is the crash-test hook: nil in a normal build, so that
// WritePoint does nothing. A build with the qscert_killtest tag
// (writepoint_killtest.go) sets it from the environment at start:
// QSCERT_TEST_KILL_AT_WRITE=k kills the process at its k-th write point
// with SIGKILL (TerminateProcess on Windows), and QSCERT_TEST_WRITE_TRACE=1
// prints each point on standard error. A count of qscert's own write steps
// rather than strace's fault injection: the points are the ones the write
// order is about, not system calls that vary with the Go runtime.
var beforeWrite func(op, path string)

// WritePoint marks a write about to happen: create, write, sync, rename,
// remove, mkdir, syncdir or append of path.
func WritePoint(op, path string) {
	if beforeWrite != nil {
		beforeWrite(op, path)
	}
}

// Environment variables of the hook.
const (
	KillAtWriteEnv = "QSCERT_TEST_KILL_AT_WRITE"
	WriteTraceEnv  = "QSCERT_TEST_WRITE_TRACE"
)

// InstallKillAtWrite sets the hook from the environment: kill this process
// at the k-th write point (k from KillAtWriteEnv, counting from 1), and
// trace the points when WriteTraceEnv is set. Without either it does
// nothing. Tests that re-execute their own binary call it.
func InstallKillAtWrite() {
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
