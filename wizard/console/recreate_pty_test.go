//go:build !windows

package console

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"qscert/assets/i18n"
	"qscert/certs/central"
	"qscert/certs/central/centraltest"
	"qscert/certs/coded"
	"qscert/wizard/flow"
	"qscert/wizard/flow/flowtest"
)

// recreateWords are what the walk of flow B waits for, in each language.
var recreateWords = map[string]map[string]string{
	"en": {
		"checked":  "This is the central node qlik-central.corp.example: the procedure can run.",
		"backup":   "Back up what will be deleted",
		"deleted":  "Deleted after the backup",
		"host":     "Node name",
		"done":     "All seven steps are done.",
		"verified": "One of each, as the repository needs.",
		"running":  "Every Qlik Sense service runs.",
		"rim":      "Rim 1 (qlik-rim1.corp.example)",
		"password": "Password to type on Rim 1",
		"exported": "Exported for rep01.corp.example, nprinting01.corp.example into:",
	},
	"fr": {
		"checked":  "C'est le nœud central qlik-central.corp.example : la procédure peut s'exécuter.",
		"backup":   "Sauvegarder ce qui sera supprimé",
		"deleted":  "Supprimés après la sauvegarde",
		"host":     "Nom du nœud",
		"done":     "Les sept étapes sont faites.",
		"verified": "Un de chaque, comme le référentiel l'exige.",
		"running":  "Tous les services Qlik Sense tournent.",
		"rim":      "Rim 1 (qlik-rim1.corp.example)",
		"password": "Mot de passe à saisir sur Rim 1",
		"exported": "Exportés pour rep01.corp.example, nprinting01.corp.example dans :",
	},
}

var (
	retypeLabel       = map[string]string{"en": "Retype", "fr": "Confirmation"}
	exportLabels      = map[string][]string{"en": {"Machines", "Certificate password"}, "fr": {"Machines", "Mot de passe des certificats"}}
	exportRetypeLabel = map[string]string{"en": "Retype password", "fr": "Confirmer le mot de passe"}
)

// Flow B in a terminal, on a simulated central node, to the end: the
// checks, the backup typed twice, the node's name, the seven steps with
// the bootstrap's output, the new certificates, the services, the rim
// nodes' passwords shown once when asked, and an export. In huh's forms in
// English, and in its accessible line prompts in French.
func TestFlowBInATerminalRecreatesTheCertificates(t *testing.T) {
	for _, tc := range []struct {
		mode Mode
		lang string
	}{{Forms, "en"}, {Lines, "fr"}} {
		t.Run(tc.mode.String()+"-"+tc.lang, func(t *testing.T) {
			w := recreateWords[tc.lang]
			node := flowtest.NewCentral(t)
			deps := flow.Deps{Lang: tc.lang, Machine: flowtest.MachineInfo, Now: func() time.Time { return flowtest.Now },
				BackupRoot: t.TempDir(), Recreate: node.Deps}
			s := startSession(t, deps, tc.mode)
			s.waitFor(words[tc.lang]["welcome"])
			s.choose(2) // Recreate the certificates on the Qlik Sense central node
			s.waitFor(w["checked"])
			s.choose(1)
			s.waitFor(w["backup"])
			s.answer(backupLabels[tc.lang], node.Deps.Options.BackupDir, flowtest.BackupPassword)
			s.answerOne(retypeLabel[tc.lang], flowtest.BackupPassword)
			s.choose(1)
			s.waitFor(w["deleted"])
			s.answerOne(w["host"], strings.ToUpper(centraltest.DefaultFQDN))
			s.choose(1) // Recreate the certificates
			s.waitFor(central.StartupLine)
			s.waitFor(w["done"])
			s.choose(1)
			s.waitFor(w["verified"])
			s.choose(1)
			s.waitFor(w["running"])
			s.choose(1)
			s.waitFor(w["rim"])
			s.choose(2) // Redistribute
			s.waitFor(w["password"])
			if screen := s.screen(); !strings.Contains(screen, "•••") {
				t.Fatalf("the rim nodes' passwords are not masked:\n%s", screen)
			}
			s.choose(2) // Show
			s.waitFor(w["password"])
			s.choose(2) // Export certificates
			s.answer(exportLabels[tc.lang], "rep01.corp.example, nprinting01.corp.example", "Export-2027")
			s.answerOne(exportRetypeLabel[tc.lang], "Export-2027")
			s.choose(1) // Windows format
			s.waitFor(w["exported"])
			s.choose(1) // Finish
			end, err := s.end()
			if err != nil || end != Finished {
				t.Fatalf("ended %v, %v", end, err)
			}
			if node.Roots(t) != 1 {
				t.Errorf("%d roots after the procedure", node.Roots(t))
			}
			screen := s.screen()
			for _, secret := range []string{flowtest.BackupPassword, "Export-2027"} {
				if strings.Contains(screen, secret) {
					t.Errorf("the terminal showed the password %q", secret)
				}
			}
		})
	}
}

// answerOne answers a form of one question (its help reads "enter
// confirm"), or one line prompt.
func (s *session) answerOne(label, value string) {
	s.t.Helper()
	if s.mode == Forms {
		s.waitFor(label)
		s.formShown("confirm")
		s.typeKeys(ctrlU, value, enter)
		return
	}
	s.answer([]string{label}, value)
}

// A procedure that a failed or killed qscert left: the console says so
// before its welcome page and offers to go on or to restore; Restore asks
// the backup's password and puts the original certificates back, and
// nothing is left pending.
func TestAStoppedProcedureIsOfferedWhenTheConsoleStarts(t *testing.T) {
	node := flowtest.NewCentral(t)
	before := node.Certificates(t)
	node.SetBootstrap(t, centraltest.BootstrapFail)
	rc, err := central.Prepare(context.Background(), node.Node, node.Deps.Options)
	if err != nil {
		t.Fatal(err)
	}
	rc.SetBackupPassword(flowtest.BackupPassword)
	if _, err := rc.Run(); coded.CodeOf(err) != central.CodeStopped {
		t.Fatalf("a failing bootstrap did not stop the procedure: %v", err)
	}
	node.SetBootstrap(t, centraltest.BootstrapNormal)
	st, err := central.Unfinished(node.Node)
	if err != nil || st == nil {
		t.Fatalf("no procedure left: %v", err)
	}
	rd := *node.Deps
	rd.Unfinished = st
	tr := i18n.New("en")
	deps := flow.Deps{Lang: "en", Machine: flowtest.MachineInfo, Now: func() time.Time { return flowtest.Now },
		BackupRoot: t.TempDir(), Recreate: &rd}
	s := startSession(t, deps, Lines)
	s.waitFor(tr.T("wizard.recreate.unfinished.title"))
	// In the wizard's words (the window's), not the command line's.
	s.waitFor(tr.Code(central.CodeStopped, st.Params()))
	s.choose(3) // Restore the old certificates
	s.waitFor(tr.T("wizard.recreate.stopped.title"))
	s.choose(2) // What to do: restore
	s.answer([]string{tr.T("wizard.old.backup.password")}, flowtest.BackupPassword)
	s.choose(1) // Restore
	s.waitFor(tr.T("wizard.recreate.run.status.restored"))
	s.choose(1) // Finish
	if end, err := s.end(); err != nil || end != Finished {
		t.Fatalf("ended %v, %v", end, err)
	}
	if after := node.Certificates(t); !slices.Equal(before, after) {
		t.Fatalf("not the original certificates:\nbefore %v\nafter  %v", before, after)
	}
	if u, err := central.Unfinished(node.Node); err != nil || u != nil {
		t.Fatalf("still pending after the restore: %+v %v", u, err)
	}
	if strings.Contains(s.screen(), flowtest.BackupPassword) {
		t.Error("the terminal showed the backup password")
	}
}
