package wizard

import (
	"errors"
	"path/filepath"
	"strconv"
	"strings"

	"qscert/certs/export"
	"qscert/certs/qlik"
	"qscert/certs/validate"

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
	pickFolder *widget.Button
	pickFiles  *widget.Button
	filesNote  *widget.Label // the files picked one by one
	password   *entry
	host       *entry

	statusIcon *widget.Icon
	status     *widget.Label
	progress   *widget.ProgressBarInfinite
	general    *fyne.Container // findings about no certificate in particular
	cards      *fyne.Container

	check debouncer
}

func newFilesPage(w *Wizard) *filesPage {
	p := &filesPage{w: w, check: debouncer{w: w}}
	st := w.st

	p.folder = newEntry(w, false)
	p.folder.SetPlaceHolder(w.t("wizard.files.folder.placeholder"))
	p.folder.SetText(st.folder)
	p.folder.OnChanged = p.folderTyped
	p.pickFolder = widget.NewButtonWithIcon(w.t("wizard.files.pick.folder"), theme.FolderOpenIcon(), p.chooseFolder)
	p.pickFiles = widget.NewButtonWithIcon(w.t("wizard.files.pick.file"), theme.FileIcon(), p.chooseFile)
	p.filesNote = widget.NewLabel("")
	p.filesNote.Wrapping = fyne.TextWrapWord
	p.showFiles()

	p.password = newEntry(w, true)
	p.password.SetText(st.password)
	p.password.OnChanged = func(s string) { st.password = s; p.changed() }

	p.host = newEntry(w, false)
	p.host.SetPlaceHolder(w.t("wizard.files.host.placeholder"))
	p.host.SetText(st.host)
	p.host.Validator = func(s string) error {
		if msg := hostProblem(w, s); msg != "" {
			return errors.New(msg)
		}
		return nil
	}
	p.host.OnChanged = func(s string) { st.host = strings.TrimSpace(s); p.changed() }

	passwordHint := w.t("wizard.files.password.hint")
	if d := w.deps.Demo; d != nil {
		passwordHint = w.t("wizard.files.password.demo", map[string]string{"password": d.Password})
	}
	form := widget.NewForm(
		&widget.FormItem{Text: w.t("wizard.files.folder"), Widget: p.folder, HintText: w.t("wizard.files.folder.hint")},
		&widget.FormItem{Text: "", Widget: container.NewVBox(container.NewHBox(p.pickFolder, p.pickFiles), p.filesNote)},
		&widget.FormItem{Text: w.t("wizard.files.password"), Widget: p.password, HintText: passwordHint},
		&widget.FormItem{Text: w.t("wizard.files.host"), Widget: p.host, HintText: w.t("wizard.files.host.hint")},
	)

	p.statusIcon = widget.NewIcon(theme.InfoIcon())
	p.status = widget.NewLabel("")
	p.status.Wrapping = fyne.TextWrapWord
	p.status.TextStyle.Bold = true
	p.progress = widget.NewProgressBarInfinite()
	p.progress.Hide()
	p.general = container.NewVBox()
	p.cards = container.NewVBox()

	p.content = container.NewVBox(
		form,
		widget.NewSeparator(),
		container.NewBorder(nil, nil, iconBeside(p.statusIcon), nil, p.status),
		p.progress,
		p.general,
		p.cards,
	)
	p.showReport()
	return p
}

func (p *filesPage) view() fyne.CanvasObject { return p.content }

// enter checks what is already filled in (remembered folder and host,
// demo export), unless the report on screen is for exactly that.
func (p *filesPage) enter() {
	if st := p.w.st; st.report == nil || st.checkedRev != st.inputRev {
		p.changed()
	}
}

// ready: a report for the current inputs without blocking findings, and a
// usable host.
func (p *filesPage) ready() bool {
	st := p.w.st
	return st.report != nil && !st.validating && st.loadErr == nil && st.checkedRev == st.inputRev &&
		!st.report.Blocking() && len(st.report.Certificates) > 0 && hostProblem(p.w, st.host) == ""
}

// folderTyped follows the folder entry.
func (p *filesPage) folderTyped(s string) {
	st := p.w.st
	st.folder = strings.TrimSpace(s)
	if st.folder != "" {
		st.files = nil
	}
	p.showFiles()
	p.changed()
}

// changed restarts the check after a pause in typing.
func (p *filesPage) changed() {
	st := p.w.st
	st.inputRev++
	st.validating = st.hasSelection()
	p.showReport()
	p.w.refresh()
	if !st.hasSelection() {
		return
	}
	p.check.schedule(p.validate)
}

// validate loads and checks the export off the UI thread. A result that
// arrives after the user changed something again is dropped.
func (p *filesPage) validate(gen int) {
	w, st := p.w, p.w.st
	folder, files, password, host := st.folder, append([]string(nil), st.files...), st.password, st.host
	now := w.deps.Now()
	rev := st.inputRev
	w.background(func() func() {
		<-w.machineReady // the machine-mismatch check needs this computer's names
		var exp *export.Export
		var err error
		if len(files) > 0 {
			exp = export.LoadFiles(files, password)
		} else {
			exp, err = export.LoadExport(folder, password)
		}
		var report *validate.Report
		if err == nil {
			report = validate.Validate(exp, validate.Options{Host: host, Machines: w.st.machine.Names(), Now: now})
		}
		return func() {
			if !p.check.current(gen) {
				return
			}
			st.export, st.report, st.loadErr = exp, report, err
			st.validating = false
			st.checkedRev = rev
			if err == nil && folder != "" {
				w.savePref(prefLastFolder, folder)
			}
			if err == nil && hostProblem(w, host) == "" {
				w.savePref(prefHost, host)
			}
			p.showReport()
			w.refresh()
		}
	})
}

// showReport draws the outcome of the last check.
func (p *filesPage) showReport() {
	w, st := p.w, p.w.st
	p.general.RemoveAll()
	p.cards.RemoveAll()
	p.progress.Hide()
	switch {
	case !st.hasSelection():
		p.setStatus(theme.InfoIcon(), w.t("wizard.files.status.empty"))
		return
	case st.validating:
		p.setStatus(theme.SearchIcon(), w.t("wizard.files.status.checking"))
		p.progress.Show()
		return
	case st.loadErr != nil:
		p.setStatus(theme.NewErrorThemedResource(theme.ErrorIcon()), w.tr.Error(st.loadErr))
		return
	case st.report == nil:
		return
	}
	r := st.report
	present := map[qlik.Role]bool{}
	for _, c := range r.Certificates {
		present[c.Role] = true
	}
	for _, f := range r.Findings {
		if f.Role == "" || !present[f.Role] {
			p.general.Add(w.findingRow(f))
		}
	}
	for _, c := range r.Certificates {
		p.cards.Add(w.certCard(c, r.FindingsFor(c.Role)))
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
	case hostProblem(w, st.host) != "":
		p.setStatus(theme.NewWarningThemedResource(theme.WarningIcon()), w.t("wizard.files.status.host"))
	case warnings > 0:
		p.setStatus(theme.NewWarningThemedResource(theme.WarningIcon()), w.t("wizard.files.status.warnings", params))
	default:
		p.setStatus(theme.NewSuccessThemedResource(theme.ConfirmIcon()), w.t("wizard.files.status.ok", params))
	}
}

func (p *filesPage) setStatus(icon fyne.Resource, text string) {
	p.statusIcon.SetResource(icon)
	p.status.SetText(text)
}

// showFiles lists the files picked one by one.
func (p *filesPage) showFiles() {
	files := p.w.st.files
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

// setFolder selects a folder chosen in the picker or dropped on the window.
func (p *filesPage) setFolder(dir string) {
	p.w.st.files = nil
	p.folder.SetText(dir) // OnChanged records it and checks it
}

// addFile adds one file picked individually.
func (p *filesPage) addFile(path string) {
	st := p.w.st
	for _, f := range st.files {
		if f == path {
			return
		}
	}
	st.files = append(st.files, path)
	st.folder = ""
	p.folder.OnChanged = nil // emptying the entry must not drop the files
	p.folder.SetText("")
	p.folder.OnChanged = p.folderTyped
	p.showFiles()
	p.changed()
}

// hostProblem says what is wrong with a server name, or "" when it is
// usable. The QRS is reached at https://HOST:4242, so the field wants the
// name alone, not a URL or a port; an IP address is allowed (validation
// warns about it). What a host name is, qlik.ParseHost says.
func hostProblem(w *Wizard, host string) string {
	if strings.TrimSpace(host) == "" {
		return w.t("wizard.files.host.empty")
	}
	if h, ok := qlik.ParseHost(host); !ok || h.Decorated {
		return w.t("wizard.files.host.only-name")
	}
	return ""
}
