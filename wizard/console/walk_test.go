//go:build !windows

package console

import (
	"crypto/x509"
	"os"
	"slices"
	"strings"
	"testing"

	"qscert/certs/qlik"
	"qscert/certs/qrs/qrstest"
	"qscert/wizard/flow/flowtest"
)

// words are the sentences a test waits for, in each language.
var words = map[string]map[string]string{
	"en": {
		"welcome": "Install the Qlik Sense certificates on this computer",
		"machine": "thirdparty.corp.example",
		"guide":   "Export the certificates in the QMC",
		"folder":  "Export folder",
		"files":   "Choose the exported files",
		"ready":   "Ready to install: 3 certificates, Windows format.",
		"wrong":   "The password does not open client.pfx, server.pfx",
		"account": "Who uses this certificate?",
		"which":   "Which old certificates should the install replace?",
		"plan":    "The install will add 3 certificates and remove 2 old ones",
		"done":    "The certificates are installed.",
		"works":   "The connection to qlik.corp.example works",
		"next":    "What next?",
		"leave":   "Nothing has been installed yet.",
	},
	"fr": {
		"welcome": "Installer les certificats Qlik Sense sur cet ordinateur",
		"machine": "thirdparty.corp.example",
		"guide":   "Exporter les certificats dans la QMC",
		"folder":  "Dossier d'export",
		"files":   "Choisir les fichiers exportés",
		"ready":   "Prêt à installer : 3 certificats, format Windows.",
		"wrong":   "Le mot de passe n'ouvre pas client.pfx, server.pfx",
		"account": "Qui utilise ce certificat ?",
		"which":   "Quels anciens certificats l'installation doit-elle remplacer ?",
		"plan":    "L'installation va ajouter 3 certificats et supprimer 2 anciens",
		"done":    "Les certificats sont installés.",
		"works":   "La connexion à qlik.corp.example fonctionne",
		"next":    "Et ensuite ?",
		"leave":   "Rien n'a encore été installé.",
	},
}

// The questions of the files and old certificates steps.
var (
	fileLabels   = map[string][]string{"en": {"Export folder", "Password", "Qlik Sense server"}, "fr": {"Dossier d'export", "Mot de passe", "Serveur Qlik Sense"}}
	backupLabels = map[string][]string{"en": {"Backup folder", "Backup password"}, "fr": {"Dossier de sauvegarde", "Mot de passe de sauvegarde"}}
)

// The whole walk, as an administrator does it: this computer's names, the
// guide, the export and its password, the old certificates replaced after
// a backup, the install with its steps, and a connection test that the
// simulated QRS accepts. In huh's forms in English, and in its accessible
// line prompts in French.
func TestAnInstallAndASuccessfulConnectionTestInATerminal(t *testing.T) {
	for _, tc := range []struct {
		mode Mode
		lang string
	}{{Forms, "en"}, {Lines, "fr"}} {
		t.Run(tc.mode.String()+"-"+tc.lang, func(t *testing.T) {
			w := words[tc.lang]
			st := newSite(t, qrstest.Options{})
			s := startSession(t, st.deps(tc.lang), tc.mode)
			s.waitFor(w["welcome"])
			s.waitFor(w["machine"])
			s.choose(1)
			s.waitFor(w["guide"])
			s.choose(1)
			s.waitFor(w["files"])
			s.answer(fileLabels[tc.lang], st.Dir, flowtest.Password, flowtest.Host)
			s.waitFor(w["ready"])
			s.choose(1)
			s.waitFor(w["account"])
			s.choose(1) // Next: for me, the only choice without accounts
			s.waitFor(w["which"])
			if tc.mode == Forms {
				s.waitFor("[•]")
				s.formShown("confirm")
				s.typeKeys(enter) // both ticked: replace both
			} else {
				s.choose(1) // the root: replace it
				s.choose(1) // the client: replace it
			}
			// The folder and the password proposed.
			s.keep(backupLabels[tc.lang]...)
			s.waitFor(w["plan"])
			s.choose(1) // Install
			s.waitFor("[8/8]")
			s.waitFor(w["done"])
			s.choose(1)
			s.choose(1) // Test connection
			s.waitFor(w["works"])
			s.choose(1) // Finish
			end, err := s.end()
			if err != nil || end != Finished {
				t.Fatalf("ended %v, %v", end, err)
			}
			if n := st.QRS.Requests(); n != 1 {
				t.Errorf("the simulated QRS saw %d requests", n)
			}
			got := flowtest.Contents(t, st.store)
			for _, c := range []*x509.Certificate{st.Export.Root.Cert, st.Export.Client.Cert, st.Export.Server.Cert} {
				want := qlik.Thumbprint(c)
				if !slices.ContainsFunc(got, func(e string) bool { return strings.HasSuffix(e, want) }) {
					t.Errorf("the store lacks %s: %v", want, got)
				}
			}
			if len(got) != 3 {
				t.Errorf("the store holds %v, want the three new certificates only", got)
			}
			if strings.Contains(s.screen(), flowtest.Password) {
				t.Error("the terminal showed the password")
			}
		})
	}
}

// A wrong password is said in plain words, and typing the right one takes
// over. Passwords never show, typed in a form (masked) or not.
func TestAWrongPasswordIsSaidAndTheRightOneTakesOver(t *testing.T) {
	w := words["en"]
	st := newSite(t, qrstest.Options{})
	before := flowtest.Contents(t, st.store)
	s := startSession(t, st.deps("en"), Forms)
	s.choose(1)
	s.choose(1)
	s.answer(fileLabels["en"], st.Dir, "Not-the-Pa55word", flowtest.Host)
	s.waitFor(w["wrong"])
	s.waitFor(w["next"])
	s.choose(1) // Change the answers: Next is not offered
	s.answer(fileLabels["en"], st.Dir, flowtest.Password, flowtest.Host)
	s.waitFor(w["ready"])
	// Ctrl+C in a form is the window's Cancel: it asks first.
	s.formShown("choose")
	s.typeKeys("\x03")
	s.waitFor(w["leave"])
	s.choose(2) // Leave
	end, err := s.end()
	if err != nil || end != Left {
		t.Fatalf("ended %v, %v", end, err)
	}
	screen := s.screen()
	for _, pw := range []string{"Not-the-Pa55word", flowtest.Password} {
		if strings.Contains(screen, pw) {
			t.Errorf("the terminal showed the password %q", pw)
		}
	}
	if got := flowtest.Contents(t, st.store); !slices.Equal(got, before) {
		t.Errorf("the store changed: %v", got)
	}
}

// Cancel before the install, confirmed: the store is as it was, and no
// backup was made.
func TestCancelBeforeTheInstallLeavesTheStoreUnchanged(t *testing.T) {
	w := words["en"]
	st := newSite(t, qrstest.Options{})
	before := flowtest.Contents(t, st.store)
	s := startSession(t, st.deps("en"), Lines)
	s.choose(1)
	s.choose(1)
	s.answer(fileLabels["en"], st.Dir, flowtest.Password, flowtest.Host)
	s.waitFor(w["ready"])
	s.choose(1)
	s.choose(1) // who uses it: me
	s.choose(1)
	s.choose(1)
	s.keep(backupLabels["en"]...)
	s.waitFor(w["plan"])
	s.waitFor("4. Cancel")
	s.choose(4)
	s.waitFor(w["leave"])
	s.choose(2) // Leave
	end, err := s.end()
	if err != nil || end != Left {
		t.Fatalf("ended %v, %v", end, err)
	}
	if got := flowtest.Contents(t, st.store); !slices.Equal(got, before) {
		t.Errorf("the store changed:\nbefore %v\nafter  %v", before, got)
	}
	if entries, _ := os.ReadDir(st.backup); len(entries) != 0 {
		t.Errorf("a backup was made: %v", entries)
	}
	if n := st.QRS.Requests(); n != 0 {
		t.Errorf("the QRS was called %d times", n)
	}
}
