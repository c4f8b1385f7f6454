package install

import (
	"crypto"
	"crypto/x509"
	"fmt"
	"time"

	"qscert/certs/accounts"
	"qscert/certs/coded"
	"qscert/certs/finding"
	"qscert/certs/qlik"
	"qscert/certs/store"
)

// StepKind is what a step of a plan does.
type StepKind string

const (
	StepBackup  StepKind = "backup"  // export a certificate that will be removed into the backup
	StepAdd     StepKind = "add"     // add a certificate (and its key) to a store
	StepRemove  StepKind = "remove"  // remove a certificate that was backed up
	StepPublish StepKind = "publish" // folder store: write client.pem, client_key.pem, root.pem for tools
	// StepGrant gives Account read access to the client's private key in
	// LocalMachine\My (the machine choice); its undo puts the key's
	// previous security descriptor back.
	StepGrant StepKind = "grant"
	// StepAccount is the CurrentUser\My part of an install for another
	// account (add the client with its key, back up and remove that
	// account's old Qlik certificates of the site), run by a qscert child
	// process acting as Account, with its own backup and journal in that
	// account's profile. Its undo runs the child again to restore them.
	StepAccount StepKind = "account"
)

// Step is one change of a plan, described for people and JSON.
type Step struct {
	Kind       StepKind       `json:"kind"`
	Location   store.Location `json:"location"`
	Role       qlik.Role      `json:"role,omitempty"`
	Subject    string         `json:"subject,omitempty"`
	Thumbprint string         `json:"thumbprint,omitempty"`
	WithKey    bool           `json:"withKey,omitempty"`
	// Account is whom a grant step gives read access to, and as whom an
	// account step runs.
	Account *accounts.Account `json:"account,omitempty"`

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
	Notes []finding.Finding `json:"notes"`
	// BackupParent is where the backup folder will be made.
	BackupParent string `json:"backupParent,omitempty"`

	backupPassword string
	now            time.Time
	publish        *publishData
	onLockWait     func(store.Holder)
	// account is what the account step needs when it runs; nil without one.
	account *accountPart
	// forParent is set in the child of an account step: the parent holds
	// the store's writer lock for it and has a change of its own pending.
	forParent *parentChange
	// changeID is the journal's id of the change being applied.
	changeID string
	// accountRes are what the account steps' children did; accountLeft
	// is the one whose child stopped mid-change, for the rollback.
	accountRes  []*AccountResult
	accountLeft *AccountResult
	// onStart is told where the change's backup and journal are, once
	// written, before the first step.
	onStart func(backup, journal string)
}

type publishData struct {
	client    *x509.Certificate
	key       crypto.PrivateKey
	root      *x509.Certificate
	clientLoc store.Location // where the client is once the change is done
	rootLoc   store.Location
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
	// OnLockWait is told, once, when another process is changing the store
	// and Apply waits for it (see store.Locker); nil says nothing.
	OnLockWait func(store.Holder)

	// Who uses the certificate (see for_account.go). With neither set,
	// the client goes to ClientScope, for the account running qscert.
	//
	// ForAccount is the account of the product that uses the client
	// certificate. Without ForMachine, the client goes to that account's
	// own CurrentUser\My through an account step; the root and server
	// stay with this process, in the machine's stores.
	ForAccount *accounts.Account
	// ForMachine puts the client in LocalMachine\My with a machine key
	// and, with ForAccount, grants that account read access to the key.
	ForMachine bool
	// AccountPassword returns the password of a ForAccount of kind user,
	// asked when the account step first runs (never for a plan or a dry
	// run). Apply keeps the bytes in memory until it ends, for an undo,
	// then clears them.
	AccountPassword func() ([]byte, error)
	// Runner acts as ForAccount; nil is accounts.RunnerFor.
	Runner accounts.Runner
	// AccountCommand is the qscert child an account step runs, program
	// first; nil is this program with AccountCommandName. Nothing secret
	// belongs in it.
	AccountCommand []string
	// OnAccountStep is told about each step the child completes.
	OnAccountStep Progress

	// userPart makes the plan of an account step's child: the client in
	// CurrentUser\My, and the removals of CurrentUser locations only.
	userPart bool
}

// newPlan starts a plan over what the stores hold.
func newPlan(s store.Store, found []Found, opts InstallOptions) *Plan {
	return &Plan{Store: s, Found: found, BackupParent: opts.BackupDir, backupPassword: opts.BackupPassword, now: opts.Now,
		onLockWait: opts.OnLockWait}
}

// finish puts a plan's steps in the one order every plan has — back up
// what will be removed, add what is missing, remove, then write the tool
// files when the store keeps them — and checks that a backup can be
// protected. Install and restore differ only in what they add, remove and
// publish.
//
// forAccount are the steps about the account that uses the certificate
// (grant, account): after the adds, so that a failing child undoes the
// root added before it, and before the removals, so that nothing old is
// gone until the account has its new client.
func (p *Plan) finish(adds, forAccount, removes []Step, publish *publishData) error {
	present := make(map[store.CertID]bool, len(p.Found))
	for _, f := range p.Found {
		present[f.ID()] = true
	}
	var missing []Step
	for _, a := range adds {
		if !present[a.ID()] {
			missing = append(missing, a)
		}
	}
	p.Steps = append(p.Steps, backupsFor(removes)...)
	p.Steps = append(p.Steps, missing...)
	p.Steps = append(p.Steps, forAccount...)
	p.Steps = append(p.Steps, removes...)
	if _, ok := p.Store.(store.ToolFilesPublisher); ok && publish != nil && len(p.Steps) > 0 {
		p.publish = publish
		p.Steps = append(p.Steps, Step{Kind: StepPublish, Role: qlik.RoleClient, Subject: publish.client.Subject.String()})
	}
	// An account step always needs a backup password: its child's change
	// is undone by restoring the child's backup, which needs a manifest.
	if (p.Count(StepBackup) > 0 || p.Count(StepAccount) > 0) && !BackupPasswordOK(p.backupPassword) {
		return coded.New(CodeBackupPasswordTooShort, nil, "min", fmt.Sprint(MinBackupPassword))
	}
	return nil
}

// ID names the certificate the step is about.
func (s Step) ID() store.CertID { return store.CertID{Location: s.Location, Thumbprint: s.Thumbprint} }

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
			if f.Role == qlik.RoleRoot {
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
