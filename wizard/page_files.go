package wizard

import (
	"path/filepath"
	"strconv"
	"strings"

	"qscert/certs/finding"
	"qscert/certs/qlik"
	"qscert/wizard/flow"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// filesPage is where the export is chosen and checked: folder or files,
// password and server name, then one card per certificate with what is
// wrong in plain words. Checking runs in the background after typing
// pauses, so the window never freezes on a slow share.
type filesPage struct {
	w       *Wizard
	content fyne.CanvasObject

	folder     *entry
	pickFolder *button
	pickFiles  *button
	filesNote  *widget.Label // the files picked one by one
	password   *entry
	host       *entry
	hostNotes  *fyne.Container // what the check says of the host, by its field
	report     *reportButton   // by the status, when the files cannot be installed

	statusIcon *widget.Icon
	status     *widget.Label
	progress   *widget.ProgressBarInfinite
	general    *fyne.Container    // findings about no certificate in particular
	zipChoice  *widget.RadioGroup // the exports of a zip of several machines'
	zipBox     fyne.CanvasObject
	cards      *fyne.Container

	check debouncer
}

func newFilesPage(w *Wizard, s flow.Step) page {
	p := &filesPage{w: w, check: debouncer{w: w}}
	var items []*widget.FormItem
	for _, f := range s.Fields {
		e := fieldEntry(w, f, p.changed)
		switch f.ID {
		case flow.FieldFolder:
			p.folder = e
			items = append(items, fieldItem(w, f, e), p.pickers())
			continue
		case flow.FieldPassword:
			p.password = e
		case flow.FieldHost:
			p.host = e
			p.hostNotes = container.NewVBox()
			p.hostValidator()
			items = append(items, fieldItem(w, f, container.NewVBox(e, p.hostNotes)))
			continue
		}
		items = append(items, fieldItem(w, f, e))
	}
	form := widget.NewForm(items...)

	p.statusIcon = widget.NewIcon(theme.InfoIcon())
	p.status = widget.NewLabel("")
	p.status.Wrapping = fyne.TextWrapWord
	p.status.TextStyle.Bold = true
	p.progress = widget.NewProgressBarInfinite()
	p.progress.Hide()
	p.general = container.NewVBox()
	p.cards = container.NewVBox()
	p.zipChoice = widget.NewRadioGroup(nil, nil)
	p.zipBox = box(container.NewVBox(heading(w.t("wizard.files.zip.choose")), p.zipChoice))
	p.zipBox.Hide()
	p.report = newReportButton(w)
	p.report.content.Hide()

	p.content = container.NewVBox(
		form,
		widget.NewSeparator(),
		container.NewBorder(nil, nil, iconBeside(p.statusIcon), nil, p.status),
		p.report.content,
		p.progress,
		p.zipBox,
		p.general,
		p.cards,
	)
	p.showReport()
	return p
}

// pickers is the form row under the folder: the buttons that open the
// pickers, and the files picked one by one.
func (p *filesPage) pickers() *widget.FormItem {
	w := p.w
	p.pickFolder = newButton(w, w.t("wizard.files.pick.folder"), theme.FolderOpenIcon(), p.chooseFolder)
	p.pickFiles = newButton(w, w.t("wizard.files.pick.file"), theme.FileIcon(), p.chooseFile)
	p.filesNote = widget.NewLabel("")
	p.filesNote.Wrapping = fyne.TextWrapWord
	p.showFiles()
	return &widget.FormItem{Text: "", Widget: container.NewVBox(container.NewHBox(p.pickFolder, p.pickFiles), p.filesNote)}
}

func (p *filesPage) view() fyne.CanvasObject { return p.content }

// enter shows a folder chosen elsewhere (dropped onto the window) and
// checks what is filled in, unless the report on screen is for exactly
// that.
func (p *filesPage) enter() {
	if f := p.w.flow.Folder(); strings.TrimSpace(p.folder.Text) != f {
		p.showFolder(f)
	}
	p.showFiles()
	if p.w.flow.HasSelection() {
		p.check.schedule(p.startCheck)
	}
}

func (p *filesPage) refresh() { p.showReport() }

// changed follows an answer typed: the report shown is stale at once, and
// a check starts after a pause in typing.
func (p *filesPage) changed() {
	p.showFiles()
	p.w.refresh()
	if p.w.flow.HasSelection() {
		p.check.schedule(p.startCheck)
	}
}

// startCheck loads and checks the export off the UI thread.
func (p *filesPage) startCheck() {
	start(p.w, p.w.flow.CheckDue(), p.w.flow.ApplyCheck)
}

// showFolder puts a folder chosen elsewhere into the entry, without taking
// it as typed.
func (p *filesPage) showFolder(dir string) {
	onChanged := p.folder.OnChanged
	p.folder.OnChanged = nil
	p.folder.SetText(dir)
	p.folder.OnChanged = onChanged
}

// showReport draws the outcome of the last check.
func (p *filesPage) showReport() {
	w, fl := p.w, p.w.flow
	p.general.RemoveAll()
	p.cards.RemoveAll()
	p.hostNotes.RemoveAll()
	p.progress.Hide()
	p.report.content.Hide()
	p.showZipChoices()
	defer func() { _ = p.host.Validate() }() // the host's mark follows what the check says of it
	switch {
	case !fl.HasSelection():
		p.setStatus(theme.InfoIcon(), w.t("wizard.files.status.empty"))
		return
	case fl.Checking():
		p.setStatus(theme.SearchIcon(), w.t("wizard.files.status.checking"))
		p.progress.Show()
		return
	case fl.LoadErr() != nil:
		p.setStatus(theme.NewErrorThemedResource(theme.ErrorIcon()), w.tr.Error(fl.LoadErr()))
		p.showReportButton()
		return
	case fl.Report() == nil:
		return
	case fl.AwaitsPassword():
		// Not "wrong password" before one was typed.
		p.setStatus(theme.InfoIcon(), w.t("wizard.files.status.password"))
		return
	}
	for _, f := range fl.HostFindings() {
		p.hostNotes.Add(w.findingRow(f))
	}
	r := fl.Report()
	present := map[qlik.Role]bool{}
	for _, c := range r.Certificates {
		present[c.Role] = true
	}
	for _, f := range r.Findings {
		if flow.IsHostFinding(f) {
			continue // by the host field
		}
		if f.Role == "" || !present[f.Role] {
			p.general.Add(w.findingRow(f))
		}
	}
	for _, c := range r.Certificates {
		var about []finding.Finding
		for _, f := range r.FindingsFor(c.Role) {
			if !flow.IsHostFinding(f) {
				about = append(about, f)
			}
		}
		p.cards.Add(w.certCard(c, about))
	}
	errs, warnings := r.Counts()
	params := map[string]string{
		"count":    strconv.Itoa(len(r.Certificates)),
		"format":   w.t("format." + string(r.Format)),
		"errors":   strconv.Itoa(errs),
		"warnings": strconv.Itoa(warnings),
	}
	switch {
	case errs > 0 || len(r.Certificates) == 0:
		p.setStatus(theme.NewErrorThemedResource(theme.ErrorIcon()), w.t("wizard.files.status.blocking", params))
		p.showReportButton()
	case flow.HostProblem(fl.Host()) != "":
		p.setStatus(theme.NewWarningThemedResource(theme.WarningIcon()), w.t("wizard.files.status.host"))
	case warnings > 0:
		p.setStatus(theme.NewWarningThemedResource(theme.WarningIcon()), w.t("wizard.files.status.warnings", params))
	default:
		p.setStatus(theme.NewSuccessThemedResource(theme.ConfirmIcon()), w.t("wizard.files.status.ok", params))
	}
}

// showZipChoices offers the exports of a zip of several machines' as a
// choice, right under the status: picking one sets the folder to it
// ("export.zip\rep01").
func (p *filesPage) showZipChoices() {
	choices := p.w.flow.ZipChoices()
	if len(choices) == 0 {
		p.zipBox.Hide()
		return
	}
	names := make([]string, len(choices))
	byName := map[string]string{}
	for i, c := range choices {
		names[i] = c.Folder
		byName[c.Folder] = c.Path
	}
	p.zipChoice.OnChanged = nil
	p.zipChoice.Options = names
	p.zipChoice.Selected = ""
	p.zipChoice.Refresh()
	p.zipChoice.OnChanged = func(name string) {
		if path, ok := byName[name]; ok {
			// After this callback: setting the folder redraws this group.
			fyne.Do(func() { p.setFolder(path) })
		}
	}
	p.zipBox.Show()
}

// showReportButton offers the support report when the files cannot be
// installed: that is when support is called.
func (p *filesPage) showReportButton() {
	if p.w.flow.CanSaveReport() {
		p.report.refresh()
		p.report.content.Show()
	}
}

// hostValidator refuses what is not a server name, and marks a name the
// check found wrong (another site's, an IP address): without it the field
// kept its green check while the warning sat in a card below.
func (p *filesPage) hostValidator() {
	fl := p.w.flow
	syntax := p.host.Validator
	p.host.Validator = func(s string) error {
		if err := syntax(s); err != nil {
			return err
		}
		if notes := fl.HostFindings(); strings.TrimSpace(s) == fl.Host() && len(notes) > 0 {
			return textError(p.w.tr.Code(notes[0].Code, notes[0].Params))
		}
		return nil
	}
}

func (p *filesPage) setStatus(icon fyne.Resource, text string) {
	p.statusIcon.SetResource(icon)
	p.status.SetText(text)
}

// showFiles lists the files picked one by one.
func (p *filesPage) showFiles() {
	files := p.w.flow.Files()
	if len(files) == 0 {
		p.filesNote.Hide()
		return
	}
	names := make([]string, len(files))
	for i, f := range files {
		names[i] = filepath.Base(f)
	}
	p.filesNote.SetText(p.w.t("wizard.files.picked", map[string]string{
		"files": strings.Join(names, ", "), "folder": filepath.Dir(files[0]),
	}))
	p.filesNote.Show()
}

// addFile adds one file picked individually; the folder entry empties.
func (p *filesPage) addFile(path string) {
	p.w.flow.AddFile(path)
	p.showFolder(p.w.flow.Folder())
	p.changed()
}
