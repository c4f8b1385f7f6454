package wizard

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"qscert/certs/central"
	"qscert/certs/coded"
	"qscert/wizard/flow"
)

// recreateCheckPage is step 1 of flow B: whether this machine is the
// central node (Host.cfg, Repository.exe, the repository's service),
// whether qscert runs as administrator, the account the services run as,
// and what the checks found (an error blocks Next with what to do; the
// kind of root is an info). The plan is made in the background, and
// again when the service account's password is typed.
type recreateCheckPage struct {
	w          *Wizard
	content    fyne.CanvasObject
	statusIcon *widget.Icon
	status     *widget.Label
	facts      *fyne.Container
	findings   *fyne.Container
	password   *entry
	passBox    fyne.CanvasObject
	shownRev   *central.Plan // the plan drawn
	plan       debouncer
}

func newRecreateCheckPage(w *Wizard, s flow.Step) page {
	p := &recreateCheckPage{w: w, plan: debouncer{w: w}}
	p.statusIcon = widget.NewIcon(theme.SearchIcon())
	p.status = wrapped("")
	p.status.TextStyle.Bold = true
	p.facts = container.NewVBox()
	p.findings = container.NewVBox()
	var items []*widget.FormItem
	for _, f := range s.Fields {
		e := recreateEntry(w, f, p.changed)
		if f.ID == flow.FieldServiceAccountPassword {
			p.password = e
		}
		items = append(items, recreateItem(w, f, e))
	}
	p.passBox = widget.NewForm(items...)
	p.passBox.Hide()
	p.content = container.NewVBox(
		w.simulatedRow(),
		container.NewBorder(nil, nil, iconBeside(p.statusIcon), nil, p.status),
		p.passBox,
		p.findings,
		box(container.NewVBox(heading(w.t("wizard.recreate.facts")), p.facts)),
	)
	return p
}

func (p *recreateCheckPage) view() fyne.CanvasObject { return p.content }

// enter makes the plan (again: the machine may have changed since).
func (p *recreateCheckPage) enter() { p.startPlan() }

// changed follows the password typed: the plan is made again after a
// pause in typing.
func (p *recreateCheckPage) changed() {
	p.w.refresh()
	p.plan.schedule(p.startPlan)
}

func (p *recreateCheckPage) startPlan() {
	start(p.w, p.w.recreate.PrepareDue(), p.w.recreate.ApplyPrepared)
}

func (p *recreateCheckPage) refresh() {
	w, r := p.w, p.w.recreate
	if r.Asks(flow.FieldServiceAccountPassword) {
		p.passBox.Show()
	} else {
		p.passBox.Hide()
	}
	if r.PlanErr() != nil {
		p.setStatus(theme.NewErrorThemedResource(theme.ErrorIcon()), w.tr.Error(r.PlanErr()), widget.DangerImportance)
		p.findings.RemoveAll()
		return
	}
	plan := r.Plan()
	if plan == nil {
		p.setStatus(theme.SearchIcon(), w.t("wizard.recreate.check.checking"), widget.MediumImportance)
		return
	}
	switch err := r.Blocking(); {
	case coded.CodeOf(err) == central.CodeAccountPassword:
		p.setStatus(theme.NewWarningThemedResource(theme.WarningIcon()), w.t("wizard.recreate.check.password"), widget.MediumImportance)
	case err != nil:
		p.setStatus(theme.NewErrorThemedResource(theme.ErrorIcon()), w.t("wizard.recreate.check.refused"), widget.DangerImportance)
	default:
		p.setStatus(theme.NewSuccessThemedResource(theme.ConfirmIcon()), w.t("wizard.recreate.check.ok", map[string]string{"host": plan.Site.FQDN}), widget.MediumImportance)
	}
	if p.shownRev != plan {
		p.shownRev = plan
		p.showPlan(plan)
	}
}

// showPlan draws the findings, errors first, and the machine's facts.
func (p *recreateCheckPage) showPlan(plan *central.Plan) {
	w := p.w
	p.findings.RemoveAll()
	for _, sev := range []coded.Severity{coded.SeverityError, coded.SeverityWarning, coded.SeverityInfo} {
		for _, f := range plan.Findings {
			if f.Severity != sev {
				continue
			}
			p.findings.Add(w.findingRow(f))
			if f.Code == central.CodeNotElevated {
				if b := w.elevateButton(); b != nil {
					p.findings.Add(b)
				}
			}
		}
	}
	fa := plan.Facts
	yes, no := w.t("wizard.recreate.facts.yes"), w.t("wizard.recreate.facts.no")
	repo := w.t("wizard.recreate.facts.missing")
	if fa.RepositoryPresent {
		repo = w.t("wizard.recreate.facts.present")
	}
	elevated := no
	if fa.Elevated {
		elevated = yes
	}
	p.facts.Objects = []fyne.CanvasObject{
		factRow(w.t("wizard.recreate.facts.hostname"), orDash(w, fa.Hostname)),
		factRow(w.t("wizard.recreate.facts.fqdn"), orDash(w, fa.FQDN)),
		factRow(w.t("wizard.recreate.facts.repository"), repo),
		factRow(w.t("wizard.recreate.facts.elevated"), elevated),
		factRow(w.t("wizard.recreate.facts.account"), orDash(w, plan.Account.Name)),
	}
	p.facts.Refresh()
}

// factRow is "label  value", the value bold and selectable.
func factRow(label, value string) fyne.CanvasObject {
	name := widget.NewLabel(label)
	val := widget.NewLabelWithStyle(value, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	val.Selectable = true
	val.Wrapping = fyne.TextWrapBreak
	left := container.NewGridWrap(fyne.NewSize(170, name.MinSize().Height), name)
	return container.NewBorder(nil, nil, left, nil, val)
}

func (p *recreateCheckPage) setStatus(icon fyne.Resource, text string, imp widget.Importance) {
	p.statusIcon.SetResource(icon)
	p.status.Importance = imp
	p.status.SetText(text)
}
