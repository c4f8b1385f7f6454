//go:build !windows

package console

import (
	"os"
	"strings"
	"syscall"
	"testing"

	"qscert/certs/qlik"
	"qscert/certs/qrs/qrstest"
	"qscert/certs/store"
	"qscert/wizard/flow"
	"qscert/wizard/flow/flowtest"
)

// accountDeps are the site's deps on the simulated machine of
// flowtest.Accounts, whose store holds the site's old root.
func accountDeps(t *testing.T, st *site, lang string) (flow.Deps, *flowtest.Accounts) {
	t.Helper()
	acc := flowtest.NewAccounts(t)
	old := flowtest.NewExport(t, flowtest.Host, flowtest.Machine, flowtest.Now.AddDate(-3, 0, 0))
	if err := acc.Machine.Add(store.LocalMachineRoot, old.Root.Cert, nil, "old root"); err != nil {
		t.Fatal(err)
	}
	d := st.deps(lang)
	d.Store, d.Accounts, d.Elevated = acc.Machine, acc.System, true
	return d, acc
}

// In a real terminal: the service's account chosen from the list, its
// password typed unechoed; the install runs the child as it, whose steps
// are shown under the account step; the test runs as the account. In
// huh's forms in English; another account typed (NetworkService, no
// password) in line prompts in French.
func TestInstallForAnotherAccountInATerminal(t *testing.T) {
	for _, tc := range []struct {
		mode Mode
		lang string
	}{{Forms, "en"}, {Lines, "fr"}} {
		t.Run(tc.mode.String()+"-"+tc.lang, func(t *testing.T) {
			w := words[tc.lang]
			st := newSite(t, qrstest.Options{})
			deps, acc := accountDeps(t, st, tc.lang)
			s := startSession(t, deps, tc.mode)
			s.choose(1)
			s.choose(1)
			s.answer(fileLabels[tc.lang], st.Dir, flowtest.Password, flowtest.Host)
			s.waitFor(w["ready"])
			s.choose(1)
			s.waitFor(w["account"])
			name, sid := flowtest.ServiceAccount, flowtest.ServiceSID
			if tc.lang == "en" {
				s.choose(2) // a Windows service's account
				s.waitFor("Which service?")
				s.waitFor("Qalyptus Server — " + flowtest.ServiceAccount)
				s.choose(1)
				s.waitFor(flowtest.ServiceAccount + ": a user account, SID " + flowtest.ServiceSID)
				s.waitFor("Password of the account")
				s.formShown("confirm") // one question: Enter confirms
				s.typeKeys(flowtest.ServicePassword, enter)
			} else {
				name, sid = `NT AUTHORITY\NETWORK SERVICE`, "S-1-5-20"
				s.choose(3) // another account
				s.answer([]string{"Compte"}, "NetworkService")
				s.waitFor(name + " : le compte NetworkService, SID S-1-5-20")
			}
			s.choose(1) // Next
			s.waitFor(w["which"])
			if tc.mode == Forms {
				s.formShown("confirm")
				s.typeKeys(enter)
			} else {
				s.choose(1)
			}
			s.keep(backupLabels[tc.lang]...)
			if tc.lang == "en" {
				s.waitFor("As " + name + " (" + sid + "), in a qscert run as that account")
			} else {
				s.waitFor("Sous " + name + " (" + sid + "), par un qscert lancé sous ce compte")
			}
			s.choose(1) // Install
			if tc.lang == "en" {
				s.waitFor("As " + name + ": Added the client certificate CN=QlikClient")
			} else {
				s.waitFor("Sous " + name + " : Ajouté : certificat client CN=QlikClient")
			}
			s.waitFor(w["done"])
			s.choose(1)
			s.choose(1) // Test connection
			if tc.lang == "en" {
				s.waitFor("The test runs as " + name + " (" + sid + ")")
			} else {
				s.waitFor("Le test s'exécute sous " + name + " (" + sid + ")")
			}
			s.waitFor(w["works"])
			s.choose(1) // Finish
			if end, err := s.end(); err != nil || end != Finished {
				t.Fatalf("ended %v, %v", end, err)
			}
			runs := acc.Runs()
			if len(runs) != 2 || runs[0].Account.SID != sid {
				t.Fatalf("runs %+v", runs)
			}
			if got := acc.Holds(runs[0].Account, store.CurrentUserMy); len(got) != 1 || got[0] != qlik.Thumbprint(st.Export.Client.Cert) {
				t.Fatalf("the account's CurrentUser\\My holds %v", got)
			}
			if strings.Contains(s.screen(), flowtest.ServicePassword) {
				t.Error("the terminal showed the account's password")
			}
		})
	}
}

// Ctrl+C while the part run as another account waits (a logon, a
// scheduled task) stops it, as the window's Stop does: the console says
// so, the install rolls back, the wizard stays open and the store holds
// what it held before.
func TestCtrlCStopsThePartRunAsAnotherAccount(t *testing.T) {
	w := words["en"]
	st := newSite(t, qrstest.Options{})
	deps, acc := accountDeps(t, st, "en")
	before, err := acc.Machine.List(store.LocalMachineRoot)
	if err != nil {
		t.Fatal(err)
	}
	s := startSession(t, deps, Lines)
	s.choose(1)
	s.choose(1)
	s.answer(fileLabels["en"], st.Dir, flowtest.Password, flowtest.Host)
	s.waitFor(w["ready"])
	s.choose(1)
	s.waitFor(w["account"])
	s.choose(3) // another account
	s.answer([]string{"Account"}, "NetworkService")
	s.waitFor(`NT AUTHORITY\NETWORK SERVICE: the NetworkService account, SID S-1-5-20`)
	s.choose(1) // Next
	s.waitFor(w["which"])
	s.choose(1)
	s.keep(backupLabels["en"]...)
	acc.Block, acc.Waiting = make(chan struct{}), make(chan struct{})
	waiting := acc.Waiting
	s.choose(1) // Install
	<-waiting
	if err := syscall.Kill(os.Getpid(), syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	s.waitFor(`Stopping the part that runs as NT AUTHORITY\NETWORK SERVICE; what the install did is being rolled back.`)
	s.waitFor("everything was put back as it was")
	after, err := acc.Machine.List(store.LocalMachineRoot)
	if err != nil {
		t.Fatal(err)
	}
	if len(after) != len(before) || after[0].Thumbprint() != before[0].Thumbprint() {
		t.Fatalf("LocalMachine\\Root held %d, holds %d after the stop", len(before), len(after))
	}
	if runs := acc.Runs(); len(runs) != 1 || len(acc.Holds(runs[0].Account, store.CurrentUserMy)) != 0 {
		t.Fatalf("runs %+v", runs)
	}
}
