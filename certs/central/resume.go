package central

import (
	"context"
	"fmt"

	"qscert/certs/coded"
	"qscert/certs/install"
	"qscert/certs/store"
)

// Resume goes on with the procedure the node's mark names, from where it
// stopped: the step that was under way or failed is done again (each is
// harmless to repeat), except a bootstrap, which is never trusted half
// done, and a verification that found duplicates: the procedure then goes
// back to step 3 for a new attempt (the certificates the attempt made are
// backed up and deleted like the old ones). It needs the backup password
// (the new backups and the record of the new certificates are sealed
// with it) and the account's password when it is an ordinary user.
func Resume(ctx context.Context, node *Node, opts Options) (*Recreate, *Result, error) {
	opts = opts.withDefaults()
	if !install.BackupPasswordOK(opts.BackupPassword) {
		return nil, nil, coded.New(install.CodeBackupPasswordTooShort, nil, "min", fmt.Sprint(install.MinBackupPassword))
	}
	unlock, err := node.Mark.Lock()
	if err != nil {
		return nil, nil, err
	}
	defer unlock()
	path, err := node.Mark.Get()
	if err != nil {
		return nil, nil, err
	}
	if path == "" {
		return nil, nil, coded.New(CodeNothingToResume, nil)
	}
	rec, err := readJournal(path)
	if err != nil {
		return nil, nil, err
	}
	if rec.ended != "" {
		_ = node.Mark.Clear()
		return nil, nil, coded.New(CodeNothingToResume, nil, "journal", path)
	}
	rc, err := attach(ctx, node, opts, rec)
	if err != nil {
		return nil, nil, err
	}
	r, err := rc.reopen(rec)
	if err != nil {
		return rc, nil, err
	}
	defer r.close()
	step, attempt := resumePoint(rec)
	r.attempt, r.res.Attempt = attempt, attempt
	r.event(step, EventWarning, "central.event.resumed", map[string]string{"step": string(step), "n": fmt.Sprint(step.Number()),
		"attempt": fmt.Sprint(attempt)})
	res, err := r.from(step)
	return rc, res, err
}

// resumePoint is where a stopped procedure goes on, and in which attempt.
func resumePoint(rec *record) (StepID, int) {
	switch {
	case rec.done[StepRestart]:
		return StepNext, rec.attempt
	case rec.done[StepVerify]:
		return StepRestart, rec.attempt
	case rec.last == StepVerify && rec.lastState == jFailed:
		return StepDelete, rec.attempt + 1 // duplicates or missing: a clean attempt
	case rec.done[StepBootstrap]:
		return StepVerify, rec.attempt
	case rec.last == StepBootstrap:
		return StepDelete, rec.attempt + 1 // a bootstrap cut short is never trusted
	case rec.done[StepDelete]:
		return StepBootstrap, rec.attempt
	case rec.done[StepBackup]:
		return StepDelete, rec.attempt
	}
	return StepBackup, rec.attempt
}

// attach is a Recreate for a procedure that a journal describes: acting
// as its account again, on the node's stores.
func attach(ctx context.Context, node *Node, opts Options, rec *record) (*Recreate, error) {
	rc := &Recreate{node: node, opts: opts, ctx: ctx, stores: map[Part]store.Store{PartMachine: node.Machine},
		Plan: &Plan{Site: rec.Site, Account: rec.Account, Services: rec.Services, MachineStore: node.Machine.Name()}}
	a := rec.Account
	if a.NeedsPassword() && len(opts.AccountPassword) == 0 {
		return nil, coded.New(CodeAccountPassword, nil, "account", a.Name)
	}
	runner, err := node.RunnerFor(a)
	if err != nil {
		return nil, err
	}
	rc.acting = &Acting{Account: a, Password: opts.AccountPassword, Runner: runner, Child: node.Child, Store: node.AccountStore}
	rc.stores[PartAccount] = newAccountStore(ctx, rc.acting)
	return rc, nil
}

// reopen continues the journal and the log of rec's procedure.
func (rc *Recreate) reopen(rec *record) (*run, error) {
	j, err := openJournal(rec.path)
	if err != nil {
		return nil, coded.New(CodeNoJournal, err, "journal", rec.path)
	}
	log, err := openLog(rec.Folder, rc.opts.Translator)
	if err != nil {
		j.close()
		return nil, coded.New(install.CodeBackupFolderUnwritable, err, "folder", rec.Folder)
	}
	res := &Result{Folder: rec.Folder, Log: log.path, Journal: rec.path, Backups: map[Part]string{}, Done: []StepID{},
		ExportedZip: rec.zip, Attempt: rec.attempt, DispatcherStarted: rec.dispatch, New: rec.newCerts}
	for p, d := range rec.backups {
		res.Backups[p] = d
	}
	return &run{rc: rc, folder: rec.Folder, j: j, log: log, rec: rec, res: res, attempt: rec.attempt}, nil
}
