package console

import (
	"qscert/assets/i18n"
	"qscert/certs/coded"
	"qscert/certs/install"
)

// What the steps after the account step say about the account the
// certificate is for, as the window says it.

// stepParams are a step's words for its sentence.
func stepParams(w *wizard, s install.Step) map[string]string {
	params := map[string]string{"role": w.t("role." + string(s.Role)), "subject": s.Subject, "location": s.Location.String(),
		"sha1": s.Thumbprint, "folder": w.f.ToolFilesFolder()}
	if a := s.Account; a != nil {
		params["account"], params["sid"] = a.Name, a.SID
	}
	return params
}

// childStep prints a step the account step's child did as its account,
// under the account step, and reports whether s was one.
func (w *wizard) childStep(s install.Step) bool {
	if s.Account == nil || s.Kind == install.StepAccount || s.Kind == install.StepGrant {
		return false
	}
	params := stepParams(w, s)
	params["step"] = w.t("wizard.install.step."+string(s.Kind), params)
	w.out.indented("        ", "          ", w.t("wizard.install.as-account", params))
	return true
}

// accountPlan says the plan's steps about the account: the grant of the
// key, the step run as the account.
func (w *wizard) accountPlan(plan *install.Plan) {
	for _, s := range plan.Steps {
		if s.Kind == install.StepGrant || s.Kind == install.StepAccount {
			w.out.marked(markNote, i18n.Capitalise(w.tr.T("cli.step."+string(s.Kind), stepParams(w, s))))
		}
	}
}

// accountSummary says where the account's client went, the grant, and
// where the account's child keeps its own backup.
func (w *wizard) accountSummary(result *install.Result) {
	for _, s := range result.Done {
		if s.Account == nil {
			continue
		}
		switch s.Kind {
		case install.StepAccount:
			w.out.bullet(w.t("wizard.done.added-for", map[string]string{"account": s.Account.Name}))
		case install.StepGrant:
			w.out.bullet(w.t("wizard.done.granted", map[string]string{"account": s.Account.Name}))
		}
	}
	for _, a := range result.Accounts {
		if a.Backup != "" {
			w.out.bullet(w.t("cli.install.account-backup", map[string]string{"account": a.Account.Name, "backup": a.Backup}))
		}
	}
}

// testedFor says whom the test is for: the account it runs as, or the
// machine's key and the account checked.
func (w *wizard) testedFor() {
	a, machine := w.f.TestedFor()
	switch {
	case machine:
		name := ""
		if a != nil {
			name = a.Name
		}
		w.out.para(w.t("wizard.done.for-machine", map[string]string{"account": name}))
	case a != nil:
		w.out.para(w.t("wizard.done.for-account", map[string]string{"account": a.Name, "sid": a.SID}))
	}
}

// testFindings says the key access check's outcome.
func (w *wizard) testFindings() {
	for _, p := range w.f.TestFindings() {
		m := markNote
		switch p.Severity {
		case coded.SeverityError:
			m = markError
		case coded.SeverityInfo:
			m = markOK
		}
		w.out.marked(m, w.tr.Code(p.Code, p.Params))
	}
}
