package wizard

import (
	"qscert/wizard/flow"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"qscert/certs/install"
)

// donePage sums up the install, says where the backup is, and proves the
// result with a call to the QRS using what is now in the store, with the
// diagnosis in plain words when it fails. "Save support report" writes the
// zip a support engineer asks for.
type donePage struct {
	w       *Wizard
	content fyne.CanvasObject

	summary    *fyne.Container
	test       *button
	testing    *widget.ProgressBarInfinite
	resultIcon *widget.Icon
	result     *widget.Label
	detail     *widget.Label
	report     *button
	saved      *widget.Label
	running    bool // the spinner shows a test running
}

func newDonePage(w *Wizard, _ flow.Step) page {
	p := &donePage{w: w}
	p.summary = container.NewVBox()
	p.test = newButton(w, w.t("wizard.done.test"), theme.MediaPlayIcon(), p.runTest)
	p.test.Importance = widget.HighImportance
	p.testing = widget.NewProgressBarInfinite()
	p.testing.Hide()
	p.resultIcon = widget.NewIcon(nil)
	p.result = widget.NewLabel("")
	p.result.Wrapping = fyne.TextWrapWord
	p.result.TextStyle.Bold = true
	p.detail = widget.NewLabel("")
	p.detail.Wrapping = fyne.TextWrapWord
	p.report = newButton(w, w.t("wizard.done.report"), theme.DocumentSaveIcon(), p.chooseReportFile)
	if !w.flow.CanSaveReport() {
		p.report.Hide()
	}
	p.saved = widget.NewLabel("")
	p.saved.Wrapping = fyne.TextWrapWord
	p.saved.Hide()

	testBox := box(container.NewVBox(
		heading(w.t("wizard.done.test.title")),
		wrapped(w.t("wizard.done.test.what", map[string]string{"host": w.flow.Host()})),
		container.NewHBox(p.test),
		p.testing,
		container.NewBorder(nil, nil, iconBeside(p.resultIcon), nil, container.NewVBox(p.result, p.detail)),
	))
	reportBox := box(container.NewVBox(
		heading(w.t("wizard.done.report.title")),
		wrapped(w.t("wizard.done.report.what")),
		container.NewHBox(p.report),
		p.saved,
	))
	if !w.flow.CanSaveReport() {
		reportBox.Hide()
	}
	// The test first: it is what this page is for, and its outcome must be
	// in view without scrolling.
	p.content = container.NewVBox(testBox, box(p.summary), reportBox)
	p.showSummary()
	p.showDiagnosis()
	return p
}

func (p *donePage) view() fyne.CanvasObject { return p.content }

func (p *donePage) enter() {}

func (p *donePage) refresh() {
	fl := p.w.flow
	if fl.Testing() != p.running {
		p.running = fl.Testing()
		if p.running {
			p.testing.Show()
			p.testing.Start()
		} else {
			p.testing.Stop()
			p.testing.Hide()
		}
	}
	setEnabled(p.test, !fl.Testing())
	setEnabled(p.report, !fl.Saving())
	p.showSummary()
	p.showDiagnosis()
	p.showSaved()
}

// showSummary says what was installed where, what was removed, and where
// the backup is.
func (p *donePage) showSummary() {
	w, result := p.w, p.w.flow.Result()
	p.summary.RemoveAll()
	p.summary.Add(heading(w.t("wizard.done.summary")))
	if result == nil || len(result.Done) == 0 {
		p.summary.Add(wrapped(w.t("wizard.done.already")))
		return
	}
	// One label, one line per change: separate labels would each take a
	// padded row and push the rest of the page down.
	var lines []string
	removed := 0
	for _, s := range result.Done {
		switch s.Kind {
		case install.StepAdd:
			lines = append(lines, w.t("wizard.done.added", map[string]string{
				"role": capitalise(w.t("role." + string(s.Role))), "location": s.Location.String(),
			}))
		case install.StepRemove:
			removed++
		}
	}
	if removed > 0 {
		lines = append(lines, w.t("wizard.done.removed", map[string]string{"count": strconv.Itoa(removed)}))
	}
	if result.BackupDir != "" {
		lines = append(lines, w.t("wizard.done.backup"))
	}
	p.summary.Add(wrapped(strings.Join(lines, "\n")))
	if result.BackupDir != "" {
		dir := widget.NewLabelWithStyle(result.BackupDir, fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
		dir.Wrapping = fyne.TextWrapBreak
		dir.Selectable = true
		p.summary.Add(dir)
	}
}

// runTest calls the QRS with the client certificate and root now in the
// store, off the UI thread (it may wait for a timeout).
func (p *donePage) runTest() {
	start(p.w, p.w.flow.ConnectionTest(), p.w.flow.ApplyTest)
	p.w.refresh()
}

// showDiagnosis puts the outcome of the last test in plain words.
func (p *donePage) showDiagnosis() {
	w, d := p.w, p.w.flow.Diagnosis()
	p.detail.SetText("")
	p.detail.Hide()
	switch {
	case p.w.flow.TestErr() != nil:
		p.resultIcon.SetResource(theme.NewErrorThemedResource(theme.ErrorIcon()))
		p.result.Importance = widget.DangerImportance
		p.result.SetText(w.tr.Error(p.w.flow.TestErr()))
	case d == nil:
		p.resultIcon.SetResource(nil)
		p.result.SetText("")
	case d.OK():
		p.resultIcon.SetResource(theme.NewSuccessThemedResource(theme.ConfirmIcon()))
		// The icon carries the colour: green text is hard to read on a
		// light background.
		p.result.Importance = widget.MediumImportance
		p.result.SetText(w.tr.Code(d.Code, d.Params))
		if a := d.About; a != nil {
			p.detail.SetText(w.t("wizard.done.test.about", map[string]string{
				"version": a.BuildVersion, "ms": strconv.FormatInt(d.ElapsedMS, 10),
			}))
			p.detail.Show()
		}
	default:
		p.resultIcon.SetResource(theme.NewErrorThemedResource(theme.ErrorIcon()))
		p.result.Importance = widget.DangerImportance
		p.result.SetText(w.tr.Code(d.Code, d.Params))
		if d.Detail != "" {
			// The technical cause, for the support engineer on the call.
			p.detail.SetText(w.t("wizard.done.test.detail", map[string]string{"detail": d.Detail}))
			p.detail.Show()
		}
	}
	p.result.Refresh()
}

// chooseReportFile asks where to save the support report.
func (p *donePage) chooseReportFile() {
	w := p.w
	filter := fileFilter{desc: w.t("wizard.done.report.filter"), exts: []string{".zip"}}
	w.picker.saveFile(w.t("wizard.done.report"), w.flow.ReportFolder(), w.flow.ReportFileName(), filter, p.saveReport)
}

// saveReport writes the report in the background. It is given no password.
func (p *donePage) saveReport(path string) {
	start(p.w, p.w.flow.SaveReport(path), p.w.flow.ApplySaved)
	p.w.refresh()
}

// showSaved says where the report went, or why it could not be written.
func (p *donePage) showSaved() {
	s := p.w.flow.Saved()
	if s == nil {
		return
	}
	if s.Err != nil {
		p.saved.Importance = widget.DangerImportance
		p.saved.SetText(p.w.tr.Error(s.Err))
	} else {
		p.saved.Importance = widget.SuccessImportance
		p.saved.SetText(p.w.t("wizard.done.report.saved", map[string]string{"file": s.Path}))
	}
	p.saved.Show()
}

// wrapped is a label that wraps.
func wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}
