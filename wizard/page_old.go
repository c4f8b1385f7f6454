package wizard

import (
	"qscert/assets/i18n"
	"qscert/certs/install"
	"qscert/wizard/flow"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// oldPage lists what the stores already hold that this install replaces,
// one checkbox each (ticked: backed up, then removed), with the backup
// folder and its password. Nothing is removed without a backup. The plan
// is made again in the background whenever a choice changes, and Next
// ("Install") is enabled only when it is valid.
type oldPage struct {
	w       *Wizard
	content fyne.CanvasObject

	statusIcon *widget.Icon
	status     *widget.Label
	replaced   *fyne.Container // a checkbox per older certificate of the site
	kept       *fyne.Container // what stays: the same certificates, other sites
	backupBox  fyne.CanvasObject
	backupDir  *entry
	backupPass *entry
	retype     *entry          // shown once a new backup password is typed
	notes      *fyne.Container // the plan's notes and errors
	forWhom    *fyne.Container // the plan's steps for the account (the grant, the step run as it), under the status
	checks     map[string]*widget.Check

	foundShown bool // the stores' certificates are drawn since the step was entered
	plan       debouncer
}

func newOldPage(w *Wizard, s flow.Step) page {
	p := &oldPage{w: w, plan: debouncer{w: w}, checks: map[string]*widget.Check{}}
	p.statusIcon = widget.NewIcon(theme.InfoIcon())
	p.status = widget.NewLabel("")
	p.status.Wrapping = fyne.TextWrapWord
	p.status.TextStyle.Bold = true
	p.replaced = container.NewVBox()
	p.kept = container.NewVBox()
	p.notes = container.NewVBox()
	p.forWhom = container.NewVBox()
	p.forWhom.Hide()

	var items []*widget.FormItem
	for _, f := range s.Fields {
		e := fieldEntry(w, f, p.changed)
		switch f.ID {
		case flow.FieldBackupDir:
			p.backupDir = e
			// The button under the entry, not beside it: beside, it left
			// the path too little room ("…/bac" in French).
			pick := newButton(w, w.t("wizard.files.pick.folder"), theme.FolderOpenIcon(), p.chooseBackupDir)
			items = append(items, fieldItem(w, f, container.NewVBox(e, container.NewHBox(pick))))
		case flow.FieldBackupPassword:
			p.backupPass = e
		case flow.FieldBackupRetype:
			p.retype = e
		}
	}
	// The retype goes under the password, in its row, shown when asked.
	for i, f := range s.Fields {
		if f.ID == flow.FieldBackupPassword {
			items = append(items[:i], append([]*widget.FormItem{fieldItem(w, f, container.NewVBox(p.backupPass, p.retype))}, items[i:]...)...)
		}
	}
	p.showRetype()
	p.backupBox = box(container.NewVBox(heading(w.t("wizard.old.backup")), widget.NewForm(items...)))
	p.backupBox.Hide()

	p.content = container.NewVBox(
		container.NewBorder(nil, nil, iconBeside(p.statusIcon), nil, p.status),
		p.forWhom,
		p.replaced,
		p.kept,
		p.backupBox,
		p.notes,
	)
	return p
}

func (p *oldPage) view() fyne.CanvasObject { return p.content }

// enter plans for what the stores hold now (the flow looks at them again
// each time the step is entered).
func (p *oldPage) enter() {
	p.foundShown = false
	p.plan.schedule(p.startPlan)
}

// changed follows a choice: the plan shown is stale at once, and a new one
// is made after a pause in typing.
func (p *oldPage) changed() {
	p.w.refresh()
	p.plan.schedule(p.startPlan)
}

// startPlan classifies the stores' certificates and plans the install off
// the UI thread.
func (p *oldPage) startPlan() {
	start(p.w, p.w.flow.PlanDue(), p.w.flow.ApplyPlan)
}

// showRetype shows the retype entry when the flow asks it, and judges it
// again against the password as it is now.
func (p *oldPage) showRetype() {
	if p.w.flow.Asks(flow.FieldBackupRetype) {
		p.retype.Show()
		_ = p.retype.Validate()
	} else {
		p.retype.Hide()
	}
}

func (p *oldPage) refresh() {
	p.showRetype()
	if p.w.flow.Planning() {
		p.setStatus(theme.SearchIcon(), p.w.t("wizard.old.status.checking"))
		return
	}
	if found := p.w.flow.Found(); found != nil && !p.foundShown {
		p.foundShown = true
		p.showFound(found)
	}
	p.show()
}

// showFound draws a checkbox per certificate the install replaces and a
// line per certificate it leaves.
func (p *oldPage) showFound(found []install.Found) {
	w := p.w
	p.replaced.RemoveAll()
	p.kept.RemoveAll()
	p.checks = map[string]*widget.Check{}
	var replaced, kept []fyne.CanvasObject
	for _, f := range found {
		switch f.Class {
		case install.ClassReplaced:
			tp := f.Thumbprint()
			check := widget.NewCheck("", nil)
			check.SetChecked(!w.flow.Keeps(tp))
			check.OnChanged = func(on bool) {
				w.flow.SetKeep(tp, !on)
				p.changed()
			}
			p.checks[tp] = check
			replaced = append(replaced, container.NewBorder(nil, nil, container.NewVBox(check), nil, p.describe(f)))
		case install.ClassSame:
			kept = append(kept, iconRow(theme.NewSuccessThemedResource(theme.ConfirmIcon()), w.t("wizard.old.same"), p.describe(f)))
		case install.ClassOtherSite:
			kept = append(kept, iconRow(theme.InfoIcon(), w.t("wizard.old.other-site"), p.describe(f)))
		}
	}
	if len(replaced) > 0 {
		p.replaced.Add(box(container.NewVBox(append([]fyne.CanvasObject{heading(w.t("wizard.old.replaced"))}, replaced...)...)))
	}
	if len(kept) > 0 {
		p.kept.Add(box(container.NewVBox(append([]fyne.CanvasObject{heading(w.t("wizard.old.kept"))}, kept...)...)))
	}
}

// describe is one certificate found in a store, in two lines.
func (p *oldPage) describe(f install.Found) fyne.CanvasObject {
	w := p.w
	role := i18n.Capitalise(w.t("role." + string(f.Role)))
	subject := f.Cert.Subject.String()
	l := widget.NewLabel(w.t("wizard.old.cert", map[string]string{
		"role": role, "subject": subject, "location": f.Location.String(),
		"until": f.Cert.NotAfter.UTC().Format(dateFormat), "thumbprint": f.Thumbprint(),
	}))
	l.Wrapping = fyne.TextWrapWord
	return l
}

// iconRow is an icon, a bold caption and a description.
func iconRow(icon fyne.Resource, caption string, body fyne.CanvasObject) fyne.CanvasObject {
	return container.NewBorder(nil, nil, iconBeside(widget.NewIcon(icon)), nil,
		container.NewVBox(heading(caption), body))
}

// show draws the plan's outcome: what it will do, its notes, or why it
// cannot be made.
func (p *oldPage) show() {
	w, fl := p.w, p.w.flow
	p.notes.RemoveAll()
	p.forWhom.RemoveAll()
	if fl.Removing() {
		p.backupBox.Show()
	} else {
		p.backupBox.Hide()
	}
	plan := fl.Plan()
	switch {
	case fl.PlanErr() != nil:
		p.setStatus(theme.NewErrorThemedResource(theme.ErrorIcon()), w.tr.Error(fl.PlanErr()))
	case plan == nil: // a flow driven here without an export: nothing to plan
		p.setStatus(theme.SearchIcon(), w.t("wizard.old.status.checking"))
		return
	case plan.Empty():
		p.setStatus(theme.NewSuccessThemedResource(theme.ConfirmIcon()), w.t("wizard.old.status.nothing"))
	default:
		p.setStatus(theme.InfoIcon(), flow.PlanSummary(w.tr, plan))
	}
	if plan != nil {
		for _, r := range w.accountPlanRows(plan) { // the grant, the account step
			p.forWhom.Add(r)
		}
		show(p.forWhom, len(p.forWhom.Objects) > 0)
		for _, n := range plan.Notes {
			p.notes.Add(w.findingRow(n))
			// Installing for the whole machine needs administrator rights:
			// offer them where the plan says it is without them.
			if n.Code == install.CodeRootForCurrentUser {
				if b := w.elevateButton(); b != nil {
					p.notes.Add(b)
				}
			}
		}
	}
}

func (p *oldPage) setStatus(icon fyne.Resource, text string) {
	p.statusIcon.SetResource(icon)
	p.status.SetText(text)
}

// chooseBackupDir picks the folder in which the dated backup folder is made.
func (p *oldPage) chooseBackupDir() {
	w := p.w
	w.picker.folder(w.t("wizard.old.backup.folder"), startFolder(p.backupDir.Text, nil), func(dir string) {
		p.backupDir.SetText(dir)
	})
}
