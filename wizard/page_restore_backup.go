package wizard

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"qscert/certs/install"
	"qscert/wizard/flow"
)

// restoreBackupPage is where the backup folder and its password are
// chosen; the restore's plan is made in the background as they are
// typed, and shown step by step before anything changes.
type restoreBackupPage struct {
	w       *Wizard
	content fyne.CanvasObject

	folder     *entry
	pick       *button
	password   *entry
	statusIcon *widget.Icon
	status     *widget.Label
	plan       *fyne.Container
	planBox    fyne.CanvasObject

	replan debouncer
}

func newRestoreBackupPage(w *Wizard, s flow.Step) page {
	r := w.restore
	p := &restoreBackupPage{w: w, replan: debouncer{w: w}}
	var items []*widget.FormItem
	for _, f := range s.Fields {
		e := restoreEntry(w, f, p.changed)
		key, params := r.Hint(f.ID)
		item := &widget.FormItem{Text: w.t(f.Label), Widget: e, HintText: w.t(key, params)}
		switch f.ID {
		case flow.FieldRestoreDir:
			p.folder = e
			p.pick = newButton(w, w.t("wizard.files.pick.folder"), theme.FolderOpenIcon(), p.chooseFolder)
			item.Widget = container.NewVBox(e, container.NewHBox(p.pick))
		case flow.FieldRestorePassword:
			p.password = e
		}
		items = append(items, item)
	}
	p.statusIcon = widget.NewIcon(theme.InfoIcon())
	p.status = wrapped("")
	p.status.TextStyle.Bold = true
	p.plan = container.NewVBox()
	p.planBox = box(container.NewVBox(heading(w.t("wizard.restore.plan")), p.plan))
	p.planBox.Hide()
	p.content = container.NewVBox(
		widget.NewForm(items...),
		widget.NewSeparator(),
		container.NewBorder(nil, nil, iconBeside(p.statusIcon), nil, p.status),
		p.planBox,
	)
	return p
}

// restoreEntry is the entry of one of the restore flow's questions.
func restoreEntry(w *Wizard, f flow.Field, changed func()) *entry {
	e := newEntry(w, f.Secret)
	if f.Placeholder != "" {
		e.SetPlaceHolder(w.t(f.Placeholder))
	}
	e.SetText(w.restore.Value(f.ID))
	e.OnChanged = func(s string) {
		w.restore.Set(f.ID, s)
		changed()
	}
	return e
}

func (p *restoreBackupPage) view() fyne.CanvasObject { return p.content }

// enter reads the backup and the stores again: they may have changed.
func (p *restoreBackupPage) enter() { p.replan.schedule(p.startPlan) }

func (p *restoreBackupPage) changed() {
	p.w.refresh()
	p.replan.schedule(p.startPlan)
}

func (p *restoreBackupPage) startPlan() {
	start(p.w, p.w.restore.PlanDue(), p.w.restore.ApplyPlan)
}

func (p *restoreBackupPage) refresh() {
	w, r := p.w, p.w.restore
	p.plan.RemoveAll()
	p.planBox.Hide()
	plan := r.Plan()
	switch {
	case r.Folder() == "":
		p.setStatus(theme.InfoIcon(), w.t("wizard.restore.status.empty"))
	case r.Planning():
		p.setStatus(theme.SearchIcon(), w.t("wizard.restore.status.checking"))
	case r.PlanErr() != nil:
		// backup-unreadable, backup-wrong-password, backup-two-roots…
		p.setStatus(theme.NewErrorThemedResource(theme.ErrorIcon()), w.tr.Error(r.PlanErr()))
	case plan == nil:
	case plan.Empty():
		p.setStatus(theme.NewSuccessThemedResource(theme.ConfirmIcon()), w.t("wizard.restore.status.nothing"))
	default:
		p.setStatus(theme.InfoIcon(), w.t("wizard.restore.status.plan", map[string]string{
			"add": strconv.Itoa(plan.Count(install.StepAdd)), "remove": strconv.Itoa(plan.Count(install.StepRemove)),
		}))
		for _, s := range plan.Steps {
			p.plan.Add(wrapped("• " + planSentence(w, s)))
		}
		for _, n := range plan.Notes {
			p.plan.Add(w.findingRow(n))
		}
		p.planBox.Show()
	}
}

func (p *restoreBackupPage) setStatus(icon fyne.Resource, text string) {
	p.statusIcon.SetResource(icon)
	p.status.SetText(text)
}

// chooseFolder picks the backup folder, starting where backups are made.
func (p *restoreBackupPage) chooseFolder() {
	w := p.w
	w.picker.folder(w.t("wizard.restore.pick"), startFolder(p.folder.Text, nil), func(dir string) {
		p.folder.SetText(dir)
	})
}

// planSentence says what a step of a plan will do.
func planSentence(w *Wizard, s install.Step) string {
	return w.t("wizard.plan.step."+string(s.Kind), map[string]string{
		"role": w.t("role." + string(s.Role)), "subject": s.Subject, "location": s.Location.String(),
		"folder": w.flow.ToolFilesFolder(),
	})
}
