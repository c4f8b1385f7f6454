package install

import (
	"context"
	"crypto/x509"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"

	"qscert/certs/accounts"
	"qscert/certs/coded"
)

// AccountResult is what an account step's child did in the account's own
// store: its backup and journal are in that account's profile.
type AccountResult struct {
	Account   accounts.Account `json:"account"`
	Backup    string           `json:"backup,omitempty"`
	Journal   string           `json:"journal,omitempty"`
	Done      []Step           `json:"done"`
	Recovered []Recovery       `json:"recovered,omitempty"`
	// Undone: the change was rolled back with the parent's.
	Undone bool `json:"undone"`
}

// childRun is what one run of the child said.
type childRun struct {
	started *AccountEvent
	result  *AccountEvent
	failed  *AccountEvent
	steps   []Step
	exit    int
	stderr  string
}

// defaultAccountCommand is this program's own account sub-command.
func defaultAccountCommand() []string {
	exe, err := os.Executable()
	if err != nil {
		return nil
	}
	return []string{exe, AccountCommandName}
}

// password asks for the account's password once, when the account needs
// one; Apply clears it when it ends.
func (a *accountPart) passwordBytes() ([]byte, error) {
	if !a.account.NeedsPassword() || a.typed != nil {
		return a.typed, nil
	}
	if a.password == nil {
		return nil, coded.New(accounts.CodeNeedsPassword, nil, "account", a.account.Name)
	}
	pw, err := a.password()
	if err != nil {
		return nil, err
	}
	if len(pw) == 0 {
		return nil, coded.New(accounts.CodeNeedsPassword, nil, "account", a.account.Name)
	}
	a.typed = pw
	return pw, nil
}

func (a *accountPart) clearPassword() {
	clear(a.typed)
	a.typed = nil
}

// call runs the child once with req, passing its events on.
func (a *accountPart) call(ctx context.Context, req AccountRequest, onStarted func(AccountEvent)) (*childRun, error) {
	pw, err := a.passwordBytes()
	if err != nil {
		return nil, err
	}
	payload, err := json.Marshal(req)
	if err != nil {
		return nil, err
	}
	defer clear(payload)
	run := &childRun{}
	var stderr tailBuffer
	output := func(line []byte) {
		var ev AccountEvent
		if json.Unmarshal(line, &ev) != nil {
			return // not an event: a line the child's runtime printed
		}
		switch ev.Event {
		case eventStarted:
			run.started = &ev
			if onStarted != nil {
				onStarted(ev)
			}
		case eventStep:
			if ev.Step != nil {
				run.steps = append(run.steps, *ev.Step)
				if a.onStep != nil {
					a.onStep(ev.Done, ev.Total, *ev.Step)
				}
			}
		case eventResult:
			run.result = &ev
		case eventError:
			run.failed = &ev
		}
	}
	run.exit, err = a.runner.Run(ctx, accounts.Request{Account: a.account, Password: pw, Argv: a.command,
		Payload: payload, Output: output, Errors: &stderr})
	run.stderr = stderr.String()
	return run, err
}

// outcome is the child's run as an error: nil when it reported its
// result, its own error when it reported one, run-failed when it ended
// without a word.
func (r *childRun) outcome(a accounts.Account) error {
	switch {
	case r.result != nil && r.exit == 0:
		return nil
	case r.failed != nil:
		err := r.failed.Error.err()
		if err == nil {
			err = coded.New(accounts.CodeRunFailed, nil, "account", a.Name, "detail", "an error without a code")
		}
		return err
	}
	detail := fmt.Sprintf("the qscert run as %s ended with exit code %d without a result", a.Name, r.exit)
	if r.stderr != "" {
		detail += ": " + strings.TrimSpace(r.stderr)
	}
	return coded.New(accounts.CodeRunFailed, nil, "account", a.Name, "detail", detail)
}

// leftNothing reports whether a run that is taken as failed left the
// account's store as it found it: it never began its change, or it said
// it rolled it back. A run that finished its change (a result) but is
// failed all the same (cancelled as it ended) left its change in place.
func (r *childRun) leftNothing() bool {
	if r.started == nil {
		return true
	}
	return r.result == nil && r.failed != nil && r.failed.RolledBack && r.failed.Error != nil && r.failed.Error.Code != CodeRollbackFailed
}

// runAccount runs the account step: the child adds the client to the
// account's CurrentUser\My. The child's backup is journaled as soon as
// the child has one, so that a parent killed meanwhile leaves a record of
// where the account's part can be undone from.
func (p *Plan) runAccount(ctx context.Context, i int, step Step, j *journal) (func() error, error) {
	a := p.account
	if a == nil || step.Account == nil {
		return nil, errors.New("an account step without its account")
	}
	key, err := x509.MarshalPKCS8PrivateKey(a.key)
	if err != nil {
		return nil, coded.New(CodeExportNotInstallable, err)
	}
	defer clear(key)
	req := AccountRequest{Protocol: accountProtocol, Mode: accountInstall, ParentChange: j.id,
		Client: a.client.Raw, Key: key, Root: a.root.Raw, BackupPassword: p.backupPassword}
	res := AccountResult{Account: a.account, Done: []Step{}}
	p.accountRes = append(p.accountRes, &res)
	run, err := a.call(ctx, req, func(ev AccountEvent) {
		res.Backup, res.Journal = ev.Backup, ev.Journal
		_ = j.accountBackup(i, ev.Backup)
	})
	if run != nil {
		res.Done = append(res.Done, run.steps...)
		if run.result != nil {
			res.Backup, res.Journal, res.Recovered = run.result.Backup, run.result.Journal, run.result.Recovered
		}
	}
	if err == nil {
		err = run.outcome(a.account)
	}
	if err != nil && run != nil && !run.leftNothing() {
		// Cancelled, killed or broken off mid-change (or just after it),
		// or its own rollback failed: the child's backup puts its store
		// back.
		p.accountLeft = &res
	}
	if err != nil {
		// The child's own rollback is in its cause; the parent says it
		// stopped at the account step.
		if coded.CodeOf(err) == CodeInstallRolledBack {
			if cause := coded.As(err).Err; cause != nil {
				err = cause
			}
		}
		return nil, err
	}
	return p.undoAccount(ctx, &res), nil
}

// undoAccount runs the child again to restore its backup: the account's
// store goes back to what it held before the account step. It is not
// cancelled with ctx: an undo that stops halfway would leave the store
// half changed.
func (p *Plan) undoAccount(ctx context.Context, res *AccountResult) func() error {
	return func() error {
		if res.Backup == "" {
			return nil // the child changed nothing
		}
		a := p.account
		req := AccountRequest{Protocol: accountProtocol, Mode: accountUndo, ParentChange: p.changeID,
			Backup: res.Backup, BackupPassword: p.backupPassword}
		run, err := a.call(context.WithoutCancel(ctx), req, nil)
		if err == nil {
			err = run.outcome(a.account)
		}
		if err == nil {
			res.Undone = true
		}
		return err
	}
}

// tailBuffer keeps the last 4 KiB written: a child's standard error, for
// the detail of a run that ended without a word.
// It may be written while read: a runner copies standard error in a
// goroutine of its own.
type tailBuffer struct {
	mu sync.Mutex
	b  []byte
}

func (t *tailBuffer) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.b = append(t.b, p...)
	if over := len(t.b) - 4<<10; over > 0 {
		t.b = t.b[over:]
	}
	return len(p), nil
}

func (t *tailBuffer) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return string(t.b)
}
