package central

import (
	"context"
	"fmt"
	"path/filepath"

	"qscert/certs/coded"
	"qscert/certs/install"
	"qscert/certs/store"
)

// StepRestore names the restore's lines in the log.
const StepRestore StepID = "restore"

// RestoreResult is what Restore did.
type RestoreResult struct {
	Folder string `json:"folder"`
	// Nothing is true when the procedure had changed nothing.
	Nothing bool `json:"nothing"`
	// Parts is what each part's restore did (install's result).
	Parts map[Part]*install.Result `json:"parts"`
	// Exported is true when Exported Certificates was put back.
	Exported bool     `json:"exported"`
	Started  []string `json:"started"`
}

// Restore puts the machine back as it was before the procedure whose
// folder is folder, whatever step it reached (or after it finished): the
// Qlik services stop, each part's certificates come back from its backup
// and the repository's new ones go (install.RecordAdded, then
// install.PlanRestore: the same restore as `qscert restore`, which works
// on the backup folders too), Exported Certificates comes back from its
// zip, and the services that ran before start again. It needs the backup
// password, and the account's when it is an ordinary user. The
// repository's database is not part of the backup: a bootstrap that ran
// changed it, and a restored set of certificates leaves that as it is.
func Restore(ctx context.Context, node *Node, folder string, opts Options) (*RestoreResult, error) {
	opts = opts.withDefaults()
	unlock, err := node.Mark.Lock()
	if err != nil {
		return nil, err
	}
	defer unlock()
	rec, err := readJournal(journalIn(folder))
	if err != nil {
		return nil, err
	}
	out := &RestoreResult{Folder: rec.Folder, Parts: map[Part]*install.Result{}, Started: []string{}}
	st := statusOf(rec)
	if !st.Changed {
		out.Nothing = true
		return out, endRestored(node, rec)
	}
	rc, err := attach(ctx, node, opts, rec)
	if err != nil {
		return nil, err
	}
	r, err := rc.reopen(rec)
	if err != nil {
		return nil, err
	}
	defer r.close()
	r.event(StepRestore, EventStep, "central.event.restoring", map[string]string{"folder": rec.Folder})
	if err := r.restore(out); err != nil {
		r.event(StepRestore, EventError, "", nil, err)
		return out, err
	}
	if err := r.note(journalEvent{Step: StepRestore, State: jRestored}); err != nil {
		return out, err
	}
	if err := endRestored(node, rec); err != nil {
		return out, err
	}
	if err := r.startAsBefore(out); err != nil {
		r.event(StepRestore, EventError, "", nil, err)
		return out, coded.New(CodeRestoreIncomplete, err, "folder", rec.Folder)
	}
	r.event(StepRestore, EventDone, "central.event.restored", map[string]string{"folder": rec.Folder})
	return out, nil
}

// endRestored clears the mark when it names rec's procedure.
func endRestored(node *Node, rec *record) error {
	if path, err := node.Mark.Get(); err == nil && path == rec.path {
		return node.Mark.Clear()
	}
	return nil
}

// restore stops the services, waits out a bootstrap, and puts the
// certificates and Exported Certificates back.
func (r *run) restore(out *RestoreResult) error {
	inv, err := r.quiesce(StepRestore)
	if err != nil {
		return err
	}
	work := filepath.Join(r.folder, "restore-"+r.rc.opts.Now().Format("20060102-150405"))
	for _, part := range Parts {
		res, err := r.restorePart(part, inv.Of(part), filepath.Join(work, string(part)))
		if err != nil {
			return err
		}
		if res != nil {
			out.Parts[part] = res
		}
	}
	done, err := r.restoreExported(work)
	out.Exported = done
	return err
}

// restorePart puts one part back: its backup's certificates return, and
// what the stores hold of the site besides is recorded in the backup as
// added (so that the restore removes it). A part that had no certificate
// of the site before has the ones it has now backed up and deleted.
func (r *run) restorePart(part Part, now []Certificate, work string) (*install.Result, error) {
	s, pw := r.rc.stores[part], r.rc.opts.BackupPassword
	backup := r.rec.backups[part]
	if backup == "" {
		if len(now) == 0 {
			return nil, nil
		}
		dir, _, err := r.backUpPart(part, now, work, StepRestore)
		if err != nil {
			return nil, err
		}
		for _, c := range now {
			if err := s.Remove(c.Location, c.Thumbprint); err != nil && coded.CodeOf(err) != store.CodeCertNotFound {
				return nil, err
			}
			r.event(StepRestore, EventInfo, "central.event.deleted", map[string]string{"location": locationName(c, r.rec), "subject": c.Subject, "sha1": c.Thumbprint})
		}
		return &install.Result{BackupDir: dir, Done: []install.Step{}}, nil
	}
	m, _, err := install.ReadBackup(backup, pw)
	if err != nil {
		return nil, err
	}
	original := map[store.CertID]bool{}
	for _, e := range m.Entries {
		original[e.ID()] = true
	}
	var added []install.AddedEntry
	for _, c := range now {
		if !original[c.ID()] {
			added = append(added, install.AddedEntry{Location: c.Location, Thumbprint: c.Thumbprint, Subject: c.Subject, Role: c.Role})
		}
	}
	if err := install.RecordAdded(backup, pw, added); err != nil {
		return nil, err
	}
	plan, err := install.PlanRestore(backup, s, install.InstallOptions{BackupDir: work, BackupPassword: pw, Now: r.rc.opts.Now()})
	if err != nil {
		return nil, err
	}
	res, err := plan.Apply(func(done, total int, step install.Step) {
		r.event(StepRestore, EventInfo, "central.event.restore-"+string(step.Kind), map[string]string{
			"location": step.Location.String(), "subject": step.Subject, "sha1": step.Thumbprint})
	})
	return res, err
}

// restoreExported puts Exported Certificates back as it was: from the
// zip of step 2 when the procedure deleted it, or removed when it did
// not exist before. What it holds instead is zipped first.
func (r *run) restoreExported(work string) (bool, error) {
	files, dir := r.rc.node.Files, r.rec.Exported
	if r.rec.ExportedWas && !r.rec.expGone {
		return false, nil // never deleted
	}
	cur, err := scanExported(files, dir)
	if err != nil {
		return false, err
	}
	if cur.Exists {
		if _, _, err := r.zipExported(work, StepRestore); err != nil {
			return false, err
		}
		if err := files.RemoveAll(dir); err != nil {
			return false, coded.New(CodeExportedDelete, err, "folder", dir)
		}
	}
	if r.rec.ExportedWas {
		if r.rec.zip == "" {
			return false, coded.New(CodeExportedUnreadable, fmt.Errorf("no zip of %s in the backup", dir), "folder", dir)
		}
		data, err := files.ReadFile(r.rec.zip, 2*MaxExportedBytes)
		if err != nil {
			return false, coded.New(CodeExportedUnreadable, err, "folder", r.rec.zip)
		}
		if err := unzipExported(files, data, dir); err != nil {
			return false, err
		}
		r.event(StepRestore, EventInfo, "central.event.exported-restored", map[string]string{"folder": dir, "zip": r.rec.zip})
	}
	return true, r.note(journalEvent{Step: StepRestore, State: jExpBack})
}

// startAsBefore starts, in StartOrder, the services that ran before the
// procedure.
func (r *run) startAsBefore(out *RestoreResult) error {
	for _, name := range StartOrder {
		was := false
		for _, s := range r.rec.Services {
			was = was || (s.Name == name && s.Exists && s.State == StateRunning)
		}
		if !was {
			continue
		}
		st, err := r.rc.node.Services.Query(name)
		if err != nil {
			return err
		}
		if st.State == StateRunning {
			continue
		}
		if err := r.startService(StepRestore, name); err != nil {
			return err
		}
		out.Started = append(out.Started, name)
	}
	return nil
}
