package accounts

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"slices"
	"time"

	"qscert/certs/coded"
)

// TaskScheduler registers, starts and deletes scheduled tasks. On Windows
// it is schtasks.exe (schtasks_windows.go); tests use a fake.
type TaskScheduler interface {
	// Create registers a task that runs def once, on demand.
	Create(name string, def TaskDefinition) error
	// Run starts it.
	Run(name string) error
	// Status says whether it ran and how it ended, when the scheduler can
	// tell (Known).
	Status(name string) (TaskStatus, error)
	// End stops a running instance.
	End(name string) error
	// Delete removes the task. Deleting one that is gone is not an error.
	Delete(name string) error
}

// TaskDefinition is what a one-shot task runs, and as whom.
type TaskDefinition struct {
	Account Account
	Program string
	Args    []string
}

// TaskStatus is what the scheduler says of a task.
type TaskStatus struct {
	Known      bool   // false when the scheduler cannot say (Wine's schtasks has no /Query)
	Running    bool   // an instance is running
	HasRun     bool   // it started at least once
	LastResult uint32 // its exit code, or the HRESULT of a failed start (0x8007052E: logon failure)
}

// TaskRunner acts as LocalSystem, LocalService, NetworkService or a
// managed service account through a one-shot scheduled task: nobody knows
// those accounts' passwords, and the Task Scheduler is the one part of
// Windows that logs on as them for us. The payload goes through a named
// pipe whose DACL admits that account only; the task is removed on every
// path out of Run (success, failure, cancel, panic).
type TaskRunner struct {
	Scheduler TaskScheduler
	// StartTimeout is how long the task has to start and connect; a
	// scheduler that cannot report status (Wine) is given this long.
	StartTimeout time.Duration
	// Poll is how often the task's status is read while waiting.
	Poll time.Duration

	newChannel func(Account) (channel, error)
}

// Run implements Runner.
func (r *TaskRunner) Run(ctx context.Context, req Request) (code int, err error) {
	switch req.Account.Kind {
	case KindLocalSystem, KindLocalService, KindNetworkService, KindManaged:
	default:
		if _, err := choose(req.Account, nil, nil); err != nil {
			return -1, err
		}
		return -1, coded.New(CodeNotUsable, nil, "account", req.Account.Name, "sid", req.Account.SID,
			"detail", "a scheduled task runs only built-in and managed service accounts")
	}
	if len(req.Argv) == 0 {
		return -1, runFailed("no command", nil)
	}
	if ctx.Err() != nil {
		return -1, cancelled(ctx)
	}
	ch, err := r.newChannel(req.Account)
	if err != nil {
		return -1, runFailed("creating the pipe", err)
	}
	defer ch.Close()

	name := taskName()
	def := TaskDefinition{
		Account: req.Account,
		Program: req.Argv[0],
		Args:    append(slices.Clone(req.Argv[1:]), ChildPipeFlag+"="+ch.Name()),
	}
	if err := r.Scheduler.Create(name, def); err != nil {
		// A half-registered task is deleted too.
		_ = r.Scheduler.Delete(name)
		return -1, taskFailed(req.Account, "registering the task", err)
	}
	done := false
	defer func() {
		if !done {
			_ = r.Scheduler.End(name)
		}
		if derr := r.Scheduler.Delete(name); derr != nil && err == nil {
			err = taskFailed(req.Account, "deleting the task "+name, derr)
		}
	}()
	if err := r.Scheduler.Run(name); err != nil {
		return -1, taskFailed(req.Account, "starting the task", err)
	}
	conn, err := r.accept(ctx, ch, name, req.Account)
	if err != nil {
		return -1, err
	}
	defer conn.Close()
	code, err = converse(ctx, conn, req.Payload, req.Output)
	done = err == nil
	return code, err
}

// accept waits for the task's process to connect, watching the task: a
// task that ended without connecting (its account could not log on, the
// program is missing) fails at once with the scheduler's result rather
// than at the timeout.
func (r *TaskRunner) accept(ctx context.Context, ch channel, name string, a Account) (io.ReadWriteCloser, error) {
	timeout, poll := r.StartTimeout, r.Poll
	if timeout <= 0 {
		timeout = 2 * time.Minute
	}
	if poll <= 0 {
		poll = 500 * time.Millisecond
	}
	wait, stop := context.WithTimeout(ctx, timeout)
	defer stop()
	type result struct {
		conn io.ReadWriteCloser
		err  error
	}
	accepted := make(chan result, 1)
	go func() {
		conn, err := ch.Accept(wait)
		accepted <- result{conn, err}
	}()
	tick := time.NewTicker(poll)
	defer tick.Stop()
	ended := 0 // polls that found the task over
	for {
		select {
		case res := <-accepted:
			if res.err == nil {
				return res.conn, nil
			}
			if ctx.Err() != nil {
				return nil, cancelled(ctx)
			}
			if wait.Err() != nil {
				return nil, taskFailed(a, "waiting for the task", fmt.Errorf("it did not connect within %v", timeout))
			}
			return nil, runFailed("waiting for the task", res.err)
		case <-tick.C:
			st, err := r.Scheduler.Status(name)
			if err != nil || !st.Known || st.Running || !st.HasRun {
				continue
			}
			// Over without connecting; allow one more poll for a
			// connection on its way.
			if ended++; ended > 1 {
				stop()
				<-accepted
				return nil, taskFailed(a, "running the task",
					fmt.Errorf("it ended with 0x%08X without connecting", st.LastResult))
			}
		}
	}
}

func taskFailed(a Account, step string, cause error) error {
	return coded.New(CodeTaskFailed, cause, "account", a.Name, "detail", step+": "+cause.Error())
}

// taskName is a fresh name in the scheduler's root folder, where deleting
// the task leaves nothing behind.
func taskName() string {
	var b [8]byte
	_, _ = rand.Read(b[:])
	return "qscert-run-" + hex.EncodeToString(b[:])
}

// NewTaskRunner returns a TaskRunner over s, with this OS's pipe (a named
// pipe on Windows, a Unix socket elsewhere).
func NewTaskRunner(s TaskScheduler) *TaskRunner {
	return &TaskRunner{Scheduler: s, newChannel: newPlatformChannel}
}
