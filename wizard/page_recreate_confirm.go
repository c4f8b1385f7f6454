package wizard

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"qscert/certs/central"
	"qscert/wizard/flow"
)

// recreateConfirmPage is the last word before anything is deleted: the
// certificates step 3 deletes, Exported Certificates, the services that
// stop, the bootstrap's command line; and the node's name, which must be
// typed (in any case) to enable "Recreate the certificates".
type recreateConfirmPage struct {
	w       *Wizard
	content fyne.CanvasObject
	list    *fyne.Container
	host    *entry
	form    *widget.Form
}

func newRecreateConfirmPage(w *Wizard, s flow.Step) page {
	p := &recreateConfirmPage{w: w, list: container.NewVBox()}
	var items []*widget.FormItem
	for _, f := range s.Fields {
		e := recreateEntry(w, f, w.refresh)
		if f.ID == flow.FieldConfirmHost {
			p.host = e
		}
		items = append(items, recreateItem(w, f, e))
	}
	p.form = widget.NewForm(items...)
	p.content = container.NewVBox(w.simulatedRow(), p.list, box(p.form))
	return p
}

func (p *recreateConfirmPage) view() fyne.CanvasObject { return p.content }

// enter draws the plan and empties the name typed: the flow asks it
// again each time the step is reached.
func (p *recreateConfirmPage) enter() {
	p.show()
	p.host.SetText("")
	p.form.Items[0].HintText = p.w.t(p.w.recreate.Hint(flow.FieldConfirmHost))
	p.form.Refresh()
}

func (p *recreateConfirmPage) refresh() {}

// show lists what the procedure will do to the machine.
func (p *recreateConfirmPage) show() {
	w, r := p.w, p.w.recreate
	plan := r.Plan()
	p.list.RemoveAll()
	if plan == nil {
		return
	}
	var deleted []fyne.CanvasObject
	for _, c := range plan.Deletions() {
		row, _ := messageRow(theme.NewErrorThemedResource(theme.DeleteIcon()), flow.RecreateCertText(w.tr, c, plan.Account.Name), widget.MediumImportance)
		deleted = append(deleted, row)
	}
	if len(deleted) == 0 {
		deleted = append(deleted, wrapped(w.t("wizard.recreate.confirm.nothing")))
	}
	if plan.Exported.Exists {
		row, _ := messageRow(theme.NewErrorThemedResource(theme.DeleteIcon()), w.t("wizard.recreate.confirm.exported", map[string]string{
			"folder": plan.Exported.Path, "count": strconv.Itoa(len(plan.Exported.Machines))}), widget.MediumImportance)
		deleted = append(deleted, row)
	}
	p.list.Add(box(container.NewVBox(append([]fyne.CanvasObject{heading(w.t("wizard.recreate.confirm.deleted"))}, deleted...)...)))
	services := w.t("wizard.recreate.confirm.services.none")
	if stop := plan.ToStop(); len(stop) > 0 {
		services = central.DisplayNames(stop)
	}
	bootstrap := w.t("wizard.recreate.confirm.bootstrap", map[string]string{"command": central.CommandLine(plan.Bootstrap), "account": plan.Account.Name})
	p.list.Add(box(container.NewVBox(heading(w.t("wizard.recreate.confirm.services")), wrapped(services), wrapped(bootstrap))))
}
