package central

import (
	"fmt"
	"path/filepath"

	"qscert/certs/coded"
	"qscert/certs/durable"
	"qscert/certs/install"
	"qscert/certs/store"
)

// backup is step 2: each part's certificates of the site, with their
// keys, into a backup in install's format (folder/machine/qscert-backup-*,
// folder/account/qscert-backup-*), and Exported Certificates into a zip.
// Nothing on the machine changes: a failure here leaves it as it was.
func (r *run) backup() error {
	inv, err := r.inventory()
	if err != nil {
		return err
	}
	for _, part := range Parts {
		dir, n, err := r.backUpPart(part, inv.Of(part), filepath.Join(r.folder, string(part)), StepBackup)
		if err != nil {
			return err
		}
		if dir != "" {
			r.res.Backups[part] = dir
			r.event(StepBackup, EventInfo, "central.event.backed-up-"+string(part), map[string]string{"count": fmt.Sprint(n), "folder": dir})
		}
	}
	zip, machines, err := r.zipExported(r.folder, StepBackup)
	if err != nil {
		return err
	}
	if zip == "" {
		r.event(StepBackup, EventInfo, "central.event.no-exported", map[string]string{"folder": r.rec.Exported})
		return nil
	}
	r.res.ExportedZip = zip
	return r.note(journalEvent{Step: StepBackup, State: jZip, Zip: zip, Machine: machines})
}

// backUpPart writes a backup of certs into a new folder inside parent
// and journals it. It returns "" when there is nothing to back up.
func (r *run) backUpPart(part Part, certs []Certificate, parent string, step StepID) (string, int, error) {
	if len(certs) == 0 {
		return "", 0, nil
	}
	ids := make([]store.CertID, 0, len(certs))
	for _, c := range certs {
		ids = append(ids, c.ID())
	}
	dir, err := install.WriteBackup(r.rc.stores[part], ids, parent, r.rc.opts.BackupPassword, r.rc.opts.Now())
	if err != nil {
		return "", 0, err
	}
	return dir, len(ids), r.note(journalEvent{Step: step, State: jBackup, Part: part, Backup: dir, Backed: ids})
}

// zipExported writes Exported Certificates into parent/exported-certificates.zip
// and returns the zip and the machines it holds exports for; "" when
// there is no such folder.
func (r *run) zipExported(parent string, step StepID) (string, []string, error) {
	files, dir := r.rc.node.Files, r.rec.Exported
	ex, err := scanExported(files, dir)
	if err != nil || !ex.Exists {
		return "", nil, err
	}
	data, err := zipExported(files, dir)
	if err != nil {
		return "", nil, err
	}
	if err := durable.MkdirAll(parent, 0o700); err != nil {
		return "", nil, coded.New(install.CodeBackupFolderUnwritable, err, "folder", parent)
	}
	zip := filepath.Join(parent, ExportedName)
	if err := durable.WriteFile(zip, data, 0o600); err != nil {
		return "", nil, coded.New(install.CodeBackupFolderUnwritable, err, "folder", parent)
	}
	r.event(step, EventInfo, "central.event.zipped", map[string]string{"folder": dir, "zip": zip,
		"files": fmt.Sprint(ex.Files), "machines": fmt.Sprint(len(ex.Machines))})
	return zip, ex.Machines, nil
}

// inventory reads what the stores hold of the site now.
func (r *run) inventory() (*Inventory, error) {
	return takeInventory(r.rec.Site, r.rc.stores)
}
