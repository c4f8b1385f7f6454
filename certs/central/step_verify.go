package central

import (
	"fmt"
	"strings"

	"qscert/certs/coded"
	"qscert/certs/install"
	"qscert/certs/qlik"
)

// verify is step 5: exactly one root of the site in LocalMachine\Root
// (the repository stops, fatally, on none or several, and never deletes
// one itself), one server certificate in LocalMachine\My and one
// QlikClient in the service account's CurrentUser\My, the two signed by
// the root, none of them an old one. On duplicates it says which (the
// procedure can go back to step 3: Resume). Then it records the new
// certificates in each part's backup, so that restoring the backup
// (here, or with `qscert restore`) removes them.
func (r *run) verify() error {
	inv, err := r.inventory()
	if err != nil {
		return err
	}
	n := inv.count()
	for _, kind := range []struct {
		what  string
		certs []Certificate
	}{{"root", n.Roots}, {"server", n.Servers}, {"client", n.Clients}} {
		switch len(kind.certs) {
		case 1:
			continue
		case 0:
			return coded.New(CodeMissing, nil, "role", kind.what)
		}
		var tps []string
		for _, c := range kind.certs {
			tps = append(tps, c.Thumbprint+" ("+locationName(c, r.rec)+")")
		}
		return coded.New(CodeDuplicates, nil, "role", kind.what, "count", fmt.Sprint(len(kind.certs)), "certificates", strings.Join(tps, ", "))
	}
	root := n.Roots[0]
	for _, c := range append(append([]Certificate{root}, n.Servers...), n.Clients...) {
		if r.rec.backedUp[c.ID()] {
			return coded.New(CodeDuplicates, nil, "role", string(c.Role), "count", "1", "certificates", c.Thumbprint+" (old)")
		}
		if !qlik.SignedBy(c.Cert, root.Cert) {
			return coded.New(CodeDuplicates, nil, "role", string(c.Role), "count", "2", "certificates", c.Thumbprint+" (another root)")
		}
	}
	r.res.New = []Certificate{root, n.Servers[0], n.Clients[0]}
	for _, c := range r.res.New {
		r.event(StepVerify, EventInfo, "central.event.new-"+string(c.Role), map[string]string{"location": locationName(c, r.rec),
			"subject": c.Subject, "sha1": c.Thumbprint})
	}
	if err := r.recordNew(inv); err != nil {
		return err
	}
	r.event(StepVerify, EventInfo, "", nil, rootKind(root.Cert).Err()) // which kind of root the new one is
	return nil
}

// recordNew adds every certificate of the site now in a part's stores to
// that part's backup of step 2, as added by the procedure.
func (r *run) recordNew(inv *Inventory) error {
	for _, part := range Parts {
		dir := r.rec.backups[part]
		if dir == "" {
			continue
		}
		var added []install.AddedEntry
		for _, c := range inv.Of(part) {
			if !r.rec.backedUp[c.ID()] {
				added = append(added, install.AddedEntry{Location: c.Location, Thumbprint: c.Thumbprint, Subject: c.Subject, Role: c.Role})
			}
		}
		if err := install.RecordAdded(dir, r.rc.opts.BackupPassword, added); err != nil {
			return err
		}
	}
	return nil
}
