package accounts

import (
	"bytes"
	"context"
	"errors"
	"os/exec"
	"slices"
	"sync"
)

// SimulatedRunner runs the sub-command as the current user, on any OS,
// the way the logon runner does on Windows: the payload on standard input
// (a pipe the child inherits), its standard output read line by line. It
// applies the same rules as the real runners (virtual accounts refused, a
// password needed for an ordinary user) and records every run, for tests
// of the code that drives a Runner.
type SimulatedRunner struct {
	// Env, when set, gives the sub-command run as an account its
	// environment: the demo gives each simulated account a profile
	// folder of its own (XDG_CONFIG_HOME, APPDATA), where the child keeps
	// its backup as a real account's child keeps it in its profile.
	Env func(Account) []string

	mu   sync.Mutex
	runs []SimulatedRun
}

// SimulatedRun is what one Run was given and how it ended. The password
// itself is not kept.
type SimulatedRun struct {
	Account     Account
	Argv        []string
	Payload     []byte
	HadPassword bool
	ExitCode    int
	Err         error
}

// Runs returns the runs so far.
func (s *SimulatedRunner) Runs() []SimulatedRun {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.runs)
}

// Run implements Runner.
func (s *SimulatedRunner) Run(ctx context.Context, req Request) (code int, err error) {
	defer func() {
		s.mu.Lock()
		s.runs = append(s.runs, SimulatedRun{Account: req.Account, Argv: slices.Clone(req.Argv),
			Payload: bytes.Clone(req.Payload), HadPassword: len(req.Password) > 0, ExitCode: code, Err: err})
		s.mu.Unlock()
	}()
	if _, err := choose(req.Account, s, s); err != nil {
		return -1, err
	}
	if req.Account.NeedsPassword() && len(req.Password) == 0 {
		return -1, needsPassword(req.Account)
	}
	if len(req.Argv) == 0 {
		return -1, runFailed("no command", nil)
	}
	cmd := exec.CommandContext(ctx, req.Argv[0], req.Argv[1:]...)
	cmd.Stdin = bytes.NewReader(req.Payload)
	if s.Env != nil {
		cmd.Env = s.Env(req.Account)
	}
	cmd.Stderr = req.Errors
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return -1, runFailed("creating the output pipe", err)
	}
	if err := cmd.Start(); err != nil {
		return -1, runFailed("starting "+req.Argv[0], err)
	}
	lerr := copyLines(stdout, req.Output)
	if lerr != nil {
		// Nobody reads its output any more: stop it rather than wait
		// for a child blocked on a full pipe.
		_ = cmd.Process.Kill()
	}
	werr := cmd.Wait()
	if ctx.Err() != nil {
		return -1, cancelled(ctx)
	}
	if lerr != nil {
		return -1, lerr
	}
	var exit *exec.ExitError
	if errors.As(werr, &exit) {
		return exit.ExitCode(), nil
	}
	if werr != nil {
		return -1, runFailed("waiting for "+req.Argv[0], werr)
	}
	return 0, nil
}
