package central

import (
	"context"
	"strings"

	"qscert/certs/accounts"
	"qscert/certs/boundedfile"
	"qscert/certs/coded"
	"qscert/certs/finding"
	"qscert/certs/store"
)

// Plan is what the procedure will do, computed before anything changes:
// what the preconditions found, the certificates it will delete, the
// services it will stop and start, the bootstrap's command line. A dry
// run shows it and stops.
type Plan struct {
	Facts    Facts             `json:"facts"`
	Site     Site              `json:"site"`
	Account  accounts.Account  `json:"account"`
	Findings []finding.Finding `json:"findings"`
	// Inventory is what the stores hold of the site: Inventory.Site is
	// what step 3 deletes. Nil when the stores could not be read.
	Inventory *Inventory      `json:"inventory,omitempty"`
	Exported  Exported        `json:"exported"`
	Services  []ServiceStatus `json:"services"` // the Qlik services as they are, in StartOrder
	Bootstrap []string        `json:"bootstrap"`
	// MachineStore and AccountStore name the stores.
	MachineStore string `json:"machineStore"`
	AccountStore string `json:"accountStore"`
}

// Blocking returns the first finding that refuses the procedure, as an
// error, or nil.
func (p *Plan) Blocking() error {
	for _, f := range p.Findings {
		if f.Severity == coded.SeverityError {
			return f.Err()
		}
	}
	return nil
}

// Deletions is what step 3 deletes.
func (p *Plan) Deletions() []Certificate {
	if p.Inventory == nil {
		return nil
	}
	return p.Inventory.Site
}

// ToStop lists the services step 3 stops, in StopOrder: those installed
// and not stopped already.
func (p *Plan) ToStop() []string {
	var out []string
	for _, name := range StopOrder {
		if s, ok := p.service(name); ok && s.Exists && s.State != StateStopped {
			out = append(out, name)
		}
	}
	return out
}

// ToStart lists the services step 6 starts, in StartOrder: those installed
// and not disabled.
func (p *Plan) ToStart() []string { return startable(p.Services) }

func startable(services []ServiceStatus) []string {
	var out []string
	for _, name := range StartOrder {
		for _, s := range services {
			if s.Name == name && s.Exists && s.Start != StartDisabled {
				out = append(out, name)
			}
		}
	}
	return out
}

func (p *Plan) service(name string) (ServiceStatus, bool) {
	for _, s := range p.Services {
		if s.Name == name {
			return s, true
		}
	}
	return ServiceStatus{}, false
}

// BootstrapArgs are the repository's arguments that recreate the
// certificates of a central node and put its host name back.
var BootstrapArgs = []string{"-bootstrap", "-iscentral", "-restorehostname"}

// Recreate is one procedure on a node: prepared (its plan), then run,
// resumed or restored.
type Recreate struct {
	node   *Node
	opts   Options
	Plan   *Plan
	acting *Acting
	stores map[Part]store.Store
	ctx    context.Context
	qrs    QRS // step 7's connection, kept for Redistribute and Export
}

// SetBackupPassword sets the password that protects the backup, once
// the plan is shown: Prepare needs none.
func (rc *Recreate) SetBackupPassword(password string) { rc.opts.BackupPassword = password }

// SetBackupDir sets where the procedure's folder is made, once the plan
// is shown (the wizard asks it after the checks); empty keeps the one
// Prepare was given.
func (rc *Recreate) SetBackupDir(dir string) {
	if dir != "" {
		rc.opts.BackupDir = dir
	}
}

// Close frees what the procedure holds: its connection to the QRS.
func (rc *Recreate) Close() error {
	if rc.qrs != nil {
		err := rc.qrs.Close()
		rc.qrs = nil
		return err
	}
	return nil
}

// Prepare does step 1: it reads the machine's facts and stores and makes
// the plan, changing nothing. It fails only when the node cannot be read
// at all; a precondition that is not met is a finding of the plan, and
// Run refuses it.
func Prepare(ctx context.Context, node *Node, opts Options) (*Recreate, error) {
	opts = opts.withDefaults()
	facts := node.Host.Facts()
	p := &Plan{Facts: facts, Site: Site{FQDN: facts.FQDN, Hostname: facts.Hostname}, Findings: []finding.Finding{},
		MachineStore: node.Machine.Name(), Exported: Exported{Path: facts.ExportedCertificates, Machines: []string{}}}
	rc := &Recreate{node: node, opts: opts, Plan: p, stores: map[Part]store.Store{PartMachine: node.Machine}, ctx: ctx}
	p.Findings = append(p.Findings, newFinding(CodeProduction, "host", facts.FQDN))
	rc.checkHost()
	if err := rc.readServices(); err != nil {
		return nil, err
	}
	rc.actAsServiceAccount()
	if acting := rc.acting; acting != nil {
		rc.stores[PartAccount] = newAccountStore(ctx, acting)
		p.AccountStore = rc.stores[PartAccount].Name()
	}
	if p.Site.FQDN != "" {
		rc.readStores()
	}
	ex, err := scanExported(node.Files, facts.ExportedCertificates)
	p.Exported = ex
	if err != nil {
		p.Findings = append(p.Findings, findingOf(err))
	}
	p.Bootstrap = append([]string{facts.Repository}, BootstrapArgs...)
	return rc, nil
}

// checkHost: a central node has a readable Host.cfg and Repository.exe,
// and qscert must run elevated.
func (rc *Recreate) checkHost() {
	p, f := rc.Plan, rc.Plan.Facts
	switch {
	case f.FQDN == "" && boundedfile.IsNotExist(f.HostCfgErr):
		p.Findings = append(p.Findings, newFinding(CodeNotCentralNode, "reason", "host-cfg-missing", "file", f.HostCfg))
	case f.FQDN == "":
		detail := ""
		if f.HostCfgErr != nil {
			detail = f.HostCfgErr.Error()
		}
		p.Findings = append(p.Findings, newFinding(CodeNotCentralNode, "reason", "host-cfg-invalid", "file", f.HostCfg, "detail", detail))
	}
	if !f.RepositoryPresent {
		p.Findings = append(p.Findings, newFinding(CodeRepositoryMissing, "file", f.Repository))
	}
	if !f.Elevated {
		p.Findings = append(p.Findings, newFinding(CodeNotElevated))
	}
}

// readServices reads the Qlik services; the repository's tells the
// account.
func (rc *Recreate) readServices() error {
	p := rc.Plan
	for _, name := range StartOrder {
		st, err := rc.node.Services.Query(name)
		if err != nil {
			return err
		}
		st.Name = name
		p.Services = append(p.Services, st)
	}
	if db, ok := p.service(ServiceRepositoryDatabase); ok && db.Exists && db.State != StateRunning {
		p.Findings = append(p.Findings, newFinding(CodeDatabaseStopped))
	}
	return nil
}

// actAsServiceAccount resolves the account QlikSenseRepositoryService
// runs as and how to act as it.
func (rc *Recreate) actAsServiceAccount() {
	p := rc.Plan
	repo, _ := p.service(ServiceRepository)
	if !repo.Exists {
		p.Findings = append(p.Findings, newFinding(CodeNoRepositoryService, "service", ServiceRepository))
		return
	}
	name := repo.Account
	if strings.TrimSpace(name) == "" {
		name = "LocalSystem" // CreateService's default
	}
	a, err := rc.node.Accounts.Lookup(name)
	if err != nil {
		p.Findings = append(p.Findings, findingOf(err))
		return
	}
	p.Account = a
	if a.NeedsPassword() && len(rc.opts.AccountPassword) == 0 {
		p.Findings = append(p.Findings, newFinding(CodeAccountPassword, "account", a.Name))
		return
	}
	runner, err := rc.node.RunnerFor(a)
	if err != nil {
		p.Findings = append(p.Findings, findingOf(err))
		return
	}
	rc.acting = &Acting{Account: a, Password: rc.opts.AccountPassword, Runner: runner, Child: rc.node.Child, Store: rc.node.AccountStore}
}

// readStores takes the inventory and says what kind of site this is.
func (rc *Recreate) readStores() {
	p := rc.Plan
	inv, err := takeInventory(p.Site, rc.stores)
	if err != nil {
		p.Findings = append(p.Findings, findingOf(err))
		return
	}
	p.Inventory = inv
	n := inv.count()
	if len(n.Roots) == 0 && len(inv.OtherRoots) > 0 {
		// No root of this node's name, another node's root: the central
		// node of this site is that one.
		other := inv.OtherRoots[0]
		if !other.HasPrivateKey {
			p.Findings = append(p.Findings, newFinding(CodeNotCentralNode, "reason", "rim-node", "root", other.Cert.Subject.CommonName))
			return
		}
	}
	for _, o := range inv.OtherRoots {
		p.Findings = append(p.Findings, newFinding(CodeOtherRoot, "subject", o.Subject, "sha1", o.Thumbprint, "location", o.Location.String()))
	}
	if len(inv.Site) == 0 {
		p.Findings = append(p.Findings, newFinding(CodeNothingToDelete, "site", p.Site.FQDN))
	}
	if len(n.Roots) > 0 {
		p.Findings = append(p.Findings, rootKind(n.Roots[0].Cert))
	}
}
