package certs

import (
	"qscert/certs/store"
)

// PlanRestore computes the changes that put a backup back exactly: every
// backed-up certificate returns to the location it was taken from, and the
// Qlik certificates of the same site that are in the stores now (those an
// install put there) are backed up in turn and removed, so that no two roots
// of one site are left. opts.BackupPassword is the password of the backup
// being restored; it also protects the new backup.
func PlanRestore(dir string, s store.Store, opts InstallOptions) (*Plan, error) {
	_, saved, err := ReadBackup(dir, opts.BackupPassword)
	if err != nil {
		return nil, err
	}
	ref := &reference{same: map[string]Role{}}
	for _, b := range saved {
		role := b.Role
		if role == "" {
			role, _ = qlikRoleOf(b.Cert)
		}
		ref.same[string(b.Cert.Raw)] = role
		ref.sites = append(ref.sites, siteOf(b.Cert, role))
	}
	found, err := classifyStore(ref, s)
	if err != nil {
		return nil, err
	}
	p := &Plan{Store: s, Found: found, BackupParent: opts.BackupDir, backupPassword: opts.BackupPassword, now: opts.Now}
	present := map[string]bool{}
	for _, f := range found {
		present[f.Location.String()+"|"+f.Thumbprint()] = true
	}
	var adds []Step
	var client, root *BackupCertificate
	for i, b := range saved {
		if b.Role == RoleClient && b.Key != nil {
			client = &saved[i]
		}
		if b.Role == RoleRoot {
			root = &saved[i]
		}
		if present[b.Location.String()+"|"+b.Thumbprint] {
			continue
		}
		adds = append(adds, Step{Kind: StepAdd, Location: b.Location, Role: b.Role, Subject: b.Subject,
			Thumbprint: b.Thumbprint, WithKey: b.Key != nil, cert: b.Cert, key: b.Key, friendlyName: b.FriendlyName})
	}
	removes, err := removals(found, opts.Keep)
	if err != nil {
		return nil, err
	}
	p.Steps = append(p.Steps, backupsFor(removes)...)
	p.Steps = append(p.Steps, adds...)
	p.Steps = append(p.Steps, removes...)
	if _, ok := s.(store.ToolFilesPublisher); ok && len(p.Steps) > 0 && client != nil && root != nil {
		p.publish = &publishData{client: client.Cert, key: client.Key, root: root.Cert}
		p.Steps = append(p.Steps, Step{Kind: StepPublish, Role: RoleClient, Subject: client.Subject})
	}
	return p, nil
}
