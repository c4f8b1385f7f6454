package central

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"qscert/certs/coded"
	"qscert/certs/durable"
	"qscert/certs/install"
	"qscert/certs/store"
)

// Result is what a procedure did, for people and scripts.
type Result struct {
	Folder  string          `json:"folder"`
	Log     string          `json:"log"`
	Journal string          `json:"journal"`
	Backups map[Part]string `json:"backups"`
	// ExportedZip is the zip of Exported Certificates, when there was one.
	ExportedZip string `json:"exportedZip,omitempty"`
	// Done are the steps this run completed.
	Done []StepID `json:"done"`
	// New are the repository's new certificates, once step 5 counted them.
	New               []Certificate `json:"new,omitempty"`
	DispatcherStarted bool          `json:"dispatcherStarted"`
	Attempt           int           `json:"attempt"`
	// Next is step 7's answer.
	Next *Next `json:"next,omitempty"`
	// Stopped says where a stopped procedure stands, when it stopped.
	Stopped *Status `json:"stopped,omitempty"`
}

// run is a procedure being run (or resumed) in its folder.
type run struct {
	rc      *Recreate
	folder  string
	j       *journal
	log     *runLog
	rec     *record // the journal as far as written: what is backed up, stopped, deleted
	res     *Result
	attempt int
	// outputLines counts the bootstrap's lines logged (maxLoggedLines).
	outputLines int
}

// Run does steps 2 to 7 of a prepared plan, journaled in a new folder in
// Options.BackupDir. It refuses a plan with a blocking finding, a second
// procedure while one runs (recreate-busy), and a new one while one is
// unfinished (recreate-unfinished: Resume or Restore it). A step that
// fails stops the procedure: the error is recreate-stopped, with the step,
// the folder and the state of the machine, and the step's own error as
// its cause; Result.Stopped says the same.
func (rc *Recreate) Run() (*Result, error) {
	if err := rc.Plan.Blocking(); err != nil {
		return nil, err
	}
	if !install.BackupPasswordOK(rc.opts.BackupPassword) {
		return nil, coded.New(install.CodeBackupPasswordTooShort, nil, "min", fmt.Sprint(install.MinBackupPassword))
	}
	unlock, err := rc.node.Mark.Lock()
	if err != nil {
		return nil, err
	}
	defer unlock()
	if err := rc.refuseUnfinished(); err != nil {
		return nil, err
	}
	if err := rc.checkFresh(); err != nil {
		return nil, err
	}
	folder, err := newFolder(rc.opts.BackupDir, rc.opts)
	if err != nil {
		return nil, err
	}
	r, err := rc.start(folder)
	if err != nil {
		return nil, err
	}
	defer r.close()
	return r.from(StepBackup)
}

// refuseUnfinished fails when the mark names a procedure that did not end.
func (rc *Recreate) refuseUnfinished() error {
	path, err := rc.node.Mark.Get()
	if err != nil || path == "" {
		return err
	}
	if rec, err := readJournal(path); err == nil && rec.ended != "" {
		return rc.node.Mark.Clear() // it ended; only its mark was left
	}
	return coded.New(CodeUnfinished, nil, "journal", path, "folder", filepath.Dir(path))
}

// checkFresh refuses a plan made from stores that changed since: the
// procedure must delete what was shown, nothing else.
func (rc *Recreate) checkFresh() error {
	inv, err := takeInventory(rc.Plan.Site, rc.stores)
	if err != nil {
		return err
	}
	planned := map[store.CertID]bool{}
	for _, c := range rc.Plan.Deletions() {
		planned[c.ID()] = true
	}
	if len(inv.Site) != len(planned) {
		return coded.New(CodePlanStale, nil, "site", rc.Plan.Site.FQDN)
	}
	for _, c := range inv.Site {
		if !planned[c.ID()] {
			return coded.New(CodePlanStale, nil, "site", rc.Plan.Site.FQDN)
		}
	}
	return nil
}

// newFolder makes the procedure's folder, 0700: it holds the backup.
func newFolder(parent string, o Options) (string, error) {
	if err := durable.MkdirAll(parent, 0o700); err != nil {
		return "", coded.New(install.CodeBackupFolderUnwritable, err, "folder", parent)
	}
	base := filepath.Join(parent, "qscert-recreate-"+o.Now().Format("20060102-150405"))
	dir := base
	for i := 2; ; i++ {
		err := durable.Mkdir(dir, 0o700)
		if err == nil {
			return dir, nil
		}
		if !errors.Is(err, os.ErrExist) || i > 99 {
			return "", coded.New(install.CodeBackupFolderUnwritable, err, "folder", parent)
		}
		dir = fmt.Sprintf("%s-%d", base, i)
	}
}

// start writes the journal's header and the mark, before the first change.
func (rc *Recreate) start(folder string) (*run, error) {
	log, err := openLog(folder, rc.opts.Translator)
	if err != nil {
		return nil, coded.New(install.CodeBackupFolderUnwritable, err, "folder", folder)
	}
	p := rc.Plan
	h := journalHeader{Recreate: 1, ID: newRecreateID(rc.opts.Now()), CreatedAt: rc.opts.Now().UTC(), Folder: folder,
		Site: p.Site, Account: p.Account, Machine: p.MachineStore, Services: p.Services, Planned: p.Deletions(),
		Exported: p.Exported.Path, ExportedWas: p.Exported.Exists, Repository: p.Facts.Repository,
		StuckAfterMS: rc.opts.StuckAfter.Milliseconds()}
	if h.Planned == nil {
		h.Planned = []Certificate{}
	}
	j, err := createJournal(folder, h)
	if err != nil {
		log.close()
		return nil, coded.New(install.CodeBackupFolderUnwritable, err, "folder", folder)
	}
	if err := rc.node.Mark.Set(j.path); err != nil {
		j.close()
		log.close()
		return nil, coded.New(install.CodeBackupFolderUnwritable, err, "folder", folder)
	}
	rec := &record{journalHeader: h, path: j.path, backups: map[Part]string{}, backedUp: map[store.CertID]bool{},
		stopped: map[string]bool{}, removed: map[store.CertID]bool{}, removing: map[store.CertID]bool{}, done: map[StepID]bool{}, attempt: 1}
	r := &run{rc: rc, folder: folder, j: j, log: log, rec: rec, attempt: 1,
		res: &Result{Folder: folder, Log: log.path, Journal: j.path, Backups: map[Part]string{}, Done: []StepID{}, Attempt: 1}}
	r.event(StepPreconditions, EventStep, "", nil)
	for _, f := range p.Findings {
		kind := EventInfo
		if f.Severity == coded.SeverityWarning {
			kind = EventWarning
		}
		r.event(StepPreconditions, kind, "", nil, f.Err())
	}
	r.event(StepPreconditions, EventDone, "central.event.preconditions", map[string]string{"host": p.Site.FQDN, "account": p.Account.Name})
	return r, nil
}

func (r *run) close() {
	r.j.close()
	r.log.close()
}

// from runs the steps from first to the last.
func (r *run) from(first StepID) (*Result, error) {
	steps := map[StepID]func() error{
		StepBackup: r.backup, StepDelete: r.deleteSite, StepBootstrap: r.bootstrap,
		StepVerify: r.verify, StepRestart: r.restart, StepNext: r.next,
	}
	for _, id := range Steps[first.Number()-1:] {
		r.event(id, EventStep, "", nil)
		if err := r.note(journalEvent{Step: id, State: jStart, Attempt: r.attempt}); err != nil {
			return r.res, r.stop(id, err)
		}
		if err := steps[id](); err != nil {
			return r.res, r.stop(id, err)
		}
		if err := r.note(journalEvent{Step: id, State: jDone, Attempt: r.attempt, New: r.newOf(id)}); err != nil {
			return r.res, r.stop(id, err)
		}
		r.res.Done = append(r.res.Done, id)
		r.event(id, EventDone, "central.done."+string(id), nil)
	}
	if err := r.note(journalEvent{State: jFinished}); err != nil {
		return r.res, err
	}
	r.event("", EventDone, "central.event.finished", map[string]string{"folder": r.folder, "log": r.log.path})
	return r.res, r.rc.node.Mark.Clear()
}

func (r *run) newOf(id StepID) []Certificate {
	if id == StepVerify {
		return r.res.New
	}
	return nil
}

// note writes an event to the journal and applies it to the record.
func (r *run) note(e journalEvent) error {
	if err := r.j.add(e); err != nil {
		return coded.New(install.CodeBackupFolderUnwritable, err, "folder", r.folder)
	}
	r.rec.apply(e)
	return nil
}

// stop ends a run on a failed step: journaled, logged, and said with the
// state the machine is in. A procedure that changed nothing yet ends
// there (its mark goes); one that did keeps its mark, so that the next
// qscert says where it stopped and offers to go on or to restore.
func (r *run) stop(step StepID, cause error) error {
	_ = r.note(journalEvent{Step: step, State: jFailed, Code: coded.CodeOf(cause)})
	st := statusOf(r.rec)
	r.res.Stopped = &st
	r.event(step, EventError, "", nil, cause)
	if !st.Changed {
		_ = r.note(journalEvent{State: jAbandoned})
		_ = r.rc.node.Mark.Clear()
	}
	r.event(step, EventWarning, "", nil, coded.New(CodeStopped, nil, st.paramList()...))
	return coded.New(CodeStopped, cause, st.paramList()...)
}

// event tells the log and the caller.
func (r *run) event(step StepID, kind EventKind, key string, params map[string]string, err ...error) {
	e := Event{Time: r.rc.opts.Now(), Step: step, Kind: kind, Key: key, Params: params}
	if len(err) > 0 {
		e.Err = err[0]
	}
	r.log.write(e)
	if r.rc.opts.OnEvent != nil {
		r.rc.opts.OnEvent(e)
	}
}

// context is the procedure's context.
func (r *run) context() context.Context { return r.rc.ctx }
