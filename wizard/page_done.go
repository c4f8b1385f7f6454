package wizard

import (
	"context"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"qscert/certs/install"
	"qscert/certs/qrs"
)

// donePage sums up the install, says where the backup is, and proves the
// result with a call to the QRS using what is now in the store, with the
// diagnosis in plain words when it fails. "Save support report" writes the
// zip a support engineer asks for.
type donePage struct {
	w       *Wizard
	content fyne.CanvasObject

	summary    *fyne.Container
	test       *widget.Button
	testing    *widget.ProgressBarInfinite
	resultIcon *widget.Icon
	result     *widget.Label
	detail     *widget.Label
	report     *widget.Button
	saved      *widget.Label
}

func newDonePage(w *Wizard) *donePage {
	p := &donePage{w: w}
	p.summary = container.NewVBox()
	p.test = widget.NewButtonWithIcon(w.t("wizard.done.test"), theme.MediaPlayIcon(), p.runTest)
	p.test.Importance = widget.HighImportance
	p.testing = widget.NewProgressBarInfinite()
	p.testing.Hide()
	p.resultIcon = widget.NewIcon(nil)
	p.result = widget.NewLabel("")
	p.result.Wrapping = fyne.TextWrapWord
	p.result.TextStyle.Bold = true
	p.detail = widget.NewLabel("")
	p.detail.Wrapping = fyne.TextWrapWord
	p.report = widget.NewButtonWithIcon(w.t("wizard.done.report"), theme.DocumentSaveIcon(), p.chooseReportFile)
	if w.deps.SaveReport == nil {
		p.report.Hide()
	}
	p.saved = widget.NewLabel("")
	p.saved.Wrapping = fyne.TextWrapWord
	p.saved.Hide()

	testBox := box(container.NewVBox(
		heading(w.t("wizard.done.test.title")),
		wrapped(w.t("wizard.done.test.what", map[string]string{"host": w.st.host})),
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
	if w.deps.SaveReport == nil {
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

func (p *donePage) enter() {
	p.showSummary()
	p.showDiagnosis()
}

// showSummary says what was installed where, what was removed, and where
// the backup is.
func (p *donePage) showSummary() {
	w, st := p.w, p.w.st
	p.summary.RemoveAll()
	p.summary.Add(heading(w.t("wizard.done.summary")))
	if st.result == nil || len(st.result.Done) == 0 {
		p.summary.Add(wrapped(w.t("wizard.done.already")))
		return
	}
	// One label, one line per change: separate labels would each take a
	// padded row and push the rest of the page down.
	var lines []string
	removed := 0
	for _, s := range st.result.Done {
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
	if st.result.BackupDir != "" {
		lines = append(lines, w.t("wizard.done.backup"))
	}
	p.summary.Add(wrapped(strings.Join(lines, "\n")))
	if st.result.BackupDir != "" {
		dir := widget.NewLabelWithStyle(st.result.BackupDir, fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
		dir.Wrapping = fyne.TextWrapBreak
		dir.Selectable = true
		p.summary.Add(dir)
	}
}

// runTest calls the QRS with the client certificate and root now in the
// store, off the UI thread (it may wait for a timeout).
func (p *donePage) runTest() {
	w, st := p.w, p.w.st
	p.test.Disable()
	p.testing.Show()
	p.testing.Start()
	st.diagnosis, st.testErr = nil, nil
	p.showDiagnosis()
	opts := qrs.Options{Host: st.host, Address: w.deps.QRSAddress, Timeout: w.deps.QRSTimeout, Now: w.deps.Now}
	s := w.deps.Store
	now := w.deps.Now()
	w.background(func() func() {
		var d *qrs.Diagnosis
		var err error
		if s == nil {
			err = w.deps.StoreErr
		} else {
			var id *qrs.Identity
			if id, err = qrs.IdentityFromStore(s, now); err == nil {
				d = qrs.Test(context.Background(), id, opts)
				id.Close()
			}
		}
		return func() {
			st.diagnosis, st.testErr = d, err
			p.testing.Stop()
			p.testing.Hide()
			p.test.Enable()
			p.showDiagnosis()
			w.refresh()
		}
	})
}

// showDiagnosis puts the outcome of the last test in plain words.
func (p *donePage) showDiagnosis() {
	w, st := p.w, p.w.st
	p.detail.SetText("")
	p.detail.Hide()
	switch {
	case st.testErr != nil:
		p.resultIcon.SetResource(theme.NewErrorThemedResource(theme.ErrorIcon()))
		p.result.Importance = widget.DangerImportance
		p.result.SetText(w.tr.Error(st.testErr))
	case st.diagnosis == nil:
		p.resultIcon.SetResource(nil)
		p.result.SetText("")
	case st.diagnosis.OK():
		p.resultIcon.SetResource(theme.NewSuccessThemedResource(theme.ConfirmIcon()))
		// The icon carries the colour: green text is hard to read on a
		// light background.
		p.result.Importance = widget.MediumImportance
		p.result.SetText(w.tr.Code(st.diagnosis.Code, st.diagnosis.Params))
		if a := st.diagnosis.About; a != nil {
			p.detail.SetText(w.t("wizard.done.test.about", map[string]string{
				"version": a.BuildVersion, "ms": strconv.FormatInt(st.diagnosis.ElapsedMS, 10),
			}))
			p.detail.Show()
		}
	default:
		p.resultIcon.SetResource(theme.NewErrorThemedResource(theme.ErrorIcon()))
		p.result.Importance = widget.DangerImportance
		p.result.SetText(w.tr.Code(st.diagnosis.Code, st.diagnosis.Params))
		if st.diagnosis.Detail != "" {
			// The technical cause, for the support engineer on the call.
			p.detail.SetText(w.t("wizard.done.test.detail", map[string]string{"detail": st.diagnosis.Detail}))
			p.detail.Show()
		}
	}
	p.result.Refresh()
}

// chooseReportFile asks where to save the support report.
func (p *donePage) chooseReportFile() {
	w := p.w
	d := dialog.NewFileSave(func(f fyne.URIWriteCloser, err error) {
		if err != nil || f == nil {
			return
		}
		path := f.URI().Path()
		_ = f.Close() // the report is written beside it and renamed into place
		p.saveReport(path)
	}, w.win)
	d.SetFileName(fmt.Sprintf("qscert-report-%s.zip", w.deps.Now().Format("20060102-1504")))
	d.SetFilter(storage.NewExtensionFileFilter([]string{".zip"}))
	d.SetTitleText(w.t("wizard.done.report"))
	d.SetConfirmText(w.t("wizard.done.report.save"))
	d.SetDismissText(w.t("wizard.cancel"))
	if dir := w.st.folder; dir != "" {
		if l, err := storage.ListerForURI(storage.NewFileURI(filepath.Dir(dir))); err == nil {
			d.SetLocation(l)
		}
	}
	d.Resize(w.win.Canvas().Size())
	d.Show()
}

// saveReport writes the report in the background. It is given no password.
func (p *donePage) saveReport(path string) {
	w, st := p.w, p.w.st
	in := ReportInput{
		Lang: w.Lang(), Folder: st.folder, Host: st.host, Report: st.report,
		Diagnosis: st.diagnosis, TestErr: st.testErr, InstallErr: st.installErr,
	}
	if st.result != nil {
		in.BackupDir = st.result.BackupDir
	}
	save := w.deps.SaveReport
	p.report.Disable()
	w.background(func() func() {
		err := save(path, in)
		return func() {
			p.report.Enable()
			if err != nil {
				p.saved.Importance = widget.DangerImportance
				p.saved.SetText(w.tr.Error(err))
			} else {
				p.saved.Importance = widget.SuccessImportance
				p.saved.SetText(w.t("wizard.done.report.saved", map[string]string{"file": path}))
			}
			p.saved.Show()
			w.refresh()
		}
	})
}

// wrapped is a label that wraps.
func wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}
