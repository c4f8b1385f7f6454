package wizard

import (
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
}

func newInstallPage(w *Wizard) *installPage {
	p := &installPage{w: w}
	p.progress = widget.NewProgressBar()
	p.statusIcon = widget.NewIcon(theme.InfoIcon())
	p.status = widget.NewLabel("")
	p.status.Wrapping = fyne.TextWrapWord
	p.status.TextStyle.Bold = true
	p.log = container.NewVBox()
	p.content = container.NewVBox(
		p.progress,
		container.NewBorder(nil, nil, iconBeside(p.statusIcon), nil, p.status),
		box(container.NewVBox(heading(w.t("wizard.install.log")), p.log)),
	)
	if st := w.st; st.result != nil { // rebuilt in another language
		for _, s := range st.result.Done {
			p.log.Add(p.stepRow(s))
		}
		if st.installed {
			p.progress.SetValue(1)
		}
	}
	p.show()
	return p
}

func (p *installPage) view() fyne.CanvasObject { return p.content }

// ready: installed.
func (p *installPage) ready() bool { return p.w.st.installed }

// running: steps are being applied; nothing may move away.
func (p *installPage) running() bool { return p.w.st.installing }

// failed: the install stopped (and was rolled back); Back lets the user
// change a choice and try again.
func (p *installPage) failed() bool { return p.w.st.installErr != nil && !p.w.st.installing }

// enter starts the install the first time the page is reached with a plan.
func (p *installPage) enter() {
	st := p.w.st
	if st.installing || st.installed {
		return
	}
	plan := st.plan
	if plan == nil {
		return
	}
	st.installing, st.installErr, st.result = true, nil, nil
	p.log.RemoveAll()
	p.progress.SetValue(0)
	p.show()
	w := p.w
	w.background(func() func() {
		res, err := plan.Apply(func(done, total int, step install.Step) {
			w.onUI(func() {
				p.progress.SetValue(float64(done) / float64(total))
				p.log.Add(p.stepRow(step))
				w.refresh()
			})
		})
		return func() {
			st.installing = false
			st.result, st.installErr = res, err
			st.installed = err == nil
			if err == nil {
				p.progress.SetValue(1)
			}
			p.show()
			w.refresh()
		}
	})
	w.refresh()
}

// stepRow is one line of the log: what was done where.
func (p *installPage) stepRow(s install.Step) fyne.CanvasObject {
	w := p.w
	params := map[string]string{
		"role": w.t("role." + string(s.Role)), "subject": s.Subject, "location": s.Location.String(),
	}
	row, _ := messageRow(theme.NewSuccessThemedResource(theme.ConfirmIcon()), w.t("wizard.install.step."+string(s.Kind), params), widget.MediumImportance)
	return row
}

// show draws the state of the install.
func (p *installPage) show() {
	w, st := p.w, p.w.st
	switch {
	case st.installing:
		p.setStatus(theme.DownloadIcon(), w.t("wizard.install.status.running"))
	case st.installErr != nil:
		// install-rolled-back and rollback-failed say what was put back
		// and where the backup is.
		p.setStatus(theme.NewErrorThemedResource(theme.ErrorIcon()), w.tr.Error(st.installErr))
		p.status.Importance = widget.DangerImportance
		p.status.Refresh()
	case st.installed && st.plan != nil && st.plan.Empty():
		p.setStatus(theme.NewSuccessThemedResource(theme.ConfirmIcon()), w.t("wizard.install.status.already"))
	case st.installed:
		p.setStatus(theme.NewSuccessThemedResource(theme.ConfirmIcon()), w.t("wizard.install.status.done"))
	case st.plan == nil:
		p.setStatus(theme.NewErrorThemedResource(theme.ErrorIcon()), w.t("wizard.install.status.noplan"))
	}
}

func (p *installPage) setStatus(icon fyne.Resource, text string) {
	p.statusIcon.SetResource(icon)
	p.status.Importance = widget.MediumImportance
	p.status.SetText(text)
}
