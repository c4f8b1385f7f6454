package wizard

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"qscert/assets/i18n"
	"qscert/certs/coded"
	"qscert/certs/finding"
	"qscert/certs/install"
)

// What the pages after the account step say about the account the
// certificate is for: the plan's steps for it (old certificates), the
// child's steps and Stop (install), whom the test was for, the key access
// check and the account's own backup (done).

// accountPlanRows are the plan's steps about the account: the grant of
// the key (LocalMachine\My, the account and its SID) and the account step.
func (w *Wizard) accountPlanRows(plan *install.Plan) []fyne.CanvasObject {
	var rows []fyne.CanvasObject
	for _, s := range plan.Steps {
		if s.Kind == install.StepGrant || s.Kind == install.StepAccount {
			row, _ := messageRow(theme.InfoIcon(), i18n.Capitalise(w.tr.T("cli.step."+string(s.Kind), stepParams(w, s))), widget.MediumImportance)
			rows = append(rows, row)
		}
	}
	return rows
}

// stepParams are a step's words for its sentence.
func stepParams(w *Wizard, s install.Step) map[string]string {
	params := map[string]string{"role": w.t("role." + string(s.Role)), "subject": s.Subject, "location": s.Location.String(),
		"sha1": s.Thumbprint, "folder": w.flow.ToolFilesFolder()}
	if a := s.Account; a != nil {
		params["account"], params["sid"] = a.Name, a.SID
	}
	return params
}

// childRows are the steps the account step's child did, as its account.
func (w *Wizard) childRows() []fyne.CanvasObject {
	var rows []fyne.CanvasObject
	for _, s := range w.flow.AccountDone() {
		params := stepParams(w, s)
		params["step"] = w.t("wizard.install.step."+string(s.Kind), params)
		row, _ := messageRow(theme.NewSuccessThemedResource(theme.ConfirmIcon()), w.t("wizard.install.as-account", params), widget.MediumImportance)
		rows = append(rows, container.NewPadded(row))
	}
	return rows
}

// stopRow is Stop, while the account step's child runs: it is the one
// step that can take long (a logon, a scheduled task).
type stopRow struct {
	w       *Wizard
	content *fyne.Container
	button  *button
	hint    *widget.Label
}

func newStopRow(w *Wizard) *stopRow {
	r := &stopRow{w: w}
	r.button = newButton(w, w.t("wizard.install.stop"), theme.MediaStopIcon(), func() {
		w.flow.CancelInstall()
		w.refresh()
	})
	r.hint = wrapped("")
	r.hint.SizeName = theme.SizeNameCaptionText
	r.content = container.NewVBox(container.NewHBox(r.button), r.hint)
	r.content.Hide()
	return r
}

func (r *stopRow) refresh() {
	fl := r.w.flow
	if !fl.CanCancelInstall() {
		r.content.Hide()
		return
	}
	a, _ := fl.ForWhom()
	name := ""
	if a != nil {
		name = a.Name
	}
	r.hint.SetText(r.w.t("wizard.install.stop.hint", map[string]string{"account": name}))
	r.content.Show()
}

// testedForText says whom the last test was for; "" for this user.
func (w *Wizard) testedForText() string {
	a, machine := w.flow.TestedFor()
	if !w.flow.Tested() && w.flow.Diagnosis() == nil && w.flow.TestErr() == nil {
		a, machine = w.flow.ForWhom()
	}
	switch {
	case machine:
		params := map[string]string{"account": ""}
		if a != nil {
			params["account"] = a.Name
		}
		return w.t("wizard.done.for-machine", params)
	case a != nil:
		return w.t("wizard.done.for-account", map[string]string{"account": a.Name, "sid": a.SID})
	}
	return ""
}

// testFindingRows are the key access check's outcome.
func (w *Wizard) testFindingRows() []fyne.CanvasObject {
	var rows []fyne.CanvasObject
	for _, p := range w.flow.TestFindings() {
		rows = append(rows, w.findingRow(finding.Finding{Error: coded.Error{Code: p.Code, Params: p.Params}, Severity: p.Severity}))
	}
	return rows
}

// accountSummary are the done page's lines about the account: where its
// client went, the grant, and where its child keeps its own backup.
func (w *Wizard) accountSummary(result *install.Result) (lines []string, backups []fyne.CanvasObject) {
	for _, s := range result.Done {
		if s.Account == nil {
			continue
		}
		switch s.Kind {
		case install.StepAccount:
			lines = append(lines, w.t("wizard.done.added-for", map[string]string{"account": s.Account.Name}))
		case install.StepGrant:
			lines = append(lines, w.t("wizard.done.granted", map[string]string{"account": s.Account.Name}))
		}
	}
	for _, a := range result.Accounts {
		if a.Backup != "" {
			backups = append(backups, wrapped(w.t("cli.install.account-backup", map[string]string{"account": a.Account.Name, "backup": a.Backup})),
				pathRow(w, a.Backup, false))
		}
	}
	return lines, backups
}
