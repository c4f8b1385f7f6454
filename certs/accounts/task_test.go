package accounts_test

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"sync"
	"testing"
	"time"

	"qscert/certs/accounts"
	"qscert/certs/coded"
)

// fakeScheduler keeps tasks in a map and runs one as a real process (as
// the current user) when asked; the Task Scheduler itself is what only
// Windows can provide.
type fakeScheduler struct {
	mu       sync.Mutex
	tasks    map[string]accounts.TaskDefinition
	procs    map[string]*exec.Cmd
	created  []string
	defs     []accounts.TaskDefinition // every definition created, kept after Delete
	deleted  []string
	failOn   string // "create", "run", "delete"
	reportAs *accounts.TaskStatus
	noStart  bool // Run succeeds but starts nothing
}

func newFake() *fakeScheduler {
	return &fakeScheduler{tasks: map[string]accounts.TaskDefinition{}, procs: map[string]*exec.Cmd{}}
}

var errScheduler = errors.New("the scheduler said no")

func (f *fakeScheduler) Create(name string, def accounts.TaskDefinition) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.created = append(f.created, name)
	if f.failOn == "create" {
		return errScheduler
	}
	f.tasks[name] = def
	f.defs = append(f.defs, def)
	return nil
}

func (f *fakeScheduler) Run(name string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	def, ok := f.tasks[name]
	if !ok {
		return errors.New("no such task")
	}
	if f.failOn == "run" {
		return errScheduler
	}
	if f.noStart {
		return nil
	}
	cmd := exec.Command(def.Program, def.Args...)
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		return err
	}
	f.procs[name] = cmd
	return nil
}

func (f *fakeScheduler) Status(name string) (accounts.TaskStatus, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.reportAs != nil {
		return *f.reportAs, nil
	}
	return accounts.TaskStatus{}, nil
}

func (f *fakeScheduler) End(name string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if cmd := f.procs[name]; cmd != nil {
		_ = cmd.Process.Kill()
	}
	return nil
}

func (f *fakeScheduler) Delete(name string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.deleted = append(f.deleted, name)
	if f.failOn == "delete" {
		return errScheduler
	}
	delete(f.tasks, name)
	if cmd := f.procs[name]; cmd != nil {
		go cmd.Wait()
		delete(f.procs, name)
	}
	return nil
}

// wantRemoved checks that every task created was deleted and none is left.
func (f *fakeScheduler) wantRemoved(t *testing.T) {
	t.Helper()
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.tasks) != 0 {
		t.Errorf("tasks left behind: %v", f.tasks)
	}
	if len(f.created) != 1 || len(f.deleted) == 0 || f.deleted[len(f.deleted)-1] != f.created[0] {
		t.Errorf("created %v, deleted %v", f.created, f.deleted)
	}
}

var system = accounts.Account{Name: `NT AUTHORITY\SYSTEM`, SID: accounts.SIDLocalSystem, Kind: accounts.KindLocalSystem}

// taskRequest is a run through a task as taskAccount: the fake scheduler
// starts the child as the current user, whom the pipe must then admit.
func taskRequest(t *testing.T, mode string, out *lines, args ...string) accounts.Request {
	return accounts.Request{Account: taskAccount(t), Payload: []byte(secretPayload),
		Argv: append([]string{self(t), "install-for-account", "--qscert-child=" + mode}, args...), Output: out.add}
}

func TestTaskRunnerSuccess(t *testing.T) {
	f := newFake()
	r := accounts.NewTaskRunner(f)
	var out lines
	code, err := r.Run(context.Background(), taskRequest(t, "report", &out, "--exit=0"))
	if err != nil || code != 0 {
		t.Fatalf("Run = %d, %v", code, err)
	}
	rep := parseReport(t, out.got)
	wantPayload(t, rep, secretPayload)
	secretIn(t, "command line", rep.CommandLine, secretPayload)
	secretIn(t, "environment", rep.Environment, secretPayload)
	f.wantRemoved(t)
	// The task ran the program it was given, with the pipe flag added.
	def := f.defs[0]
	if def.Account != taskAccount(t) || def.Program != self(t) || accounts.PipeArg(def.Args) == "" || def.Args[0] != "install-for-account" || def.Args[1] != "--qscert-child=report" {
		t.Errorf("definition %+v", def)
	}
}

func TestTaskRunnerChildFailureIsAnExitCode(t *testing.T) {
	f := newFake()
	var out lines
	code, err := accounts.NewTaskRunner(f).Run(context.Background(), taskRequest(t, "report", &out, "--exit=4"))
	if err != nil || code != 4 {
		t.Fatalf("Run = %d, %v; want 4, nil", code, err)
	}
	f.wantRemoved(t)
}

func TestTaskRunnerRemovesTheTaskOnEveryPath(t *testing.T) {
	cases := []struct {
		name  string
		child string
		setup func(*fakeScheduler, *accounts.TaskRunner)
		want  coded.Code
	}{
		{"crash", "crash", nil, accounts.CodeRunFailed},
		{"create fails", "report", func(f *fakeScheduler, _ *accounts.TaskRunner) { f.failOn = "create" }, accounts.CodeTaskFailed},
		{"run fails", "report", func(f *fakeScheduler, _ *accounts.TaskRunner) { f.failOn = "run" }, accounts.CodeTaskFailed},
		{"delete fails", "report", func(f *fakeScheduler, _ *accounts.TaskRunner) { f.failOn = "delete" }, accounts.CodeTaskFailed},
		{"never connects", "silent", func(f *fakeScheduler, r *accounts.TaskRunner) {
			// A task whose account could not log on: 0x8007052E.
			f.reportAs = &accounts.TaskStatus{Known: true, HasRun: true, LastResult: 0x8007052E}
			r.Poll = 10 * time.Millisecond
		}, accounts.CodeTaskFailed},
		{"does not start", "report", func(f *fakeScheduler, r *accounts.TaskRunner) {
			f.noStart = true
			r.StartTimeout = 200 * time.Millisecond
		}, accounts.CodeTaskFailed},
		{"success", "report", nil, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := newFake()
			r := accounts.NewTaskRunner(f)
			if c.setup != nil {
				c.setup(f, r)
			}
			var out lines
			code, err := r.Run(context.Background(), taskRequest(t, c.child, &out))
			if c.want == "" {
				if err != nil || code != 0 {
					t.Fatalf("Run = %d, %v", code, err)
				}
			} else {
				wantCode(t, err, c.want)
			}
			f.mu.Lock()
			if c.name == "delete fails" {
				f.failOn = ""
				f.tasks = map[string]accounts.TaskDefinition{}
			}
			f.mu.Unlock()
			f.wantRemoved(t)
		})
	}
}

func TestTaskRunnerCancel(t *testing.T) {
	f := newFake()
	ctx, cancel := context.WithCancel(context.Background())
	var out lines
	req := taskRequest(t, "hang", &out)
	req.Output = func(b []byte) { out.add(b); cancel() }
	code, err := accounts.NewTaskRunner(f).Run(ctx, req)
	if code != -1 {
		t.Errorf("code = %d", code)
	}
	wantCode(t, err, accounts.CodeRunCancelled)
	f.wantRemoved(t)
}

func TestTaskRunnerCancelBeforeConnect(t *testing.T) {
	f := newFake()
	f.noStart = true
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	var out lines
	_, err := accounts.NewTaskRunner(f).Run(ctx, taskRequest(t, "report", &out))
	wantCode(t, err, accounts.CodeRunCancelled)
	f.wantRemoved(t)
}

// A panic in the caller's Output still removes the task, and goes on.
func TestTaskRunnerPanicRemovesTask(t *testing.T) {
	f := newFake()
	var out lines
	req := taskRequest(t, "hang", &out)
	req.Output = func([]byte) { panic("caller bug") }
	func() {
		defer func() {
			if p := recover(); p != "caller bug" {
				t.Errorf("recovered %v", p)
			}
		}()
		_, _ = accounts.NewTaskRunner(f).Run(context.Background(), req)
	}()
	f.wantRemoved(t)
}

func TestTaskRunnerRefusesOtherAccounts(t *testing.T) {
	f := newFake()
	r := accounts.NewTaskRunner(f)
	for kind, want := range map[accounts.Kind]coded.Code{
		accounts.KindVirtual: accounts.CodeVirtual,
		accounts.KindUser:    accounts.CodeNotUsable,
		"":                   accounts.CodeNotUsable,
	} {
		_, err := r.Run(context.Background(), accounts.Request{Account: accounts.Account{Name: "x", Kind: kind}, Argv: []string{"x"}})
		wantCode(t, err, want)
	}
	if len(f.created) != 0 {
		t.Fatal("a task was created for an account tasks do not run")
	}
}
