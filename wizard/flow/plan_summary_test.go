package flow_test

import (
	"testing"

	"qscert/assets/i18n"
	"qscert/certs/install"
	"qscert/wizard/flow"
)

// The summary of a plan takes the plural of each count in each language
// (French: "1 ancien", "2 anciens"), says nothing of removals when there
// are none, and counts the account's client certificate as one added.
func TestThePlanSummaryTakesThePluralOfEachCount(t *testing.T) {
	plan := func(kinds ...install.StepKind) *install.Plan {
		p := &install.Plan{}
		for _, k := range kinds {
			p.Steps = append(p.Steps, install.Step{Kind: k})
		}
		return p
	}
	add, remove, account, backup := install.StepAdd, install.StepRemove, install.StepAccount, install.StepBackup
	for _, c := range []struct {
		lang string
		plan *install.Plan
		want string
	}{
		{"en", plan(add, add, add, backup, backup, remove, remove), "The install will add 3 certificates and remove 2 old ones, after a backup."},
		{"en", plan(add, backup, remove), "The install will add 1 certificate and remove 1 old one, after a backup."},
		{"en", plan(add, add), "The install will add 2 certificates."},
		{"fr", plan(add, add, backup, remove), "L'installation va ajouter 2 certificats et supprimer 1 ancien, après une sauvegarde."},
		{"fr", plan(add, backup, remove, backup, remove), "L'installation va ajouter 1 certificat et supprimer 2 anciens, après une sauvegarde."},
		{"fr", plan(add, account), "L'installation va ajouter 2 certificats."},
	} {
		if got := flow.PlanSummary(i18n.New(c.lang), c.plan); got != c.want {
			t.Errorf("%s: %q, want %q", c.lang, got, c.want)
		}
	}
}
