package wizard

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"qscert/certs/accounts"
	"qscert/certs/qrs/qrstest"
	"qscert/wizard/flow"
	"qscert/wizard/flow/flowtest"
)

// accountHarness is the wizard on the simulated machine of
// flowtest.Accounts, at the account page, with the site's export checked.
func accountHarness(t *testing.T, change ...func(*flow.Deps)) (*harness, *flowtest.Accounts) {
	t.Helper()
	s := newSite(t, qrstest.Options{})
	acc := flowtest.NewAccounts(t)
	h := newHarness(t, append([]func(*flow.Deps){func(d *flow.Deps) {
		d.Store, d.QRSAddress, d.Accounts, d.Elevated = acc.Machine, s.QRS.Addr, acc.System, true
	}}, change...)...)
	h.fillFiles(s.Dir, testPassword, testHost)
	h.goTo(flow.StepAccount)
	return h, acc
}

func (h *harness) account() *accountPage { return pageOf[*accountPage](h, flow.StepAccount) }

// The service's account, chosen from the list (display name and account),
// its password typed under it: the old certificates page names the step
// run as the account, the install page shows what the child did as it,
// and the confirmation page tests as the account and says where the
// account's own backup is.
func TestChooseAServiceInstallForItsAccountAndTestAsIt(t *testing.T) {
	h, acc := accountHarness(t)
	p := h.account()
	if p.choice.Selected != en.T("wizard.account.me") || h.wiz.frame.next.Disabled() {
		t.Fatalf("the page does not start at me: %q", p.choice.Selected)
	}
	h.do(func() { p.choice.SetSelected(en.T("wizard.account.service")) })
	row := "Qalyptus Server — " + flowtest.ServiceAccount
	if !p.serviceBox.Visible() || len(p.services.Options) != 4 || p.services.Options[0] != row {
		t.Fatalf("services %q", p.services.Options)
	}
	if !h.wiz.frame.next.Disabled() {
		t.Fatal("Next with no service chosen")
	}
	h.do(func() { p.services.SetSelected(row) })
	h.requireSays(flowtest.ServiceAccount + ": a user account, SID " + flowtest.ServiceSID)
	if !p.passForm.Visible() || !h.wiz.frame.next.Disabled() {
		t.Fatal("the account's password is not asked before Next")
	}
	h.do(func() { test.Type(p.password, flowtest.ServicePassword) })
	h.next()

	h.requireSays("As " + flowtest.ServiceAccount + " (" + flowtest.ServiceSID + "), in a qscert run as that account")
	h.requireSays(en.Code("account-by-logon", map[string]string{"account": flowtest.ServiceAccount}))
	h.next() // Install
	if !h.wiz.flow.Installed() {
		t.Fatalf("install: %v", h.wiz.flow.InstallErr())
	}
	h.requireSays("As " + flowtest.ServiceAccount + ": Added the client certificate CN=QlikClient")
	h.next()

	h.requireSays("The test runs as " + flowtest.ServiceAccount + " (" + flowtest.ServiceSID + ")")
	if d := h.wiz.flow.Diagnosis(); d == nil || !d.OK() {
		t.Fatalf("the test as the account: %+v %v", d, h.wiz.flow.TestErr())
	}
	h.requireSays("Client certificate installed in the Personal store of " + flowtest.ServiceAccount + ".")
	h.requireSays("The old certificates of " + flowtest.ServiceAccount + " are backed up in")
	if runs := acc.Runs(); len(runs) != 2 {
		t.Fatalf("runs %+v", runs)
	}
}

// A name typed is looked up as it is typed: an unknown one is refused by
// its field with the look-up's sentence; a known one shows its kind and
// SID under the field.
func TestTypeAnAccount(t *testing.T) {
	h, _ := accountHarness(t)
	p := h.account()
	h.do(func() { p.choice.SetSelected(en.T("wizard.account.other")) })
	if !p.nameForm.Visible() || p.grantForm.Visible() || p.serviceBox.Visible() {
		t.Fatal("another account does not ask its name alone")
	}
	h.do(func() { test.Type(p.name, `CORP\nobody`) })
	// The field is marked; the look-up's sentence is said in full under
	// the fields, where it wraps.
	err := p.name.Validate()
	if err == nil || err.Error() != en.T("wizard.account.refused") || !h.wiz.frame.next.Disabled() {
		t.Fatalf("an unknown account: %v", err)
	}
	h.requireSays(en.Code(accounts.CodeNotFound, map[string]string{"account": `CORP\nobody`}))
	h.do(func() { p.name.SetText("NetworkService") })
	h.requireSays(`NT AUTHORITY\NETWORK SERVICE: the NetworkService account, SID S-1-5-20`)
	if p.passForm.Visible() || h.wiz.frame.next.Disabled() || p.name.Validate() != nil {
		t.Fatal("NetworkService is refused, or asks a password")
	}
}

// The machine, with the key granted to NetworkService: the old
// certificates page names LocalMachine\My and the grant for S-1-5-20. A
// virtual account chosen as a service offers the machine instead.
func TestChooseTheMachine(t *testing.T) {
	h, _ := accountHarness(t)
	p := h.account()
	h.do(func() { p.choice.SetSelected(en.T("wizard.account.service")) })
	h.do(func() { p.services.SetSelected(`SQL Server (MSSQLSERVER) — NT SERVICE\MSSQLSERVER`) })
	h.requireSays("is a virtual service account")
	if !h.wiz.frame.next.Disabled() {
		t.Fatal("Next with a virtual account's own store")
	}
	use := buttonLabelled(p.notes, en.T("wizard.account.use-machine", map[string]string{"account": `NT SERVICE\MSSQLSERVER`}))
	if use == nil {
		t.Fatalf("no way to the machine: %v", texts(p.notes))
	}
	h.do(func() { test.Tap(use) })
	if p.choice.Selected != en.T("wizard.account.machine") || p.grant.Text != `NT SERVICE\MSSQLSERVER` || h.wiz.frame.next.Disabled() {
		t.Fatalf("after Use the machine: %q, %q", p.choice.Selected, p.grant.Text)
	}
	h.do(func() { p.grant.SetText(`NT AUTHORITY\NETWORK SERVICE`) })
	h.requireSays("SID S-1-5-20")
	h.next()
	h.requireSays(`Grant NT AUTHORITY\NETWORK SERVICE (S-1-5-20) read access to the private key of CN=QlikClient in LocalMachine\My`)
	h.requireSays("The client certificate goes to the machine's store, LocalMachine\\My")
}

// Without administrator rights the choices other than me say so and
// offer the restart as administrator.
func TestTheOtherChoicesOfferTheRestartAsAdministrator(t *testing.T) {
	restarted := 0
	h, _ := accountHarness(t, func(d *flow.Deps) {
		d.Elevated = false
		d.RestartElevated = func(flow.Restart) error { restarted++; return nil }
	})
	p := h.account()
	h.do(func() { p.choice.SetSelected(en.T("wizard.account.machine")) })
	h.requireSays(en.T("wizard.account.needs-admin"))
	if !h.wiz.frame.next.Disabled() {
		t.Fatal("Next without administrator rights")
	}
	b := buttonLabelled(p.notes, en.T("wizard.elevate"))
	if b == nil {
		t.Fatal("no Restart as administrator")
	}
	h.do(func() { test.Tap(b) })
	if restarted != 1 || h.quits != 1 {
		t.Fatalf("restarted %d, quits %d", restarted, h.quits)
	}
	if got := h.app.Preferences().String("accountChoice"); got != "machine" {
		t.Errorf("the choice is not remembered for the elevated copy: %q", got)
	}
}

// The page in French speaks of "compte de service" and "l'ordinateur".
func TestTheAccountPageInFrench(t *testing.T) {
	h, _ := accountHarness(t, func(d *flow.Deps) { d.Lang = "fr" })
	for _, want := range []string{"Qui utilise ce certificat ?", "Le compte d'un service Windows", "L'ordinateur", "Moi (le compte qui exécute qscert)"} {
		if !h.pageSays(want) {
			t.Errorf("the French page lacks %q: %s", want, strings.Join(texts(h.wiz.root), " | "))
		}
	}
}

// buttonLabelled is the button inside o that reads label, or nil.
func buttonLabelled(o fyne.CanvasObject, label string) *button {
	switch x := o.(type) {
	case *button:
		if x.Text == label {
			return x
		}
	case *fyne.Container:
		for _, c := range x.Objects {
			if b := buttonLabelled(c, label); b != nil {
				return b
			}
		}
	}
	return nil
}

// typeRunes types text into the focused widget, as the keyboard does.
func (h *harness) typeRunes(text string) {
	h.t.Helper()
	h.do(func() {
		f := h.win.Canvas().Focused()
		if f == nil {
			h.t.Fatal("nothing has the focus to type into")
		}
		for _, r := range text {
			f.TypedRune(r)
		}
	})
}

// The account page by keyboard alone, as an administrator over a laggy
// Remote Desktop works it: Tab to the choice and Space to pick "a
// service's account", Tab to the list and an arrow to choose the first
// service, Tab to the password and type it, Tab to Next and Enter.
func TestTheAccountPageWorksByKeyboard(t *testing.T) {
	h, _ := accountHarness(t)
	p := h.account()
	h.do(func() { h.win.Canvas().Unfocus() })
	want := en.T("wizard.account.service")
	for i := 0; p.choice.Selected != want; i++ {
		if i == 20 {
			t.Fatalf("Tab and Space never chose %q (%q)", want, p.choice.Selected)
		}
		h.press(fyne.KeyTab)
		h.typeRunes(" ")
		if p.choice.Selected != want && p.choice.Selected != en.T("wizard.account.me") {
			// Space on another choice: put "me" back and go on.
			h.do(func() { p.choice.SetSelected(en.T("wizard.account.me")) })
		}
	}
	h.tabTo(p.services)
	h.press(fyne.KeyRight)
	row := "Qalyptus Server — " + flowtest.ServiceAccount
	if p.services.Selected != row {
		t.Fatalf("the arrow chose %q", p.services.Selected)
	}
	h.requireSays(flowtest.ServiceAccount + ": a user account, SID " + flowtest.ServiceSID)
	h.tabTo(p.password)
	h.typeRunes(flowtest.ServicePassword)
	h.tabTo(h.wiz.frame.next)
	if h.wiz.frame.next.Disabled() {
		t.Fatal("Next stays disabled with the password typed")
	}
	h.press(fyne.KeyReturn)
	if h.stepID() != flow.StepOld {
		t.Fatalf("Enter on Next led to %s", h.stepID())
	}
	h.requireSays("As " + flowtest.ServiceAccount + " (" + flowtest.ServiceSID + "), in a qscert run as that account")
}
