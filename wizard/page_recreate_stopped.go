package wizard

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"qscert/certs/central"
	"qscert/wizard/flow"
)

// recreateStoppedPage is flow B's step for a procedure that was stopped
// (a failure, a killed qscert): where it stands and what state the
// machine is in, the backup's password, and the choice between going on
// and restoring. Next does what was chosen.
type recreateStoppedPage struct {
	w        *Wizard
	content  fyne.CanvasObject
	action   *widget.RadioGroup
	password *entry
	account  *entry
	accBox   *widget.FormItem
	form     *widget.Form
}

func newRecreateStoppedPage(w *Wizard, s flow.Step) page {
	r := w.recreate
	p := &recreateStoppedPage{w: w}
	st := r.Stopped()
	var where fyne.CanvasObject = container.NewVBox()
	if st != nil {
		state, _ := messageRow(theme.NewWarningThemedResource(theme.WarningIcon()), w.tr.Code(central.CodeStopped, st.Params()), widget.MediumImportance)
		started := widget.NewLabel(w.t("wizard.recreate.stopped.started", st.Params()))
		started.Wrapping = fyne.TextWrapBreak
		started.SizeName = theme.SizeNameCaptionText
		where = container.NewVBox(state, started)
	}
	resume := w.t("wizard.recreate.stopped.resume", map[string]string{"n": "?"})
	if st != nil {
		resume = w.t("wizard.recreate.stopped.resume", st.Params())
		if r.RedoFromDelete() {
			resume = w.t("wizard.recreate.stopped.redo")
		}
	}
	restore := w.t("wizard.recreate.stopped.restore")
	options := []string{resume}
	if st == nil || st.Changed {
		options = append(options, restore)
	}
	p.action = widget.NewRadioGroup(options, nil)
	p.action.Required = true
	if r.Action() == flow.ActionRestore && len(options) > 1 {
		p.action.SetSelected(restore)
	} else {
		p.action.SetSelected(resume)
		r.SetAction(flow.ActionResume)
	}
	p.action.OnChanged = func(choice string) {
		if choice == restore {
			r.SetAction(flow.ActionRestore)
		} else {
			r.SetAction(flow.ActionResume)
		}
		w.refresh()
	}
	p.form = widget.NewForm()
	for _, f := range s.Fields {
		e := recreateEntry(w, f, w.refresh)
		item := recreateItem(w, f, e)
		switch f.ID {
		case flow.FieldBackupPassword:
			p.password = e
		case flow.FieldServiceAccountPassword:
			p.account, p.accBox = e, item
		}
		if f.ID != flow.FieldServiceAccountPassword || r.Asks(f.ID) {
			p.form.AppendItem(item)
		}
	}
	var redo fyne.CanvasObject = container.NewVBox()
	if r.RedoFromDelete() {
		l := wrapped(w.t("wizard.recreate.run.redo.hint"))
		l.SizeName = theme.SizeNameCaptionText
		redo = l
	}
	p.content = container.NewVBox(
		w.simulatedRow(),
		where,
		heading(w.t("wizard.recreate.stopped.action")),
		p.action,
		redo,
		p.form,
	)
	return p
}

func (p *recreateStoppedPage) view() fyne.CanvasObject { return p.content }

func (p *recreateStoppedPage) enter() {}

func (p *recreateStoppedPage) refresh() {}
