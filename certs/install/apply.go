package install

import (
	"errors"
	"fmt"
	"time"

	"qscert/certs/coded"
	"qscert/certs/store"
)

// Result is what Apply did.
type Result struct {
	BackupDir  string `json:"backupDir,omitempty"`
	Done       []Step `json:"done"`
	RolledBack bool   `json:"rolledBack"`
}

// Progress is told about each step as it completes.
type Progress func(done, total int, step Step)

// Apply runs the plan: it checks every store location and the backup
// folder first, backs up what will be removed, adds, removes, and writes
// the tool files. If a step fails, the steps already done are undone in
// reverse order and the error says so (install-rolled-back, or
// rollback-failed with the backup folder to restore from). The backup
// folder stays in every case.
func (p *Plan) Apply(progress Progress) (*Result, error) {
	res := &Result{Done: []Step{}}
	if p.Empty() {
		return res, nil
	}
	if err := p.precheck(); err != nil {
		return res, err
	}
	var bk *backup
	if p.Count(StepBackup) > 0 {
		now := p.now
		if now.IsZero() {
			now = time.Now()
		}
		var err error
		if bk, err = newBackup(p.BackupParent, p.Store.Name(), p.backupPassword, now); err != nil {
			return res, err
		}
		res.BackupDir = bk.dir
	}
	saved := map[store.CertID]BackupCertificate{} // what the backup holds, to undo removals
	var undos []func() error
	for i, step := range p.Steps {
		undo, err := p.run(step, bk, saved)
		if err != nil {
			return res, p.rollback(res, undos, step, err)
		}
		if undo != nil {
			undos = append(undos, undo)
		}
		res.Done = append(res.Done, step)
		if progress != nil {
			progress(i+1, len(p.Steps), step)
		}
	}
	return res, nil
}

// precheck finds, before any change, a store location that cannot be
// changed.
func (p *Plan) precheck() error {
	write := map[store.Location]bool{}
	var order []store.Location
	for _, s := range p.Steps {
		if s.Kind == StepPublish {
			continue
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
func (p *Plan) run(step Step, bk *backup, saved map[store.CertID]BackupCertificate) (func() error, error) {
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
	}
	return nil, fmt.Errorf("unknown step %q", step.Kind)
}

// rollback undoes the steps done, newest first, and builds the error.
func (p *Plan) rollback(res *Result, undos []func() error, failed Step, cause error) error {
	res.RolledBack = true
	var undoErrs []error
	for i := len(undos) - 1; i >= 0; i-- {
		if err := undos[i](); err != nil {
			undoErrs = append(undoErrs, err)
		}
	}
	params := []string{"step", string(failed.Kind), "location", failed.Location.String(), "subject", failed.Subject, "backup", res.BackupDir}
	if len(undoErrs) > 0 {
		return coded.New(CodeRollbackFailed, errors.Join(append([]error{cause}, undoErrs...)...), params...)
	}
	return coded.New(CodeInstallRolledBack, cause, params...)
}
