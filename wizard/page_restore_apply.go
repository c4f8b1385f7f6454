package wizard

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"qscert/certs/install"
	"qscert/wizard/flow"
)

// restoreApplyPage applies the restore's plan: a progress bar, a line per
// step done, and on failure what was put back, as the install page does.
type restoreApplyPage struct {
	w          *Wizard
	content    fyne.CanvasObject
	progress   *widget.ProgressBar
	statusIcon *widget.Icon
	status     *widget.Label
	log        *fyne.Container
	report     *reportButton
}

func newRestoreApplyPage(w *Wizard, _ flow.Step) page {
	p := &restoreApplyPage{w: w}
	p.progress = widget.NewProgressBar()
	p.statusIcon = widget.NewIcon(theme.InfoIcon())
	p.status = wrapped("")
	p.status.TextStyle.Bold = true
	p.log = container.NewVBox()
	p.report = newReportButton(w)
	p.report.content.Hide()
	p.content = container.NewVBox(
		p.progress,
		container.NewBorder(nil, nil, iconBeside(p.statusIcon), nil, p.status),
		p.report.content,
		box(container.NewVBox(heading(w.t("wizard.install.log")), p.log)),
	)
	return p
}

func (p *restoreApplyPage) view() fyne.CanvasObject { return p.content }

// enter starts the restore, once per plan.
func (p *restoreApplyPage) enter() {
	w := p.w
	progress := func(done, total int, s install.Step) {
		w.onUI(func() {
			w.restore.Progressed(done, total, s)
			w.refresh()
		})
	}
	start(w, w.restore.ApplyDue(progress), w.restore.ApplyResult)
}

func (p *restoreApplyPage) refresh() {
	w, r := p.w, p.w.restore
	done, progress := r.ApplyDone()
	p.log.RemoveAll()
	for _, s := range done {
		row, _ := messageRow(theme.NewSuccessThemedResource(theme.ConfirmIcon()), stepSentence(w, s), widget.MediumImportance)
		p.log.Add(row)
	}
	p.progress.SetValue(progress)
	p.report.content.Hide()
	p.status.Importance = widget.MediumImportance
	switch {
	case r.Applying():
		p.setStatus(theme.DownloadIcon(), w.t("wizard.restore.status.running"))
	case r.ApplyErr() != nil:
		p.setStatus(theme.NewErrorThemedResource(theme.ErrorIcon()), w.tr.Error(r.ApplyErr()))
		p.status.Importance = widget.DangerImportance
		p.status.Refresh()
		if w.flow.CanSaveReport() {
			p.report.refresh()
			p.report.content.Show()
		}
	case r.Applied():
		p.setStatus(theme.NewSuccessThemedResource(theme.ConfirmIcon()), w.t("wizard.restore.status.done"))
	}
}

func (p *restoreApplyPage) setStatus(icon fyne.Resource, text string) {
	p.statusIcon.SetResource(icon)
	p.status.SetText(text)
}

// stepSentence says what a step of the restore did.
func stepSentence(w *Wizard, s install.Step) string {
	return w.t("wizard.restore.step."+string(s.Kind), map[string]string{
		"role": w.t("role." + string(s.Role)), "subject": s.Subject, "location": s.Location.String(),
		"folder": w.flow.ToolFilesFolder(),
	})
}

// restoreDonePage says what the restore put back and removed, and where
// the backup of what it replaced is.
type restoreDonePage struct {
	w       *Wizard
	content *fyne.Container
}

func newRestoreDonePage(w *Wizard, _ flow.Step) page {
	return &restoreDonePage{w: w, content: container.NewVBox()}
}

func (p *restoreDonePage) view() fyne.CanvasObject { return p.content }

func (p *restoreDonePage) enter() {}

func (p *restoreDonePage) refresh() {
	w, res := p.w, p.w.restore.Result()
	p.content.RemoveAll()
	if res == nil {
		return
	}
	added, removed := 0, 0
	for _, s := range res.Done {
		switch s.Kind {
		case install.StepAdd:
			added++
		case install.StepRemove:
			removed++
		}
	}
	lines := []string{w.t("wizard.restore.done.counts", map[string]string{"add": strconv.Itoa(added), "remove": strconv.Itoa(removed)})}
	for _, s := range res.Done {
		lines = append(lines, "• "+stepSentence(w, s))
	}
	text := wrapped(strings.Join(lines, "\n"))
	text.Wrapping = fyne.TextWrapBreak // paths have no spaces to wrap at
	summary := container.NewVBox(heading(w.t("wizard.done.summary")), text)
	if res.BackupDir != "" {
		summary.Add(wrapped(w.t("wizard.restore.done.backup")))
		summary.Add(pathRow(w, res.BackupDir, true))
	}
	p.content.Add(box(summary))
}
