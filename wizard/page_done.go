package wizard

import (
	"strconv"
	"strings"

	"qscert/assets/i18n"
	"qscert/wizard/flow"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"qscert/certs/install"
)

// donePage sums up the install, says where the backup is, and proves the
// result with a call to the QRS using what is now in the store, with the
// diagnosis in plain words when it fails. The test runs once on its own
// when the page opens; the host and port can be corrected here and the
// test run again, since a typo in the host shows only now. "Save support
// report" writes the zip a support engineer asks for.
type donePage struct {
	w       *Wizard
	content fyne.CanvasObject

	host       *entry
	port       *entry
	what       *widget.Label // what the test calls
	forWhom    *widget.Label // whom it is for: the account it runs as, or the machine's key
	keyAccess  *fyne.Container
	summary    *fyne.Container
	test       *button
	testing    *widget.ProgressBarInfinite
	resultIcon *widget.Icon
	result     *widget.Label
	detail     *widget.Label
	report     *reportButton
	running    bool // the spinner shows a test running

	retest debouncer
}

func newDonePage(w *Wizard, s flow.Step) page {
	p := &donePage{w: w, retest: debouncer{w: w}}
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
	p.what = wrapped("")
	p.forWhom = wrapped("")
	p.keyAccess = container.NewVBox()

	var items []*widget.FormItem
	for _, f := range s.Fields {
		e := fieldEntry(w, f, p.changed)
		e.onEnter = p.runTest // Enter in the host tests, it does not finish
		switch f.ID {
		case flow.FieldHost:
			p.host = e
		case flow.FieldPort:
			p.port = e
		}
		items = append(items, fieldItem(w, f, e))
	}
	p.report = newReportButton(w)

	testBox := box(container.NewVBox(
		heading(w.t("wizard.done.test.title")),
		p.what,
		p.forWhom,
		widget.NewForm(items...),
		container.NewHBox(p.test),
		p.testing,
		container.NewBorder(nil, nil, iconBeside(p.resultIcon), nil, container.NewVBox(p.result, p.detail)),
		p.keyAccess,
	))
	// The test first: it is what this page is for, and its outcome must be
	// in view without scrolling.
	p.content = container.NewVBox(testBox, box(p.summary), p.report.box())
	p.showSummary()
	p.showDiagnosis()
	return p
}

func (p *donePage) view() fyne.CanvasObject { return p.content }

// enter runs the test once on its own: it is what the user came for.
func (p *donePage) enter() { p.startDueTest() }

// changed follows a host or port typed: the result shown is for the old
// one, and the test runs again after a pause in typing.
func (p *donePage) changed() {
	p.w.refresh()
	p.retest.schedule(p.startDueTest)
}

// startDueTest runs the test the flow has due (none while one runs: when
// that one ends, stale, the next is started).
func (p *donePage) startDueTest() {
	fl := p.w.flow
	start(p.w, fl.TestDue(), p.applyTest)
	p.w.refresh()
}

// applyTest stores a test's outcome and starts the one due when the host
// changed while it ran.
func (p *donePage) applyTest(t flow.Tested) bool {
	fresh := p.w.flow.ApplyTest(t)
	if !fresh {
		p.startDueTest()
	}
	return fresh
}

// runTest is the button (and Enter in the fields): test again now.
func (p *donePage) runTest() {
	if flow.HostProblem(p.w.flow.Host()) != "" || p.w.flow.Port() == 0 {
		return
	}
	start(p.w, p.w.flow.ConnectionTest(), p.applyTest)
	p.w.refresh()
}

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
	setEnabled(p.test, !fl.Testing() && flow.HostProblem(fl.Host()) == "" && fl.Port() != 0)
	p.what.SetText(p.w.t("wizard.done.test.what", map[string]string{"host": orDash(p.w, fl.Host()), "port": strconv.Itoa(fl.Port())}))
	p.forWhom.SetText(p.w.testedForText())
	show(p.forWhom, p.forWhom.Text != "")
	p.keyAccess.Objects = p.w.testFindingRows()
	p.keyAccess.Refresh()
	p.showSummary()
	p.showDiagnosis()
	p.report.refresh()
}

// showSummary says what was installed where, what was removed, and where
// the backup is, with buttons to copy its path and open it.
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
				"role": i18n.Capitalise(w.t("role." + string(s.Role))), "location": s.Location.String(),
			}))
		case install.StepRemove:
			removed++
		case install.StepPublish:
			lines = append(lines, w.t("wizard.done.published", map[string]string{"folder": w.flow.ToolFilesFolder()}))
		}
	}
	if removed > 0 {
		lines = append(lines, w.t("wizard.done.removed", map[string]string{"count": strconv.Itoa(removed)}))
	}
	forAccount, accountBackups := w.accountSummary(result)
	lines = append(lines, forAccount...)
	if result.BackupDir != "" {
		lines = append(lines, w.t("wizard.done.backup"))
	}
	p.summary.Add(wrapped(strings.Join(lines, "\n")))
	if result.BackupDir != "" {
		p.summary.Add(pathRow(w, result.BackupDir, true))
	}
	for _, o := range accountBackups { // in the account's own profile
		p.summary.Add(o)
	}
}

// showDiagnosis puts the outcome of the last test in plain words.
func (p *donePage) showDiagnosis() {
	w, fl := p.w, p.w.flow
	d := fl.Diagnosis()
	p.detail.SetText("")
	p.detail.Hide()
	switch {
	case fl.TestErr() != nil:
		p.resultIcon.SetResource(theme.NewErrorThemedResource(theme.ErrorIcon()))
		p.result.Importance = widget.DangerImportance
		p.result.SetText(w.tr.Error(fl.TestErr()))
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

// saveReport writes the report in the background. It is given no password.
func (p *donePage) saveReport(path string) { p.report.save(path) }

// wrapped is a label that wraps.
func wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}
