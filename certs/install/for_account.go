package install

import (
	"crypto"
	"crypto/x509"

	"qscert/certs/accounts"
	"qscert/certs/coded"
	"qscert/certs/export"
	"qscert/certs/qlik"
	"qscert/certs/store"
)

// Who uses the certificate. A product that calls Qlik runs as a Windows
// service under its own account, and looks for the client certificate in
// that account's Personal store, or in LocalMachine\My with a private key
// it may read. A PFX imported by an administrator "into another user's
// store" leaves the key in the administrator's profile, under the
// administrator's DPAPI keys, where the service never finds it. So a plan
// has three shapes:
//
//   - this user (neither ForAccount nor ForMachine): as ever, the client in
//     the CurrentUser\My of whoever runs qscert;
//   - another account (ForAccount): the machine's part (root, server, their
//     old copies) stays with this process; the CurrentUser\My part is one
//     account step, run by a qscert child acting as the account, so that
//     the key is made in that account's profile;
//   - the machine (ForMachine, with or without ForAccount): the client in
//     LocalMachine\My with a machine key, then a grant step giving the
//     account read access to that key, as certlm.msc's "Manage Private
//     Keys" does.

// AccountCommandName is the hidden qscert sub-command an account step
// runs as the account (see ServeAccount).
const AccountCommandName = "_for-account"

// accountPart is what the account step needs when it runs.
type accountPart struct {
	account  accounts.Account
	client   *x509.Certificate
	key      crypto.PrivateKey
	root     *x509.Certificate
	runner   accounts.Runner
	command  []string
	password func() ([]byte, error)
	onStep   Progress

	typed []byte // the password, once asked; cleared when Apply ends
}

// checkChoice refuses a choice no plan can serve. A virtual account
// (NT SERVICE\...) exists only while its service runs: nothing can act as
// it, so its own store cannot be filled; the machine choice can.
func (o InstallOptions) checkChoice() error {
	a := o.ForAccount
	if a == nil || o.ForMachine {
		return nil
	}
	switch a.Kind {
	case accounts.KindUser, accounts.KindLocalSystem, accounts.KindLocalService, accounts.KindNetworkService, accounts.KindManaged:
		return nil
	case accounts.KindVirtual:
		return coded.New(accounts.CodeVirtual, nil, "account", a.Name, "sid", a.SID)
	}
	return coded.New(accounts.CodeNotUsable, nil, "account", a.Name, "sid", a.SID)
}

// ownRemovals keeps the removals this process makes: for another account,
// the machine's locations only (the account's own are its child's, and
// this user's are nobody's concern in that install); in a child, its
// CurrentUser\My only. The machine's are the parent's, and an old root in
// the account's CurrentUser\Root stays: a restore of the child's backup
// putting it back beside the parent's new root in LocalMachine\Root would
// be refused (two roots of one site), so the child's change could not be
// undone.
func ownRemovals(removes []Step, opts InstallOptions) []Step {
	var keep func(store.Location) bool
	switch {
	case opts.userPart:
		keep = func(l store.Location) bool { return l == store.CurrentUserMy }
	case opts.ForAccount != nil && !opts.ForMachine:
		keep = func(l store.Location) bool { return l.Scope == store.LocalMachine }
	default:
		return removes
	}
	var out []Step
	for _, r := range removes {
		if keep(r.Location) {
			out = append(out, r)
		}
	}
	return out
}

// accountSteps are the steps about the account that uses the certificate:
// a grant for the machine choice, an account step for another account's
// store, none for this user.
func (p *Plan) accountSteps(exp *export.Export, s store.Store, opts InstallOptions) ([]Step, error) {
	a := opts.ForAccount
	if a == nil || opts.userPart {
		if opts.ForMachine {
			p.Notes = append(p.Notes, newNote(CodeMachineStore, qlik.RoleClient, "", "account", ""))
		}
		return nil, nil
	}
	client := exp.Client
	tp := qlik.Thumbprint(client.X509)
	who := *a
	base := Step{Role: qlik.RoleClient, Subject: client.X509.Subject.String(), Thumbprint: tp, WithKey: true, Account: &who}
	if opts.ForMachine {
		p.Notes = append(p.Notes, newNote(CodeMachineStore, qlik.RoleClient, "", "account", a.Name))
		if p.canReadAlready(s, tp, a.SID) {
			return nil, nil
		}
		g := base
		g.Kind, g.Location = StepGrant, store.LocalMachineMy
		return []Step{g}, nil
	}
	runner := opts.Runner
	if runner == nil {
		r, err := accounts.RunnerFor(*a)
		if err != nil {
			return nil, err
		}
		runner = r
	}
	command := opts.AccountCommand
	if len(command) == 0 {
		command = defaultAccountCommand()
	}
	p.account = &accountPart{account: who, client: client.X509, key: client.Key, root: exp.Root.X509,
		runner: runner, command: command, password: opts.AccountPassword, onStep: opts.OnAccountStep}
	code := CodeAccountByTask
	if a.NeedsPassword() {
		code = CodeAccountByLogon
	}
	p.Notes = append(p.Notes, newNote(code, qlik.RoleClient, "", "account", a.Name))
	st := base
	st.Kind, st.Location = StepAccount, store.CurrentUserMy
	return []Step{st}, nil
}

// canReadAlready reports whether the client is in LocalMachine\My and sid
// may already read its key, so that running the same install again grants
// nothing. When the store cannot tell (no access check: Wine, the folder
// store), the grant is planned.
func (p *Plan) canReadAlready(s store.Store, thumbprint, sid string) bool {
	present := false
	for _, f := range p.Found {
		if f.Location == store.LocalMachineMy && f.Thumbprint() == thumbprint && f.HasPrivateKey {
			present = true
		}
	}
	g, ok := s.(store.KeyAccessGranter)
	if !present || !ok {
		return false
	}
	can, err := g.CanRead(store.LocalMachineMy, thumbprint, sid)
	return err == nil && can
}
