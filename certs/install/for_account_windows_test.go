package install_test

import (
	"os"
	"testing"
	"time"

	"golang.org/x/sys/windows"

	"qscert/certs/accounts"
	"qscert/certs/export"
	"qscert/certs/install"
	"qscert/certs/qlik"
	"qscert/certs/store"
)

// An install for an account on the real Windows stores (crypt32, under
// Wine in CI): the parent adds the root to LocalMachine\Root holding the
// store's machine-wide writer lock, and the child, this test binary as
// `qscert _for-account --store windows`, adds the client to CurrentUser\My
// while that lock is held and the parent's change is pending in the
// registry. The child runs as this user (the simulated runner, and the
// task runner's named pipe with a stand-in scheduler): acting as another
// account is what only Windows can do. A child that waited for the lock
// would stop with store-busy after a minute; one that recovered the
// parent's pending change would undo the root under it.
func TestWindowsInstallForAnAccountUnderTheParentsLock(t *testing.T) {
	full, _, _ := exports(t)
	exp := withoutServer(full)
	s, err := store.OpenWindows()
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	cleanup := func() {
		for _, c := range exp.Certificates() {
			for _, loc := range store.Locations {
				_ = s.Remove(loc, qlik.Thumbprint(c.X509))
			}
		}
	}
	t.Cleanup(cleanup)
	t.Setenv("QSCERT_TEST_CHILD_BACKUPS", t.TempDir())
	me := thisUser(t)
	for _, via := range []string{"logon", "task"} {
		t.Run(via, func(t *testing.T) {
			cleanup()
			before := take(t, s)
			var runner accounts.Runner = &accounts.SimulatedRunner{}
			acct := me
			sched := newTaskScheduler()
			if via == "task" {
				tr := accounts.NewTaskRunner(sched)
				tr.StartTimeout = time.Minute
				runner, acct = tr, taskAccount(t)
			}
			opts := install.InstallOptions{BackupDir: t.TempDir(), BackupPassword: backupPassword, Now: testNow,
				ForAccount: &acct, Runner: runner, AccountPassword: func() ([]byte, error) { return []byte(accountPassword), nil },
				AccountCommand: []string{self(t), install.AccountCommandName, "--store", "windows"}}
			p, err := install.PlanInstall(exp, s, opts)
			if err != nil {
				t.Fatal(err)
			}
			if got := kinds(p); got != `add LocalMachine\Root, account CurrentUser\My` {
				t.Fatalf("steps %s", got)
			}
			start := time.Now()
			res, err := p.Apply(nil)
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("applied in %v; the child did %s", time.Since(start).Round(time.Millisecond), doneKinds(res.Accounts[0].Done))
			root, _ := findIn(t, s, store.LocalMachineRoot, exp.Root)
			client, _ := findIn(t, s, store.CurrentUserMy, exp.Client)
			if !root || !client {
				t.Fatalf("root in LocalMachine\\Root: %v, client in CurrentUser\\My: %v", root, client)
			}
			if pending, _ := s.(store.PendingChanges).Pending(); len(pending) != 0 {
				t.Errorf("changes left pending: %v", pending)
			}
			if left, _ := sched.left(); left != 0 {
				t.Errorf("%d tasks left", left)
			}
			// The child fails (its first change): the parent's root goes.
			cleanup()
			opts.AccountCommand = append(opts.AccountCommand, "--fail-at", "1")
			if p, err = install.PlanInstall(exp, s, opts); err != nil {
				t.Fatal(err)
			}
			_, err = p.Apply(nil)
			wantCode(t, err, install.CodeInstallRolledBack)
			if got := take(t, s); !equalSnapshots(got, before) {
				t.Fatalf("after the child failed:\n%s\nwant\n%s", got, before)
			}
		})
	}
}

func findIn(t *testing.T, s store.Store, loc store.Location, c *export.Certificate) (bool, bool) {
	t.Helper()
	entries, err := s.List(loc)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.Thumbprint() == qlik.Thumbprint(c.X509) {
			return true, e.HasPrivateKey
		}
	}
	return false, false
}

func thisUser(t *testing.T) accounts.Account {
	t.Helper()
	u, err := windows.GetCurrentProcessToken().GetTokenUser()
	if err != nil {
		t.Fatal(err)
	}
	a, d, _, err := u.User.Sid.LookupAccount("")
	if err != nil {
		t.Fatal(err)
	}
	return accounts.Account{Name: d + `\` + a, SID: u.User.Sid.String(), Kind: accounts.KindUser}
}

func self(t *testing.T) string {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	return exe
}
