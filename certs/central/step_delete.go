package central

import (
	"context"
	"fmt"
	"path/filepath"

	"qscert/certs/coded"
	"qscert/certs/store"
)

// deleteSite is step 3: stop the Qlik Sense services but the Repository
// Database, so that none recreates a certificate midway; delete the
// site's certificates, each one only once a backup of this procedure
// holds it (one that appeared since step 2, or that a failed bootstrap
// made, is backed up first, into attempt-N/), once no bootstrap runs;
// delete Exported
// Certificates, likewise only once zipped. Every part of it may be done
// again: stopped services, deleted certificates and a deleted folder are
// passed over.
func (r *run) deleteSite() error {
	inv, err := r.quiesce(StepDelete)
	if err != nil {
		return err
	}
	attemptDir := filepath.Join(r.folder, fmt.Sprintf("attempt-%d", r.attempt))
	for _, part := range Parts {
		var unsaved []Certificate
		for _, c := range inv.Of(part) {
			if !r.rec.backedUp[c.ID()] {
				unsaved = append(unsaved, c)
			}
		}
		if dir, n, err := r.backUpPart(part, unsaved, filepath.Join(attemptDir, string(part)), StepDelete); err != nil {
			return err
		} else if dir != "" {
			r.event(StepDelete, EventInfo, "central.event.backed-up-"+string(part), map[string]string{"count": fmt.Sprint(n), "folder": dir})
		}
	}
	if err := r.removeAll(inv.Site); err != nil {
		return err
	}
	return r.deleteExported(attemptDir)
}

// stopServices stops the services of StopOrder that run, dependents
// first, and waits until each has stopped.
func (r *run) stopServices(step StepID) error {
	svc, o := r.rc.node.Services, r.rc.opts
	for _, name := range StopOrder {
		st, err := svc.Query(name)
		if err != nil {
			return err
		}
		if !st.Exists || st.State == StateStopped {
			continue
		}
		r.event(step, EventInfo, "central.event.stopping", map[string]string{"service": DisplayName(name)})
		if err := r.note(journalEvent{Step: step, State: jStopping, Service: name}); err != nil {
			return err
		}
		if err := svc.Stop(name); err != nil {
			return coded.New(CodeServiceStopFailed, err, "service", DisplayName(name), "detail", err.Error())
		}
		if _, err := WaitState(r.context(), svc, name, StateStopped, o.ServiceTimeout, r.rc.node.poll()); err != nil {
			return err
		}
		if err := r.note(journalEvent{Step: step, State: jStopped, Service: name}); err != nil {
			return err
		}
		r.event(step, EventInfo, "central.event.stopped-service", map[string]string{"service": DisplayName(name)})
	}
	return nil
}

// removeAll deletes certs, the machine's under the store's writer lock.
func (r *run) removeAll(certs []Certificate) error {
	if len(certs) == 0 {
		r.event(StepDelete, EventInfo, "central.event.nothing-to-delete", nil)
		return nil
	}
	unlock, err := lockStore(r.context(), r.rc.stores[PartMachine])
	if err != nil {
		return err
	}
	defer unlock()
	for _, c := range certs {
		if !r.rec.backedUp[c.ID()] {
			// Cannot happen: every one was backed up above. Nothing is
			// deleted without its backup.
			return fmt.Errorf("%s has no backup", c.ID())
		}
		id := c.ID()
		if err := r.note(journalEvent{Step: StepDelete, State: jRemoving, Part: c.Part, Cert: &id}); err != nil {
			return err
		}
		err := r.rc.stores[c.Part].Remove(c.Location, c.Thumbprint)
		if err != nil && coded.CodeOf(err) != store.CodeCertNotFound {
			return err
		}
		if err := r.note(journalEvent{Step: StepDelete, State: jRemoved, Part: c.Part, Cert: &id}); err != nil {
			return err
		}
		r.event(StepDelete, EventInfo, "central.event.deleted", map[string]string{"location": locationName(c, r.rec), "subject": c.Subject, "sha1": c.Thumbprint})
	}
	return nil
}

// deleteExported deletes Exported Certificates once a zip of this
// procedure holds it.
func (r *run) deleteExported(attemptDir string) error {
	files, dir := r.rc.node.Files, r.rec.Exported
	ex, err := scanExported(files, dir)
	if err != nil || !ex.Exists {
		return err
	}
	if r.rec.zip == "" || r.attempt > 1 {
		// Not the folder step 2 zipped (it appeared since, or a bootstrap
		// made it): zipped now, into the attempt's folder.
		if _, _, err := r.zipExported(attemptDir, StepDelete); err != nil {
			return err
		}
	}
	if err := r.note(journalEvent{Step: StepDelete, State: jExpGoing}); err != nil {
		return err
	}
	if err := files.RemoveAll(dir); err != nil {
		return coded.New(CodeExportedDelete, err, "folder", dir)
	}
	if err := r.note(journalEvent{Step: StepDelete, State: jExpGone}); err != nil {
		return err
	}
	r.event(StepDelete, EventInfo, "central.event.exported-deleted", map[string]string{"folder": dir})
	return nil
}

// locationName says where a certificate is, for people: the machine's
// location, or the account's.
func locationName(c Certificate, rec *record) string {
	if c.Part == PartAccount {
		return rec.Account.Name + ` CurrentUser\My`
	}
	return c.Location.String()
}

// lockStore takes s's writer lock when it has one.
func lockStore(ctx context.Context, s store.Store) (func(), error) {
	l, ok := s.(store.Locker)
	if !ok {
		return func() {}, nil
	}
	unlock, err := l.Lock(ctx, nil)
	if err != nil {
		return nil, err
	}
	return func() { _ = unlock() }, nil
}

// quiesce stops the Qlik Sense services (for step), waits out a bootstrap
// a killed qscert left, and only then reads what the stores hold: a
// running bootstrap may still be making certificates. Deleting and
// restoring both start so.
func (r *run) quiesce(step StepID) (*Inventory, error) {
	if err := r.stopServices(step); err != nil {
		return nil, err
	}
	if err := r.noBootstrapRunning(); err != nil {
		return nil, err
	}
	return r.inventory()
}
