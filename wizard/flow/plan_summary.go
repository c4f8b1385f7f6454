package flow

import (
	"qscert/assets/i18n"
	"qscert/certs/install"
)

// PlanSummary says in one sentence what an install will add and remove,
// in the plural each count takes (the window and the console show it on
// the old certificates step). A step run as another account adds that
// account's client certificate: it counts as one added.
func PlanSummary(tr *i18n.Translator, plan *install.Plan) string {
	adds, removes := plan.Count(install.StepAdd)+plan.Count(install.StepAccount), plan.Count(install.StepRemove)
	params := map[string]string{"adding": tr.N("wizard.old.status.adding", adds)}
	if removes == 0 {
		return tr.T("wizard.old.status.plan.add-only", params)
	}
	params["removing"] = tr.N("wizard.old.status.removing", removes)
	return tr.T("wizard.old.status.plan", params)
}
