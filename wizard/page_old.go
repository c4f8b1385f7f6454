package wizard

import (
	"path/filepath"
	"strconv"

	"qscert/certs/install"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// oldPage lists what the stores already hold that this install replaces,
// one checkbox each (ticked: backed up, then removed), with the backup
// folder and its password. Nothing is removed without a backup. The plan
// is recomputed in the background whenever a choice changes, and Next
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
	notes      *fyne.Container // the plan's notes and errors
	checks     map[string]*widget.Check

	found []install.Found
	plan  debouncer
}

func newOldPage(w *Wizard) *oldPage {
	p := &oldPage{w: w, plan: debouncer{w: w}, checks: map[string]*widget.Check{}}
	st := w.st
	p.statusIcon = widget.NewIcon(theme.InfoIcon())
	p.status = widget.NewLabel("")
	p.status.Wrapping = fyne.TextWrapWord
	p.status.TextStyle.Bold = true
	p.replaced = container.NewVBox()
	p.kept = container.NewVBox()
	p.notes = container.NewVBox()

	if st.backupDir == "" {
		st.backupDir = w.deps.BackupRoot
	}
	p.backupDir = newEntry(w, false)
	p.backupDir.SetText(st.backupDir)
	p.backupDir.OnChanged = func(s string) { st.backupDir = s; p.changed() }
	pick := widget.NewButtonWithIcon(w.t("wizard.files.pick.folder"), theme.FolderOpenIcon(), p.chooseBackupDir)
	if st.backupPassword == "" && len(st.password) >= install.MinBackupPassword {
		// The export's password is the one the administrator just typed
		// and noted; reusing it means one password less to keep.
		st.backupPassword = st.password
	}
	p.backupPass = newEntry(w, true)
	p.backupPass.SetText(st.backupPassword)
	p.backupPass.OnChanged = func(s string) { st.backupPassword = s; p.changed() }
	min := map[string]string{"min": strconv.Itoa(install.MinBackupPassword)}
	p.backupPass.Validator = func(s string) error {
		if len(s) < install.MinBackupPassword {
			return textError(w.t("wizard.old.backup.password.short", min))
		}
		return nil
	}
	passHint := w.t("wizard.old.backup.password.hint", min)
	if st.backupPassword != "" && st.backupPassword == st.password {
		passHint = w.t("wizard.old.backup.password.same", min)
	}
	form := widget.NewForm(
		&widget.FormItem{Text: w.t("wizard.old.backup.folder"), Widget: container.NewBorder(nil, nil, nil, pick, p.backupDir),
			HintText: w.t("wizard.old.backup.folder.hint")},
		&widget.FormItem{Text: w.t("wizard.old.backup.password"), Widget: p.backupPass, HintText: passHint},
	)
	p.backupBox = box(container.NewVBox(heading(w.t("wizard.old.backup")), form))
	p.backupBox.Hide()

	p.content = container.NewVBox(
		container.NewBorder(nil, nil, iconBeside(p.statusIcon), nil, p.status),
		p.replaced,
		p.kept,
		p.backupBox,
		p.notes,
	)
	return p
}

func (p *oldPage) view() fyne.CanvasObject { return p.content }

// ready: a plan for the current choices, without error.
func (p *oldPage) ready() bool {
	st := p.w.st
	return st.plan != nil && st.planErr == nil && p.plan.current(st.planRev)
}

// enter looks at the stores again: the export may have changed, or the
// user removed a certificate by hand meanwhile.
func (p *oldPage) enter() {
	p.found = nil
	p.changed()
}

// changed recomputes the plan after a pause in typing.
func (p *oldPage) changed() {
	st := p.w.st
	st.plan, st.planErr = nil, nil
	p.setStatus(theme.SearchIcon(), p.w.t("wizard.old.status.checking"))
	p.w.refresh()
	st.planRev = p.plan.schedule(p.compute)
}

// compute classifies the stores' certificates and plans the install off
// the UI thread.
func (p *oldPage) compute(gen int) {
	w, st := p.w, p.w.st
	if w.deps.Store == nil {
		st.planErr = w.deps.StoreErr
		p.show()
		w.refresh()
		return
	}
	exp := st.export
	if exp == nil { // only reachable by a test that jumps here
		return
	}
	opts := install.InstallOptions{
		ClientScope: w.deps.ClientScope, BackupDir: st.backupDir, BackupPassword: st.backupPassword,
		Keep: copyKeep(st.keep), Now: w.deps.Now(),
	}
	firstLook := p.found == nil
	w.background(func() func() {
		var found []install.Found
		var err error
		if firstLook {
			found, err = install.Classify(exp, w.deps.Store)
		}
		var plan *install.Plan
		if err == nil {
			plan, err = install.PlanInstall(exp, w.deps.Store, opts)
		}
		return func() {
			if !p.plan.current(gen) {
				return
			}
			if firstLook && found != nil {
				p.found = found
				p.showFound()
			}
			st.plan, st.planErr = plan, err
			p.show()
			w.refresh()
		}
	})
}

func copyKeep(m map[string]bool) map[string]bool {
	out := make(map[string]bool, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// showFound draws a checkbox per certificate the install replaces and a
// line per certificate it leaves.
func (p *oldPage) showFound() {
	w := p.w
	p.replaced.RemoveAll()
	p.kept.RemoveAll()
	p.checks = map[string]*widget.Check{}
	var replaced, kept []fyne.CanvasObject
	for _, f := range p.found {
		switch f.Class {
		case install.ClassReplaced:
			tp := f.Thumbprint()
			check := widget.NewCheck("", func(on bool) {
				w.st.keep[tp] = !on
				p.changed()
			})
			check.SetChecked(!w.st.keep[tp])
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
	role := capitalise(w.t("role." + string(f.Role)))
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
	w, st := p.w, p.w.st
	p.notes.RemoveAll()
	removing := false
	for _, f := range p.found {
		if f.Class == install.ClassReplaced && !st.keep[f.Thumbprint()] {
			removing = true
		}
	}
	if removing {
		p.backupBox.Show()
	} else {
		p.backupBox.Hide()
	}
	switch {
	case st.planErr != nil:
		p.setStatus(theme.NewErrorThemedResource(theme.ErrorIcon()), w.tr.Error(st.planErr))
	case st.plan == nil:
		return
	case st.plan.Empty():
		p.setStatus(theme.NewSuccessThemedResource(theme.ConfirmIcon()), w.t("wizard.old.status.nothing"))
	default:
		p.setStatus(theme.InfoIcon(), w.t("wizard.old.status.plan", map[string]string{
			"add":    strconv.Itoa(st.plan.Count(install.StepAdd)),
			"remove": strconv.Itoa(st.plan.Count(install.StepRemove)),
		}))
	}
	if st.plan != nil {
		for _, n := range st.plan.Notes {
			p.notes.Add(w.findingRow(n))
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
	d := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
		if err == nil && dir != nil {
			p.backupDir.SetText(filepath.Clean(dir.Path()))
		}
	}, w.win)
	d.SetTitleText(w.t("wizard.old.backup.folder"))
	d.SetConfirmText(w.t("wizard.files.pick.confirm"))
	d.SetDismissText(w.t("wizard.cancel"))
	d.Resize(w.win.Canvas().Size())
	d.Show()
}

// textError is an error whose text is already a translated sentence.
type textError string

func (e textError) Error() string { return string(e) }
