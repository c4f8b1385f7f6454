package wizard

import (
	"qscert/wizard/flow"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"qscert/certs/install"
)

// installPage applies the plan: a progress bar, a line per step done, and
// on failure the rollback's outcome in plain words. The plan undoes itself
// when a step fails; the page only reports.
type installPage struct {
	w          *Wizard
	content    fyne.CanvasObject
	progress   *widget.ProgressBar
	statusIcon *widget.Icon
	status     *widget.Label
	log        *fyne.Container
	report     *reportButton // offered when the install failed
	stop       *stopRow      // while the account step's child runs
}

func newInstallPage(w *Wizard, _ flow.Step) page {
	p := &installPage{w: w}
	p.progress = widget.NewProgressBar()
	p.statusIcon = widget.NewIcon(theme.InfoIcon())
	p.status = widget.NewLabel("")
	p.status.Wrapping = fyne.TextWrapWord
	p.status.TextStyle.Bold = true
	p.log = container.NewVBox()
	p.report = newReportButton(w)
	p.report.content.Hide()
	p.stop = newStopRow(w)
	p.content = container.NewVBox(
		p.progress,
		container.NewBorder(nil, nil, iconBeside(p.statusIcon), nil, p.status),
		p.stop.content,
		p.report.content,
		box(container.NewVBox(heading(w.t("wizard.install.log")), p.log)),
	)
	p.refresh()
	return p
}

func (p *installPage) view() fyne.CanvasObject { return p.content }

// enter starts the install the first time the page is reached with a
// plan. Each step applied is drawn as it is done.
func (p *installPage) enter() {
	w := p.w
	progress := func(done, total int, s install.Step) {
		w.onUI(func() {
			w.flow.Progressed(done, total, s)
			w.refresh()
		})
	}
	start(w, w.flow.InstallDue(progress), w.flow.ApplyInstall)
}

func (p *installPage) refresh() {
	done, progress := p.w.flow.InstallDone()
	p.log.RemoveAll()
	// What the account step's child did, as the account: under the
	// account step once it is done, at the end while it runs.
	child := p.w.childRows()
	for _, s := range done {
		p.log.Add(p.stepRow(s))
		if s.Kind == install.StepAccount {
			p.log.Objects = append(p.log.Objects, child...)
			child = nil
		}
	}
	p.log.Objects = append(p.log.Objects, child...)
	p.log.Refresh()
	p.stop.refresh()
	p.progress.SetValue(progress)
	p.show()
}

// stepRow is one line of the log: what was done where.
func (p *installPage) stepRow(s install.Step) fyne.CanvasObject {
	w := p.w
	params := stepParams(w, s)
	row, _ := messageRow(theme.NewSuccessThemedResource(theme.ConfirmIcon()), w.t("wizard.install.step."+string(s.Kind), params), widget.MediumImportance)
	return row
}

// show draws the state of the install.
func (p *installPage) show() {
	w, fl := p.w, p.w.flow
	p.report.content.Hide()
	switch {
	case fl.Installing():
		p.setStatus(theme.DownloadIcon(), w.t("wizard.install.status.running"))
	case fl.InstallErr() != nil:
		// install-rolled-back and rollback-failed say what was put back
		// and where the backup is.
		p.setStatus(theme.NewErrorThemedResource(theme.ErrorIcon()), w.tr.Error(fl.InstallErr()))
		p.status.Importance = widget.DangerImportance
		p.status.Refresh()
		if fl.CanSaveReport() {
			p.report.refresh()
			p.report.content.Show()
		}
	case fl.Installed() && fl.Plan() != nil && fl.Plan().Empty():
		p.setStatus(theme.NewSuccessThemedResource(theme.ConfirmIcon()), w.t("wizard.install.status.already"))
	case fl.Installed():
		p.setStatus(theme.NewSuccessThemedResource(theme.ConfirmIcon()), w.t("wizard.install.status.done"))
	case fl.Plan() == nil:
		p.setStatus(theme.NewErrorThemedResource(theme.ErrorIcon()), w.t("wizard.install.status.noplan"))
	}
}

func (p *installPage) setStatus(icon fyne.Resource, text string) {
	p.statusIcon.SetResource(icon)
	p.status.Importance = widget.MediumImportance
	p.status.SetText(text)
}
