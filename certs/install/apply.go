package install

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"qscert/certs/coded"
	"qscert/certs/store"
)

// Result is what Apply did.
type Result struct {
	// BackupDir is the backup of the change, for `qscert restore`; empty
	// when the change removed nothing and no password could protect one.
	BackupDir string `json:"backupDir,omitempty"`
	// Journal is the change's journal, in the same folder.
	Journal    string `json:"journal,omitempty"`
	Done       []Step `json:"done"`
	RolledBack bool   `json:"rolledBack"`
	// Recovered are the changes a killed qscert had left unfinished,
	// finished before this one started.
	Recovered []Recovery `json:"recovered,omitempty"`
	// Accounts are what the account steps' children did, in the
	// accounts' own stores.
	Accounts []AccountResult `json:"accounts,omitempty"`
}

// Progress is told about each step as it completes.
type Progress func(done, total int, step Step)

// Apply is ApplyContext without a way to cancel.
func (p *Plan) Apply(progress Progress) (*Result, error) {
	return p.ApplyContext(context.Background(), progress)
}

// ApplyContext runs the plan under the store's writer lock. It first finishes
// what a killed qscert left unfinished (Recover), checks that the store is
// still as the plan found it and that every location and the backup folder
// can be changed, then writes the journal, backs up what will be removed
// and writes the manifest, then adds, grants, runs the account step,
// removes, and writes the tool files, journaling each step. If a step
// fails, that step's own partial effect and the steps already done are
// undone in reverse order, and the error says so (install-rolled-back, or
// rollback-failed naming what could not be put back and the backup to
// restore from). The backup folder stays in every case.
//
// Cancelling ctx stops an account step's child (its task is removed) and
// rolls the change back; the other steps are short and run to their end.
func (p *Plan) ApplyContext(ctx context.Context, progress Progress) (*Result, error) {
	res := &Result{Done: []Step{}}
	if p.Empty() {
		return res, nil
	}
	if p.account != nil {
		defer p.account.clearPassword()
	}
	defer p.collectAccounts(res)
	if p.forParent == nil {
		unlock, err := lockStore(context.Background(), p.Store, p.onLockWait)
		if err != nil {
			return res, err
		}
		defer unlock()
		if res.Recovered, err = Recover(p.Store); err != nil {
			return res, err
		}
	}
	if err := p.checkFresh(); err != nil {
		return res, err
	}
	if err := p.precheck(); err != nil {
		return res, err
	}
	bk, err := p.startBackup()
	if err != nil {
		return res, err
	}
	if bk.password != "" {
		res.BackupDir = bk.dir
	}
	j, err := p.startJournal(bk)
	if err != nil {
		return res, err
	}
	defer j.log.Close()
	res.Journal = j.path
	p.changeID = j.id
	if p.onStart != nil {
		p.onStart(res.BackupDir, res.Journal)
	}
	saved := map[store.CertID]BackupCertificate{} // what the backup holds, to undo removals
	var done []undoable
	for i, step := range p.Steps {
		if step.Kind != StepBackup && (i == 0 || p.Steps[i-1].Kind == StepBackup) {
			// Every PFX is written: the manifest goes before the first change.
			if err := bk.writeManifest(); err != nil {
				return res, p.abandon(j, err)
			}
		}
		if step.Kind != StepBackup {
			if err := j.step(i, jStart); err != nil {
				return res, p.fail(ctx, res, j, done, step, saved, err)
			}
		}
		undo, err := p.run(ctx, i, step, bk, j, saved)
		if err != nil {
			if step.Kind == StepBackup {
				return res, p.abandon(j, err) // nothing has changed yet
			}
			return res, p.fail(ctx, res, j, done, step, saved, err)
		}
		if undo != nil {
			done = append(done, undoable{step, undo})
		}
		if step.Kind != StepBackup {
			if err := j.step(i, jDone); err != nil {
				return res, p.fail(ctx, res, j, done, step, saved, err)
			}
		}
		res.Done = append(res.Done, step)
		if progress != nil {
			progress(i+1, len(p.Steps), step)
		}
	}
	return res, p.finishJournal(j, jFinished)
}

// collectAccounts puts what the account steps' children did in res.
func (p *Plan) collectAccounts(res *Result) {
	for _, a := range p.accountRes {
		res.Accounts = append(res.Accounts, *a)
	}
}

// startJournal writes the journal into the change's folder and marks the
// change pending in the store, before the first write to it.
func (p *Plan) startJournal(bk *backup) (*journal, error) {
	j, err := startJournal(bk.dir, p, bk.dir, p.clock())
	if err != nil {
		return nil, coded.New(CodeBackupFolderUnwritable, err, "folder", bk.dir)
	}
	if pc, ok := p.Store.(store.PendingChanges); ok {
		if err := pc.MarkPending(j.id, j.path, p.touchesMachine()); err != nil {
			j.log.Close()
			return nil, coded.New(CodeBackupFolderUnwritable, err, "folder", bk.dir)
		}
	}
	return j, nil
}

// finishJournal records how the change ended and clears its mark.
func (p *Plan) finishJournal(j *journal, state string) error {
	err := j.end(state)
	if pc, ok := p.Store.(store.PendingChanges); ok {
		err = errors.Join(err, pc.ClearPending(j.id))
	}
	return err
}

// abandon ends a change that failed before it changed any store.
func (p *Plan) abandon(j *journal, cause error) error {
	return errors.Join(cause, p.finishJournal(j, jRolledBack))
}

// fail rolls a change back and records it in the journal. Should the
// process die meanwhile, Recover finds "rolling-back" and says the backup
// must be restored.
func (p *Plan) fail(ctx context.Context, res *Result, j *journal, done []undoable, step Step, saved map[store.CertID]BackupCertificate, cause error) error {
	jerr := j.end(jRollingBack)
	err := p.rollback(ctx, res, done, step, saved, cause)
	if coded.CodeOf(err) == CodeRollbackFailed {
		// Keep the mark: the next qscert says the backup must be restored.
		return errors.Join(err, jerr)
	}
	return errors.Join(err, jerr, p.finishJournal(j, jRolledBack))
}

// touchesMachine reports whether the plan changes a LocalMachine location.
func (p *Plan) touchesMachine() bool {
	for _, s := range p.Steps {
		if s.Kind != StepBackup && s.Location.Scope == store.LocalMachine {
			return true
		}
	}
	return false
}

func (p *Plan) clock() time.Time {
	if p.now.IsZero() {
		return time.Now()
	}
	return p.now
}

// checkFresh refuses a plan made from a store that has changed since (by
// another process, before this one took the lock): applying it would
// act on what is no longer there.
func (p *Plan) checkFresh() error {
	planned := map[store.CertID]bool{}
	for _, f := range p.Found {
		planned[f.ID()] = true
	}
	now := 0
	for _, loc := range store.Locations {
		entries, err := p.Store.List(loc)
		if coded.CodeOf(err) == store.CodeStoreMissing {
			continue
		}
		if err != nil {
			return err
		}
		for _, e := range entries {
			if !planned[e.ID()] {
				return coded.New(CodePlanStale, nil, "store", p.Store.Name(), "location", loc.String())
			}
			now++
		}
	}
	if now != len(planned) {
		return coded.New(CodePlanStale, nil, "store", p.Store.Name())
	}
	return nil
}

// startBackup makes the change's folder, for its journal and its backup:
// the backup is written whenever something is removed, and whenever the
// password can protect one, so that a restore can undo any change (an
// install that only adds is then undone by removing what it added).
// Without a usable password a change that removes nothing gets its journal
// but no backup; the plan refused a removal without one.
func (p *Plan) startBackup() (*backup, error) {
	password := p.backupPassword
	if !BackupPasswordOK(password) {
		if p.Count(StepBackup) > 0 {
			return nil, coded.New(CodeBackupPasswordTooShort, nil, "min", fmt.Sprint(MinBackupPassword))
		}
		password = ""
	}
	parent := p.BackupParent
	if parent == "" {
		parent = DefaultBackupDir()
	}
	bk, err := newBackup(parent, p.Store.Name(), password, p.clock())
	if err != nil {
		return nil, err
	}
	bk.planAdded(p.Steps)
	return bk, nil
}

// undoable is a step done and how to undo it.
type undoable struct {
	step Step
	undo func() error
}

// precheck finds, before any change, a store location that cannot be
// changed.
func (p *Plan) precheck() error {
	write := map[store.Location]bool{}
	var order []store.Location
	for _, s := range p.Steps {
		if s.Kind == StepPublish || s.Kind == StepAccount {
			continue // the tool files check themselves; an account step's store is the account's
		}
		if _, seen := write[s.Location]; !seen {
			order = append(order, s.Location)
		}
		write[s.Location] = write[s.Location] || s.Kind != StepBackup
	}
	for _, loc := range order {
		if err := p.Store.Check(loc, write[loc]); err != nil {
			return err
		}
	}
	return nil
}

// run does one step and returns how to undo it.
func (p *Plan) run(ctx context.Context, i int, step Step, bk *backup, j *journal, saved map[store.CertID]BackupCertificate) (func() error, error) {
	s := p.Store
	switch step.Kind {
	case StepBackup:
		cert, key, err := bk.save(s, step)
		if err != nil {
			return nil, err
		}
		saved[step.ID()] = BackupCertificate{Cert: cert, Key: key, ManifestEntry: ManifestEntry{FriendlyName: step.friendlyName}}
		return nil, nil // a backup is kept, whatever happens
	case StepAdd:
		if err := s.Add(step.Location, step.cert, step.key, step.friendlyName); err != nil {
			return nil, err
		}
		return func() error { return s.Remove(step.Location, step.Thumbprint) }, nil
	case StepRemove:
		b, ok := saved[step.ID()]
		if !ok {
			// Plans put every backup before the removals; this cannot
			// happen, and nothing is removed without its backup.
			return nil, fmt.Errorf("no backup of %s in %s", step.Thumbprint, step.Location)
		}
		if err := s.Remove(step.Location, step.Thumbprint); err != nil {
			return nil, err
		}
		return func() error { return s.Add(step.Location, b.Cert, b.Key, b.FriendlyName) }, nil
	case StepPublish:
		pub, ok := s.(store.ToolFilesPublisher)
		if !ok || p.publish == nil {
			return nil, nil
		}
		return pub.PublishToolFiles(p.publish.client, p.publish.key, p.publish.root)
	case StepGrant:
		return grantKeyRead(s, step)
	case StepAccount:
		return p.runAccount(ctx, i, step, j)
	}
	return nil, fmt.Errorf("unknown step %q", step.Kind)
}

// rollback undoes what the failed step may have done halfway (a store may
// fail after part of its work: a bundle rewritten, a key file left), then
// the steps done, newest first, and builds the error. rollback-failed
// names each certificate that could not be put back.
func (p *Plan) rollback(ctx context.Context, res *Result, done []undoable, failed Step, saved map[store.CertID]BackupCertificate, cause error) error {
	res.RolledBack = true
	if u := p.partialUndo(ctx, failed, saved); u != nil {
		done = append(done, undoable{failed, u})
	}
	var undoErrs []error
	var left []string
	for i := len(done) - 1; i >= 0; i-- {
		if err := done[i].undo(); err != nil {
			undoErrs = append(undoErrs, err)
			left = append(left, p.describeLeft(done[i].step))
		}
	}
	params := []string{"step", string(failed.Kind), "location", failed.Location.String(), "subject", failed.Subject,
		"backup", res.BackupDir, "store", p.Store.Name()}
	if len(undoErrs) > 0 {
		return coded.New(CodeRollbackFailed, errors.Join(append([]error{cause}, undoErrs...)...),
			append(params, "left", strings.Join(left, "; "))...)
	}
	return coded.New(CodeInstallRolledBack, cause, params...)
}

// partialUndo returns how to undo what a failed step did before failing,
// judged from what the store lists now; nil when it left nothing.
func (p *Plan) partialUndo(ctx context.Context, step Step, saved map[store.CertID]BackupCertificate) func() error {
	s := p.Store
	if step.Kind == StepAccount && p.accountLeft != nil {
		// The child stopped mid-change: its backup puts its store back.
		return p.undoAccount(ctx, p.accountLeft)
	}
	if step.Kind != StepAdd && step.Kind != StepRemove {
		return nil // a backup changes no store; the tool files undo themselves
	}
	listed, err := isListed(s, step.ID())
	if err != nil {
		// Cannot tell: try the undo, which is harmless when there is
		// nothing to undo (a removal of what is absent says so).
		listed = step.Kind == StepAdd
	}
	switch {
	case step.Kind == StepAdd && listed:
		return func() error { return s.Remove(step.Location, step.Thumbprint) }
	case step.Kind == StepRemove && !listed:
		b, ok := saved[step.ID()]
		if !ok {
			return nil
		}
		return func() error { return s.Add(step.Location, b.Cert, b.Key, b.FriendlyName) }
	}
	return nil
}

// isListed reports whether the store lists id now.
func isListed(s store.Store, id store.CertID) (bool, error) {
	entries, err := s.List(id.Location)
	if err != nil {
		return false, err
	}
	for _, e := range entries {
		if e.Thumbprint() == id.Thumbprint {
			return true, nil
		}
	}
	return false, nil
}

// describeLeft names, for rollback-failed, the certificate of a step
// whose undo failed: an added one still there, or a removed one still
// missing (the sentence says which by the step). For an account step, the
// account and the backup that puts its store back.
func (p *Plan) describeLeft(s Step) string {
	if s.Kind == StepAccount && s.Account != nil {
		backup := ""
		for _, a := range p.accountRes {
			if a.Account.SID == s.Account.SID {
				backup = a.Backup
			}
		}
		return fmt.Sprintf("%s (%s of %s, %s, backup %s)", s.Subject, s.Location, s.Account.Name, s.Kind, backup)
	}
	return fmt.Sprintf("%s (%s, %s)", s.Subject, s.Location, s.Kind)
}
