package install

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"qscert/certs/export"
	"qscert/certs/qlik"
	"qscert/certs/store"
)

// parentChange is the change of the process that started an account
// step's child: it holds the store's writer lock (the whole Windows store
// has one, a machine-wide mutex) for the child's run, and its own change
// is pending meanwhile.
type parentChange struct{ id string }

// ChildOptions say where an account step's child keeps its backups.
type ChildOptions struct {
	// BackupDir is where the child's change folder is made; "" is
	// DefaultBackupDir, in the account's own profile.
	BackupDir string
	// Now names the backup folder; zero is time.Now().
	Now time.Time
}

// ServeAccount is the child's side of an account step, run by `qscert
// _for-account` as the account: it reads the parent's AccountRequest from
// payload, changes s (the account's own stores) as asked, writes
// AccountEvent lines to out, and returns the exit code: 0 done, 1 stopped
// after its change began (the error event says whether it was rolled
// back), 2 refused before any change.
//
// The child does not take the store's writer lock: its parent holds it
// for the child's whole run, and waiting for it would wait for ever. For
// the same reason it finishes only the unfinished changes of earlier
// children (their marks in the account's registry), never the parent's
// own, which is live.
func ServeAccount(payload []byte, out io.Writer, s store.Store, opts ChildOptions) int {
	ev := &eventWriter{w: out}
	fail := func(err error, code int, rolledBack bool) int {
		ev.send(AccountEvent{Event: eventError, Error: accountErrorOf(err), RolledBack: rolledBack})
		return code
	}
	req, client, key, root, err := decodeRequest(payload)
	if err != nil {
		return fail(err, 2, false)
	}
	parent := &parentChange{id: req.ParentChange}
	recovered, err := recoverPending(s, parent.id)
	if err != nil {
		return fail(err, 2, false)
	}
	var plan *Plan
	if req.Mode == accountUndo {
		plan, err = planUndo(req, s, opts)
	} else {
		exp := &export.Export{
			Root:   &export.Certificate{Role: qlik.RoleRoot, X509: root},
			Client: &export.Certificate{Role: qlik.RoleClient, X509: client, Key: key},
		}
		plan, err = PlanInstall(exp, s, InstallOptions{userPart: true, BackupDir: opts.BackupDir,
			BackupPassword: req.BackupPassword, Now: opts.Now})
	}
	if err != nil {
		return fail(err, 2, false)
	}
	if plan == nil {
		ev.send(AccountEvent{Event: eventResult, Recovered: recovered})
		return 0
	}
	plan.forParent = parent
	plan.onStart = func(backup, journal string) {
		ev.send(AccountEvent{Event: eventStarted, Backup: backup, Journal: journal})
	}
	res, err := plan.ApplyContext(context.Background(), func(done, total int, step Step) {
		ev.send(AccountEvent{Event: eventStep, Done: done, Total: total, Step: &step})
	})
	if err != nil {
		code := 2
		if res != nil && res.RolledBack {
			code = 1
		}
		return fail(err, code, res != nil && res.RolledBack)
	}
	ev.send(AccountEvent{Event: eventResult, Backup: res.BackupDir, Journal: res.Journal, Steps: res.Done,
		Recovered: append(recovered, res.Recovered...)})
	return 0
}

// planUndo plans putting the account's store back as req.Backup was made
// before. A folder without a manifest was never changed: Apply writes
// the manifest before the first change, and an account step always has a
// backup password. nil: nothing to do.
func planUndo(req *AccountRequest, s store.Store, opts ChildOptions) (*Plan, error) {
	if req.Backup == "" {
		return nil, nil
	}
	if _, err := os.Stat(filepath.Join(req.Backup, ManifestName)); errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	return PlanRestore(req.Backup, s, InstallOptions{BackupDir: opts.BackupDir, BackupPassword: req.BackupPassword, Now: opts.Now})
}
