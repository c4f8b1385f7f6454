package wizard

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"qscert/wizard/flow"
)

// recreateBackupPage asks where the procedure's folder (backup, journal,
// log) is made and the backup's password, twice: a typo in it would make
// the backup useless, and restoring the old certificates needs it.
type recreateBackupPage struct {
	w        *Wizard
	content  fyne.CanvasObject
	folder   *entry
	password *entry
	retype   *entry
}

func newRecreateBackupPage(w *Wizard, s flow.Step) page {
	p := &recreateBackupPage{w: w}
	var items []*widget.FormItem
	for _, f := range s.Fields {
		e := recreateEntry(w, f, p.changed)
		var content fyne.CanvasObject = e
		switch f.ID {
		case flow.FieldBackupDir:
			p.folder = e
			pick := newButton(w, w.t("wizard.files.pick.folder"), theme.FolderOpenIcon(), p.chooseFolder)
			content = container.NewVBox(e, container.NewHBox(pick))
		case flow.FieldBackupPassword:
			p.password = e
		case flow.FieldBackupRetype:
			p.retype = e
		}
		items = append(items, recreateItem(w, f, content))
	}
	p.content = container.NewVBox(w.simulatedRow(), widget.NewForm(items...))
	return p
}

func (p *recreateBackupPage) view() fyne.CanvasObject { return p.content }

func (p *recreateBackupPage) enter() {}

// changed judges the retype again against the password as it is now.
func (p *recreateBackupPage) changed() {
	if p.retype != nil && p.retype.Text != "" {
		_ = p.retype.Validate()
	}
	p.w.refresh()
}

func (p *recreateBackupPage) refresh() {}

func (p *recreateBackupPage) chooseFolder() {
	w := p.w
	w.picker.folder(w.t("wizard.old.backup.folder"), startFolder(p.folder.Text, nil), func(dir string) {
		p.folder.SetText(dir)
	})
}
