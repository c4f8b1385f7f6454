package install

import (
	"crypto"
	"fmt"

	"qscert/certs/coded"
	"qscert/certs/export"
	"qscert/certs/qlik"
	"qscert/certs/store"
)

// friendlyName is the name shown in certmgr for what qscert installs.
func friendlyName(c *export.Certificate) string {
	return fmt.Sprintf("%s (Qlik Sense %s, qscert)", c.X509.Subject.CommonName, c.Role)
}

// PlanInstall computes the changes that install exp into s: back up the old
// Qlik certificates of the same site, add the new root, client and server,
// then remove the old ones. Nothing is changed.
//
// opts.ForAccount and opts.ForMachine say who uses the client certificate
// (for_account.go): another account's Personal store, through an account
// step, or the machine's, with a grant step.
func PlanInstall(exp *export.Export, s store.Store, opts InstallOptions) (*Plan, error) {
	if exp.Root == nil || exp.Client == nil || exp.Client.Key == nil {
		return nil, coded.New(CodeExportNotInstallable, nil)
	}
	if err := opts.checkChoice(); err != nil {
		return nil, err
	}
	found, err := Classify(exp, s)
	if err != nil {
		return nil, err
	}
	p := newPlan(s, found, opts)
	var adds []Step
	publish := &publishData{client: exp.Client.X509, key: exp.Client.Key, root: exp.Root.X509}
	clientHere := false
	for _, t := range p.targets(exp, s, opts) {
		switch t.cert {
		case exp.Client:
			publish.clientLoc, clientHere = t.loc, true
		case exp.Root:
			publish.rootLoc = t.loc
		}
		adds = append(adds, Step{Kind: StepAdd, Location: t.loc, Role: t.cert.Role, Subject: t.cert.X509.Subject.String(),
			Thumbprint: qlik.Thumbprint(t.cert.X509), WithKey: t.cert.Key != nil && t.cert.Role != qlik.RoleRoot,
			cert: t.cert.X509, key: keyFor(t.cert), friendlyName: friendlyName(t.cert)})
	}
	if !clientHere {
		publish = nil // the client is in another account's store, not this one
	}
	removes, err := removals(found, opts.Keep)
	if err != nil {
		return nil, err
	}
	removes = ownRemovals(removes, opts)
	forAccount, err := p.accountSteps(exp, s, opts)
	if err != nil {
		return nil, err
	}
	if err := p.finish(adds, forAccount, removes, publish); err != nil {
		return nil, err
	}
	return p, nil
}

// keyFor is the key installed with a certificate: a root's key, if an
// export ever held one, stays out of the store.
func keyFor(c *export.Certificate) crypto.PrivateKey {
	if c.Role == qlik.RoleRoot {
		return nil
	}
	return c.Key
}

type target struct {
	cert *export.Certificate
	loc  store.Location
}

// targets decides where each certificate goes. The machine stores need
// administrator rights on Windows; without them the root and the server
// go to the current user's stores, with a note. An install for another
// account or for the machine never falls back so: the current user's
// stores are of no use to the account, so the plan keeps the machine's
// and notes that it needs administrator rights.
func (p *Plan) targets(exp *export.Export, s store.Store, opts InstallOptions) []target {
	if opts.userPart {
		return []target{{exp.Client, store.CurrentUserMy}}
	}
	forOther := opts.ForAccount != nil || opts.ForMachine
	machineWritable := func(loc store.Location) bool {
		return coded.CodeOf(s.Check(loc, true)) != store.CodeStoreAccessDenied
	}
	rootLoc := store.LocalMachineRoot
	if !machineWritable(rootLoc) {
		if forOther {
			p.Notes = append(p.Notes, newNote(CodeNeedsAdministrator, "", ""))
		} else {
			rootLoc = store.CurrentUserRoot
			p.Notes = append(p.Notes, newNote(CodeRootForCurrentUser, qlik.RoleRoot, exp.Root.File))
		}
	}
	out := []target{{exp.Root, rootLoc}}
	switch {
	case opts.ForMachine || (opts.ForAccount == nil && opts.ClientScope == store.LocalMachine):
		out = append(out, target{exp.Client, store.LocalMachineMy})
	case opts.ForAccount != nil:
		// The account step puts the client in the account's own store.
	default:
		out = append(out, target{exp.Client, store.CurrentUserMy})
	}
	if sv := exp.Server; sv != nil {
		if sv.Key == nil {
			p.Notes = append(p.Notes, newNote(CodeServerWithoutKey, qlik.RoleServer, sv.File))
			return out
		}
		serverLoc := store.LocalMachineMy
		if !forOther && !machineWritable(serverLoc) {
			serverLoc = store.CurrentUserMy
			p.Notes = append(p.Notes, newNote(CodeServerForCurrentUser, qlik.RoleServer, sv.File))
		}
		out = append(out, target{sv, serverLoc})
	}
	return out
}
