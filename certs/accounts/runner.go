package accounts

import (
	"bufio"
	"context"
	"errors"
	"io"

	"qscert/certs/coded"
)

// Request is one run of a qscert sub-command as another account.
type Request struct {
	Account Account
	// Password is the account's password, for KindUser only: typed once by
	// the administrator and kept in memory. The runner never puts it on a
	// command line, in the environment or in an error, and clears its own
	// copies when done; the caller clears this slice.
	Password []byte
	// Argv is the sub-command: Argv[0] is the program (qscert.exe's full
	// path), the rest its arguments. Nothing secret belongs here: any
	// account on the machine can read a process's command line.
	Argv []string
	// Payload is handed to the sub-command over a pipe only it can read
	// (see OpenChild): the PFX, its password, whatever the command needs.
	Payload []byte
	// Output receives each line the sub-command writes (JSON lines),
	// without its newline, as they come. It may be nil.
	Output func(line []byte)
	// Errors receives the sub-command's standard error, when the runner
	// has it (the logon and simulated runners; a task has none). It may
	// be nil.
	Errors io.Writer
}

// Runner runs a sub-command as req.Account and returns its exit code. An
// error means the command could not be run as asked, or its channel
// broke; a command that ran and failed returns its non-zero code and no
// error. Cancelling ctx stops the command and returns run-cancelled.
type Runner interface {
	Run(ctx context.Context, req Request) (exitCode int, err error)
}

// MaxLine is the longest output line passed on. A longer one ends the run
// with run-failed: JSON lines from qscert are a few hundred bytes, and an
// unbounded line would grow memory without limit.
const MaxLine = 1 << 20

// MaxPayload is the largest payload a child accepts.
const MaxPayload = 64 << 20

// copyLines reads r to its end and hands each line to out.
func copyLines(r io.Reader, out func([]byte)) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), MaxLine)
	for sc.Scan() {
		if out != nil {
			out(sc.Bytes())
		}
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return coded.New(CodeRunFailed, err, "detail", "an output line is longer than 1 MiB")
		}
		return coded.New(CodeRunFailed, err, "detail", "reading the output: "+err.Error())
	}
	return nil
}

// cancelled is the error of a run stopped by its context.
func cancelled(ctx context.Context) error {
	return coded.New(CodeRunCancelled, context.Cause(ctx))
}

// runFailed is run-failed with a detail.
func runFailed(detail string, cause error) error {
	if cause != nil {
		detail += ": " + cause.Error()
	}
	return coded.New(CodeRunFailed, cause, "detail", detail)
}

// choose picks how to act as a: the logon runner for an ordinary user
// (which needs its password), the task runner for the built-in and managed
// service accounts; virtual accounts cannot be acted as.
func choose(a Account, logon, task Runner) (Runner, error) {
	switch a.Kind {
	case KindUser:
		return logon, nil
	case KindLocalSystem, KindLocalService, KindNetworkService, KindManaged:
		return task, nil
	case KindVirtual:
		return nil, virtualError(a)
	}
	return nil, notUsable(a.Name, a.SID)
}

func virtualError(a Account) error {
	return coded.New(CodeVirtual, nil, "account", a.Name, "sid", a.SID)
}

// needsPassword is account-needs-password for a.
func needsPassword(a Account) error {
	return coded.New(CodeNeedsPassword, nil, "account", a.Name)
}

// clear overwrites b: a password copy must not outlive its use.
func clear16(b []uint16) {
	for i := range b {
		b[i] = 0
	}
}
