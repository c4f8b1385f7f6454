package install

import (
	"qscert/certs/coded"
	"qscert/certs/qlik"
	"qscert/certs/store"
)

// PlanRestore computes the changes that undo the change a backup was made
// by: the locations it touched go back to exactly their state before it.
// What it added is removed (when still there), what it removed comes back
// (when not there already), and nothing else is touched: certificates the
// user kept, a root the change left as it was, other sites. A restore that
// would leave two roots of one site is refused before any change.
// opts.BackupPassword is the backup's password; it also protects the
// backup the restore makes in turn, so that the restore can be undone too.
func PlanRestore(dir string, s store.Store, opts InstallOptions) (*Plan, error) {
	m, saved, err := ReadBackup(dir, opts.BackupPassword)
	if err != nil {
		return nil, err
	}
	found, err := Classify(nil, s)
	if err != nil {
		return nil, err
	}
	p := newPlan(s, found, opts)
	byID := make(map[store.CertID]Found, len(found))
	for _, f := range found {
		byID[f.ID()] = f
	}
	var removes []Step
	for _, a := range m.Added {
		f, ok := byID[a.ID()]
		if !ok || f.Cert == nil {
			continue // already gone
		}
		removes = append(removes, Step{Kind: StepRemove, Location: a.Location, Role: a.Role, Subject: f.Cert.Subject.String(),
			Thumbprint: a.Thumbprint, WithKey: f.HasPrivateKey, cert: f.Cert, friendlyName: f.FriendlyName})
	}
	var adds []Step
	var client, root *BackupCertificate
	for i, b := range saved {
		role := roleOfBackedUp(b.Cert, b.Role)
		if role == qlik.RoleClient && b.Key != nil {
			client = &saved[i]
		}
		if role == qlik.RoleRoot {
			root = &saved[i]
		}
		adds = append(adds, Step{Kind: StepAdd, Location: b.Location, Role: role, Subject: b.Subject,
			Thumbprint: b.Thumbprint, WithKey: b.Key != nil, cert: b.Cert, key: b.Key, friendlyName: b.FriendlyName})
	}
	if err := refuseTwoRoots(found, adds, removes, dir); err != nil {
		return nil, err
	}
	var publish *publishData
	if client != nil && root != nil {
		publish = &publishData{client: client.Cert, key: client.Key, root: root.Cert, clientLoc: client.Location, rootLoc: root.Location}
	}
	if err := p.finish(adds, nil, removes, publish); err != nil {
		return nil, err
	}
	return p, nil
}

// refuseTwoRoots refuses a restore after which a root it puts back would
// share its site with another root left in a Root store: Qlik's repository
// stops on two roots of one site.
func refuseTwoRoots(found []Found, adds, removes []Step, dir string) error {
	removed := map[store.CertID]bool{}
	for _, r := range removes {
		removed[r.ID()] = true
	}
	type rootAt struct {
		id   store.CertID
		site site
	}
	var after []rootAt
	for _, f := range found {
		if f.Role == qlik.RoleRoot && f.Location.Name == "Root" && f.Cert != nil && !removed[f.ID()] {
			after = append(after, rootAt{f.ID(), siteOf(f.Cert, qlik.RoleRoot)})
		}
	}
	for _, a := range adds {
		if a.Role != qlik.RoleRoot {
			continue
		}
		mine := siteOf(a.cert, qlik.RoleRoot)
		for _, other := range after {
			if other.id.Thumbprint != a.Thumbprint && mine.sameSite(other.site) {
				return coded.New(CodeBackupTwoRoots, nil, "folder", dir, "subject", a.Subject,
					"other", other.id.Thumbprint, "location", other.id.Location.String())
			}
		}
		after = append(after, rootAt{a.ID(), mine})
	}
	return nil
}
