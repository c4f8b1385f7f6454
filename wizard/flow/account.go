package flow

import (
	"context"
	"slices"
	"strings"
	"sync/atomic"

	"qscert/certs/accounts"
	"qscert/certs/coded"
	"qscert/certs/install"
)

// StepAccount is "Who uses this certificate?": this user, a service's
// account, another account, or the machine. It comes before the old
// certificates, whose plan it changes.
const StepAccount StepID = "account"

// Who is the answer to "Who uses this certificate?".
type Who string

const (
	// WhoMe: the account running qscert (its CurrentUser\My), as ever.
	WhoMe Who = "me"
	// WhoService: the account a Windows service runs as, picked from the
	// machine's services.
	WhoService Who = "service"
	// WhoAccount: an account typed by name.
	WhoAccount Who = "account"
	// WhoMachine: LocalMachine\My with a machine key, and read access to
	// it for an account, if one is named.
	WhoMachine Who = "machine"
)

// Whos are the choices, in the order they are offered.
var Whos = []Who{WhoMe, WhoService, WhoAccount, WhoMachine}

// The questions of the account step; which are asked depends on the
// choice (Asks).
const (
	FieldAccountName     FieldID = "accountName"     // another account, as Windows names it
	FieldAccountPassword FieldID = "accountPassword" // its password, when acting as it takes one
	FieldGrantAccount    FieldID = "grantAccount"    // the machine choice: who may read the key (optional)
)

var accountFields = []Field{
	{ID: FieldAccountName, Label: "wizard.account.name", Placeholder: "wizard.account.name.placeholder", Validated: true},
	{ID: FieldAccountPassword, Label: "wizard.account.password", Secret: true},
	{ID: FieldGrantAccount, Label: "wizard.account.grant", Placeholder: "wizard.account.grant.placeholder", Validated: true},
}

// Preference keys of the choice: its kind and the name that goes with it
// (the account typed, or the service's key name). Never the password.
const (
	prefWho     = "accountChoice"
	prefWhoName = "accountName"
)

// whoState is what the account step chose and learned.
type whoState struct {
	choice  Who
	service string // the service's key name (WhoService)
	typed   string // FieldAccountName
	grant   string // FieldGrantAccount
	// password is the account's, typed once: kept in memory until the
	// flow ends (the test as the account logs on again), never saved,
	// logged or reported, and cleared on a change of account and at the
	// end.
	password []byte

	// rev counts changes to the choice and the names; the account they
	// name is resolved for resolved.
	rev, resolveStarted, resolved Rev
	account                       *accounts.Account // the account the choice names, once resolved
	resolveErr                    error

	services                      []accounts.Service
	servicesErr                   error
	servicesStarted, servicesDone bool

	// The last connection test's account and findings (Tested).
	testedFor     *accounts.Account
	testedMachine bool
	testFindings  []coded.Problem

	relay  accountRelay       // the account step's child's progress, to the install page
	cancel context.CancelFunc // stops the install's account step
	// running is the account step while the install runs, for another
	// goroutine (RunningAccountStep).
	running atomic.Pointer[AccountStep]
	child   []install.Step // what the child did so far
}

// Who is the choice made.
func (f *Install) Who() Who { return f.who.choice }

// AccountsErr says why only "me" can be chosen (no such thing as another
// account on this system); nil when the other choices are offered.
func (f *Install) AccountsErr() error {
	if f.deps.Accounts == nil {
		return f.deps.AccountsErr
	}
	return nil
}

// Offers says whether a choice can be made here.
func (f *Install) Offers(w Who) bool {
	return w == WhoMe || (f.deps.Accounts != nil && slices.Contains(Whos, w))
}

// SetWho makes a choice; the account it names is resolved again.
func (f *Install) SetWho(w Who) {
	if !f.Offers(w) || w == f.who.choice {
		return
	}
	f.who.choice = w
	f.forgetAccountPassword()
	f.whoChanged()
}

// SetService picks the service whose account uses the certificate.
func (f *Install) SetService(name string) {
	if name == f.who.service {
		return
	}
	f.who.service = name
	f.forgetAccountPassword()
	f.whoChanged()
}

// Service is the service picked (its key name).
func (f *Install) Service() string { return f.who.service }

// Services lists this machine's services, likely products first, once
// listed (ServicesDue); err says why they could not be.
func (f *Install) Services() (list []accounts.Service, listed bool, err error) {
	return f.who.services, f.who.servicesDone, f.who.servicesErr
}

// Account is the account the choice names, resolved for the choice as it
// is now; nil for "me", for the machine without an account, or while it
// is resolved.
func (f *Install) Account() *accounts.Account {
	if f.who.resolved != f.who.rev {
		return nil
	}
	return f.who.account
}

// AccountErr says why the name typed or the service picked names no
// usable account (account-not-found, account-not-usable...).
func (f *Install) AccountErr() error {
	if f.who.resolved != f.who.rev {
		return nil
	}
	return f.who.resolveErr
}

// Resolving: the account the choice names is being looked up.
func (f *Install) Resolving() bool { return f.namesAccount() && f.who.resolved != f.who.rev }

// IsYou: the account chosen is the one running qscert; the install is
// then for this user, and nothing runs as anyone.
func (f *Install) IsYou() bool {
	a := f.Account()
	return a != nil && f.who.choice != WhoMachine && f.deps.Accounts != nil && f.deps.Accounts.IsCurrent(*a)
}

// RecommendsMachine: the account chosen is a virtual account (NT
// SERVICE\...), which nothing else can run as: its own Personal store
// cannot be filled, so the machine's is recommended, as the command line
// does (account-virtual).
func (f *Install) RecommendsMachine() bool {
	a := f.Account()
	return a != nil && a.Kind == accounts.KindVirtual && f.who.choice != WhoMachine
}

// UseMachine takes the recommendation: the machine, with read access to
// the key for the account chosen.
func (f *Install) UseMachine() {
	a := f.Account()
	if a == nil {
		return
	}
	f.who.choice = WhoMachine
	f.who.grant = a.Name
	f.forgetAccountPassword()
	f.whoChanged()
}

// NeedsElevation: the choice writes the machine's stores or acts as
// another account, which needs administrator rights that this program
// does not have. The demo's sandbox needs none.
func (f *Install) NeedsElevation() bool {
	return f.who.choice != WhoMe && !f.IsYou() && !f.deps.Elevated && f.deps.Demo == nil
}

// needsPassword: acting as the account chosen takes its password.
func (f *Install) needsPassword() bool {
	a := f.Account()
	return a != nil && (f.who.choice == WhoService || f.who.choice == WhoAccount) && a.NeedsPassword() && !f.IsYou()
}

// namesAccount: the choice names an account to resolve.
func (f *Install) namesAccount() bool {
	switch f.who.choice {
	case WhoService:
		return f.who.service != ""
	case WhoAccount:
		return strings.TrimSpace(f.who.typed) != ""
	case WhoMachine:
		return strings.TrimSpace(f.who.grant) != ""
	}
	return false
}

// accountReady gates the step.
func (f *Install) accountReady() bool {
	if f.who.choice == WhoMe {
		return true
	}
	if f.NeedsElevation() || f.Resolving() || f.AccountErr() != nil {
		return false
	}
	switch f.who.choice {
	case WhoService, WhoAccount:
		return f.Account() != nil && !f.RecommendsMachine() && (!f.needsPassword() || len(f.who.password) > 0)
	}
	return true // the machine, with an account resolved or none
}

// whoChanged makes what was resolved for the old choice stale, and
// remembers the choice.
func (f *Install) whoChanged() {
	f.who.rev++
	f.who.account, f.who.resolveErr = nil, nil
	name := ""
	switch f.who.choice {
	case WhoService:
		name = f.who.service
	case WhoAccount:
		name = f.who.typed
	case WhoMachine:
		name = f.who.grant
	}
	f.savePref(prefWho, string(f.who.choice))
	f.savePref(prefWhoName, strings.TrimSpace(name))
}

// loadWho takes the last choice from the preferences, when it can still
// be made here.
func (f *Install) loadWho() {
	f.who.choice = WhoMe
	p := f.deps.Prefs
	if p == nil || f.deps.Demo != nil {
		return
	}
	w, name := Who(p.String(prefWho)), p.String(prefWhoName)
	if w == WhoMe || !f.Offers(w) {
		return
	}
	f.who.choice = w
	switch w {
	case WhoService:
		f.who.service = name
	case WhoAccount:
		f.who.typed = name
	case WhoMachine:
		f.who.grant = name
	}
	f.who.rev++
}

// forgetAccountPassword clears the account's password: the account
// changed, or the flow ends.
func (f *Install) forgetAccountPassword() {
	clear(f.who.password)
	f.who.password = nil
}

// quitting ends the flow: the account's password goes first.
func (f *Install) quitting() {
	f.forgetAccountPassword()
	f.deps.Quit()
}

// runAccountDue runs what the account step waits for: the list of
// services, the look-up of the account named.
func (f *Install) runAccountDue() bool {
	ran := false
	if j := f.ServicesDue(); j != nil {
		ran = f.ApplyServices(j.Run())
	}
	if j := f.ResolveDue(); j != nil {
		ran = f.ApplyResolved(j.Run()) || ran
	}
	return ran
}

// CanRestartElevated: the program can be started again as administrator
// (Windows), which the choices other than "me" need.
func (f *Install) CanRestartElevated() bool { return f.deps.RestartElevated != nil }

// RestartElevated starts the program again as administrator with the
// folder, host and language typed so far (the account choice is in the
// preferences already; never a password), then quits.
func (f *Install) RestartElevated() error {
	if f.deps.RestartElevated == nil {
		return nil
	}
	if err := f.deps.RestartElevated(Restart{Flow: FlowInstall, Folder: f.folder, Host: f.host, Lang: f.lang}); err != nil {
		return err
	}
	f.Quit()
	return nil
}
