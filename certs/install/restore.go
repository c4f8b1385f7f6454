package install

import (
	"qscert/certs/qlik"
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
	ref := &reference{same: map[string]qlik.Role{}}
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
	p := newPlan(s, found, opts)
	var adds []Step
	var client, root *BackupCertificate
	for i, b := range saved {
		if b.Role == qlik.RoleClient && b.Key != nil {
			client = &saved[i]
		}
		if b.Role == qlik.RoleRoot {
			root = &saved[i]
		}
		adds = append(adds, Step{Kind: StepAdd, Location: b.Location, Role: b.Role, Subject: b.Subject,
			Thumbprint: b.Thumbprint, WithKey: b.Key != nil, cert: b.Cert, key: b.Key, friendlyName: b.FriendlyName})
	}
	var publish *publishData
	if client != nil && root != nil {
		publish = &publishData{client: client.Cert, key: client.Key, root: root.Cert}
	}
	if err := p.finish(adds, opts.Keep, publish); err != nil {
		return nil, err
	}
	return p, nil
}
