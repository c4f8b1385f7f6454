package certs

import (
	"crypto"
	"crypto/x509"
	"fmt"
	"time"

	"qscert/certs/coded"
	"qscert/certs/store"
)

// StepKind is what a step of a plan does.
type StepKind string

const (
	StepBackup  StepKind = "backup"  // export a certificate that will be removed into the backup
	StepAdd     StepKind = "add"     // add a certificate (and its key) to a store
	StepRemove  StepKind = "remove"  // remove a certificate that was backed up
	StepPublish StepKind = "publish" // folder store: write client.pem, client_key.pem, root.pem for tools
)

// Step is one change of a plan, described for people and JSON.
type Step struct {
	Kind       StepKind       `json:"kind"`
	Location   store.Location `json:"location"`
	Role       Role           `json:"role,omitempty"`
	Subject    string         `json:"subject,omitempty"`
	Thumbprint string         `json:"thumbprint,omitempty"`
	WithKey    bool           `json:"withKey,omitempty"`

	cert         *x509.Certificate
	key          crypto.PrivateKey
	friendlyName string
}

// Plan is every change an install (or a restore) will make, computed
// before anything changes, shown to the user, then applied by Apply.
type Plan struct {
	Store store.Store `json:"-"`
	Steps []Step      `json:"steps"`
	// Found is what the stores hold and what the plan does with it.
	Found []Found `json:"-"`
	// Notes are warnings about the plan, such as the root going to the
	// current user's store because the program is not elevated.
	Notes []Finding `json:"notes"`
	// BackupParent is where the backup folder will be made.
	BackupParent string `json:"backupParent,omitempty"`

	backupPassword string
	now            time.Time
	publish        *publishData
}

type publishData struct {
	client *x509.Certificate
	key    crypto.PrivateKey
	root   *x509.Certificate
}

// Empty reports whether there is nothing to do: the export is already
// installed.
func (p *Plan) Empty() bool { return len(p.Steps) == 0 }

// Count returns how many steps of a kind the plan has.
func (p *Plan) Count(kind StepKind) int {
	n := 0
	for _, s := range p.Steps {
		if s.Kind == kind {
			n++
		}
	}
	return n
}

// InstallOptions say where an install puts things.
type InstallOptions struct {
	// ClientScope is where the client certificate goes: CurrentUser (the
	// default, for the account the product runs as) or LocalMachine.
	ClientScope store.Scope
	// BackupDir is the folder in which the backup folder is made.
	BackupDir string
	// BackupPassword protects the backed-up certificates; at least
	// MinBackupPassword characters when anything is backed up.
	BackupPassword string
	// Keep lists thumbprints of old certificates the user chose to keep.
	Keep map[string]bool
	// Now names the backup folder; zero means time.Now().
	Now time.Time
}

// friendlyName is the name shown in certmgr for what qscert installs.
func friendlyName(c *Certificate) string {
	return fmt.Sprintf("%s (Qlik Sense %s, qscert)", c.X509.Subject.CommonName, c.Role)
}

// PlanInstall computes the changes that install exp into s: back up the old
// Qlik certificates of the same site, add the new root, client and server,
// then remove the old ones. Nothing is changed.
func PlanInstall(exp *Export, s store.Store, opts InstallOptions) (*Plan, error) {
	if exp.Root == nil || exp.Client == nil || exp.Client.Key == nil {
		return nil, coded.New(CodeExportNotInstallable, nil)
	}
	found, err := Classify(exp, s)
	if err != nil {
		return nil, err
	}
	p := &Plan{Store: s, Found: found, BackupParent: opts.BackupDir, backupPassword: opts.BackupPassword, now: opts.Now}

	targets := p.targets(exp, s, opts)
	present := map[store.Location]map[string]bool{}
	for _, f := range found {
		if present[f.Location] == nil {
			present[f.Location] = map[string]bool{}
		}
		present[f.Location][f.Thumbprint()] = true
	}
	var adds []Step
	for _, t := range targets {
		tp := store.Thumbprint(t.cert.X509)
		if present[t.loc][tp] {
			continue
		}
		adds = append(adds, Step{Kind: StepAdd, Location: t.loc, Role: t.cert.Role, Subject: t.cert.X509.Subject.String(),
			Thumbprint: tp, WithKey: t.cert.Key != nil && t.cert.Role != RoleRoot,
			cert: t.cert.X509, key: keyFor(t.cert), friendlyName: friendlyName(t.cert)})
	}
	removes, err := removals(found, opts.Keep)
	if err != nil {
		return nil, err
	}
	p.Steps = append(p.Steps, backupsFor(removes)...)
	p.Steps = append(p.Steps, adds...)
	p.Steps = append(p.Steps, removes...)
	if _, ok := s.(store.ToolFilesPublisher); ok && len(p.Steps) > 0 {
		p.publish = &publishData{client: exp.Client.X509, key: exp.Client.Key, root: exp.Root.X509}
		p.Steps = append(p.Steps, Step{Kind: StepPublish, Role: RoleClient, Subject: exp.Client.X509.Subject.String()})
	}
	if p.Count(StepBackup) > 0 && len(opts.BackupPassword) < MinBackupPassword {
		return nil, coded.New(CodeBackupPasswordTooShort, nil, "min", fmt.Sprint(MinBackupPassword))
	}
	return p, nil
}

// keyFor is the key installed with a certificate: a root's key, if an
// export ever held one, stays out of the store.
func keyFor(c *Certificate) crypto.PrivateKey {
	if c.Role == RoleRoot {
		return nil
	}
	return c.Key
}

type target struct {
	cert *Certificate
	loc  store.Location
}

// targets decides where each certificate goes. The machine stores need
// administrator rights on Windows; without them the root and the server
// go to the current user's stores, with a note.
func (p *Plan) targets(exp *Export, s store.Store, opts InstallOptions) []target {
	machineWritable := func(loc store.Location) bool {
		return coded.CodeOf(s.Check(loc, true)) != store.CodeStoreAccessDenied
	}
	rootLoc := store.LocalMachineRoot
	if !machineWritable(rootLoc) {
		rootLoc = store.CurrentUserRoot
		p.Notes = append(p.Notes, newFinding(CodeRootForCurrentUser, RoleRoot, exp.Root.File))
	}
	clientLoc := store.CurrentUserMy
	if opts.ClientScope == store.LocalMachine {
		clientLoc = store.LocalMachineMy
	}
	out := []target{{exp.Root, rootLoc}, {exp.Client, clientLoc}}
	if sv := exp.Server; sv != nil {
		if sv.Key == nil {
			p.Notes = append(p.Notes, newFinding(CodeServerWithoutKey, RoleServer, sv.File))
			return out
		}
		serverLoc := store.LocalMachineMy
		if !machineWritable(serverLoc) {
			serverLoc = store.CurrentUserMy
			p.Notes = append(p.Notes, newFinding(CodeServerForCurrentUser, RoleServer, sv.File))
		}
		out = append(out, target{sv, serverLoc})
	}
	return out
}

// removals lists the old certificates to remove. Keeping an old root of the
// same site is refused: Qlik treats two roots of one site as fatal.
func removals(found []Found, keep map[string]bool) ([]Step, error) {
	var out []Step
	for _, f := range found {
		if f.Class != ClassReplaced {
			continue
		}
		tp := f.Thumbprint()
		if keep[tp] {
			if f.Role == RoleRoot {
				return nil, coded.New(CodeKeepLeavesTwoRoots, nil, "thumbprint", tp, "subject", f.Cert.Subject.String())
			}
			continue
		}
		out = append(out, Step{Kind: StepRemove, Location: f.Location, Role: f.Role, Subject: f.Cert.Subject.String(),
			Thumbprint: tp, WithKey: f.HasPrivateKey, cert: f.Cert, friendlyName: f.FriendlyName})
	}
	return out, nil
}

// backupsFor makes a backup step for each removal, run before anything
// changes.
func backupsFor(removes []Step) []Step {
	out := make([]Step, 0, len(removes))
	for _, r := range removes {
		b := r
		b.Kind = StepBackup
		out = append(out, b)
	}
	return out
}
