package install_test

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"qscert/certs/accounts"
	"qscert/certs/coded"
	"qscert/certs/install"
	"qscert/certs/store/storetest"
)

// taskScheduler stands for the Task Scheduler: it keeps the task
// definitions and, asked to run one, starts its program as the current
// user with the task's arguments (the pipe's name among them). What only
// Windows does, logging on as the account, is the part left out.
type taskScheduler struct {
	mu      sync.Mutex
	tasks   map[string]accounts.TaskDefinition
	procs   map[string]*exec.Cmd
	created []string
}

func newTaskScheduler() *taskScheduler {
	return &taskScheduler{tasks: map[string]accounts.TaskDefinition{}, procs: map[string]*exec.Cmd{}}
}

func (f *taskScheduler) Create(name string, def accounts.TaskDefinition) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.tasks[name] = def
	f.created = append(f.created, name)
	return nil
}

func (f *taskScheduler) Run(name string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	def, ok := f.tasks[name]
	if !ok {
		return errors.New("no such task")
	}
	cmd := exec.Command(def.Program, def.Args...)
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		return err
	}
	f.procs[name] = cmd
	return nil
}

func (f *taskScheduler) Status(string) (accounts.TaskStatus, error) {
	return accounts.TaskStatus{}, nil
}

func (f *taskScheduler) End(name string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if cmd := f.procs[name]; cmd != nil {
		_ = cmd.Process.Kill()
	}
	return nil
}

func (f *taskScheduler) Delete(name string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	delete(f.tasks, name)
	if cmd := f.procs[name]; cmd != nil {
		_ = cmd.Wait()
		delete(f.procs, name)
	}
	return nil
}

// left is how many tasks are still registered, and how many were made.
func (f *taskScheduler) left() (left, made int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.tasks), len(f.created)
}

// Through the task runner (the way LocalSystem, LocalService,
// NetworkService and managed service accounts are acted as), the child
// talks over the runner's pipe, and every task is removed: on success,
// when the child fails, and when the install is cancelled.
func TestAccountStepThroughATaskRemovesTheTaskOnEveryPath(t *testing.T) {
	for _, how := range []string{"success", "child fails", "cancel"} {
		t.Run(how, func(t *testing.T) {
			exp1, exp2, _ := exports(t)
			parent := storetest.NewMemory()
			r := newRig(t, parent)
			sched := newTaskScheduler()
			runner := accounts.NewTaskRunner(sched)
			runner.StartTimeout = time.Minute
			r.runner = runner
			acct := taskAccount(t)
			if _, err := r.install(exp1, acct); err != nil {
				t.Fatal(err)
			}
			before, accountBefore := take(t, parent), take(t, r.accountStore())
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			marker := filepath.Join(t.TempDir(), "once")
			switch how {
			case "child fails":
				r.extra = []string{"--fail-at", "1"}
			case "cancel":
				r.extra = []string{"--hang-once", marker}
				go func() {
					for ctx.Err() == nil {
						if _, err := os.Stat(marker); err == nil {
							cancel()
						}
						time.Sleep(5 * time.Millisecond)
					}
				}()
			}
			res, err := r.plan(exp2, acct).ApplyContext(ctx, nil)
			switch how {
			case "success":
				if err != nil {
					t.Fatal(err)
				}
				assertHolds(t, r.accountStore(), exp2.Client.X509)
				if len(res.Accounts) != 1 || res.Accounts[0].Backup == "" {
					t.Errorf("accounts %+v", res.Accounts)
				}
			default:
				wantCode(t, err, install.CodeInstallRolledBack)
				if how == "cancel" && coded.CodeOf(coded.As(err).Err) != accounts.CodeRunCancelled {
					t.Errorf("cause %v", err)
				}
				if got := take(t, parent); !equalSnapshots(got, before) {
					t.Fatalf("the machine's stores:\n%s", got)
				}
				if got := take(t, r.accountStore()); !equalSnapshots(got, accountBefore) {
					t.Fatalf("the account's store:\n%s\nwant\n%s", got, accountBefore)
				}
			}
			left, made := sched.left()
			want := 2 // the first install's task and this one's
			if how == "cancel" {
				want = 3 // and the undo's
			}
			if left != 0 || made != want {
				t.Errorf("%d tasks left of %d made, want 0 of %d", left, made, want)
			}
		})
	}
}
