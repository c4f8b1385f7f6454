package wizard

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"qscert/certs/central"
	"qscert/wizard/flow"
)

// recreateRunPage runs steps 2 to 7 (or goes on with a stopped procedure,
// or restores it) with the seven steps in a row and the live log: what
// each step does and the bootstrap's output, as it comes. A step that
// fails stops the procedure: the page says where, what state the machine
// is in, and offers to go on (after duplicates: redo from step 3) or to
// restore the backup. Nothing here stops a step halfway.
type recreateRunPage struct {
	w          *Wizard
	content    fyne.CanvasObject
	dots       *stepDots
	statusIcon *widget.Icon
	status     *widget.Label
	stopped    *fyne.Container // the failure, and Resume / Restore
	stoppedFor error           // the failure the buttons were drawn for
	folder     *fyne.Container
	folderFor  string
	log        *widget.RichText // one paragraph per event: no padding between lines
	logScroll  *container.Scroll
	shown      int // events drawn so far, of all told
}

// logHeight is the log's height: a dozen lines, and the page still fits
// 800x600.
const logHeight = 190

func newRecreateRunPage(w *Wizard, _ flow.Step) page {
	p := &recreateRunPage{w: w, dots: newStepDots(w)}
	p.statusIcon = widget.NewIcon(theme.InfoIcon())
	p.status = wrapped("")
	p.status.TextStyle.Bold = true
	p.stopped = container.NewVBox()
	p.folder = container.NewVBox()
	p.log = widget.NewRichText()
	p.log.Wrapping = fyne.TextWrapWord
	p.logScroll = container.NewVScroll(p.log)
	holder := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	holder.SetMinSize(fyne.NewSize(0, logHeight))
	logBox := container.NewStack(holder, container.NewThemeOverride(p.logScroll, readableStatusText(theme.Current())))
	p.content = container.NewVBox(
		w.simulatedRow(),
		p.dots.content,
		container.NewBorder(nil, nil, iconBeside(p.statusIcon), nil, p.status),
		p.stopped,
		heading(w.t("wizard.recreate.log")),
		logBox,
		p.folder,
	)
	return p
}

func (p *recreateRunPage) view() fyne.CanvasObject { return p.content }

// enter starts the run the step waits for: the procedure the first time,
// then what Resume or Restore asked for. Each event is drawn as it comes.
func (p *recreateRunPage) enter() {
	w := p.w
	tell := func(e central.Event) {
		w.onUI(func() {
			w.recreate.Told(e)
			w.refresh()
		})
	}
	start(w, w.recreate.RunDue(tell), w.recreate.ApplyRan)
}

func (p *recreateRunPage) refresh() {
	w, r := p.w, p.w.recreate
	p.dots.show(r.StepDone, r.CurrentStep(), r.Running())
	p.appendLog()
	p.showStopped()
	switch {
	case r.Running() && r.Restoring():
		p.setStatus(theme.HistoryIcon(), w.t("wizard.recreate.run.status.restoring"), widget.MediumImportance)
	case r.Running():
		p.setStatus(theme.MediaPlayIcon(), w.t("wizard.recreate.run.status.running"), widget.MediumImportance)
	case r.Restored() && r.RestoreResult().Nothing:
		p.setStatus(theme.NewSuccessThemedResource(theme.ConfirmIcon()), w.t("wizard.recreate.run.status.nothing"), widget.MediumImportance)
	case r.Restored():
		p.setStatus(theme.NewSuccessThemedResource(theme.ConfirmIcon()), w.t("wizard.recreate.run.status.restored"), widget.MediumImportance)
	case r.Done():
		p.setStatus(theme.NewSuccessThemedResource(theme.ConfirmIcon()), w.t("wizard.recreate.run.status.done"), widget.MediumImportance)
	case r.RunErr() != nil:
		p.setStatus(theme.NewErrorThemedResource(theme.ErrorIcon()), w.tr.Error(r.RunErr()), widget.DangerImportance)
	default:
		p.setStatus(theme.MediaPlayIcon(), w.t("wizard.recreate.run.status.waiting"), widget.MediumImportance)
	}
	if dir := r.LogFolder(); dir != p.folderFor {
		p.folderFor = dir
		p.folder.RemoveAll()
		if dir != "" {
			p.folder.Add(heading(w.t("wizard.recreate.run.folder")))
			p.folder.Add(pathRow(w, dir, true))
		}
	}
}

// appendLog adds the events told since the last refresh, keeping at most
// flow.MaxLogEvents lines, and follows the end.
func (p *recreateRunPage) appendLog() {
	r := p.w.recreate
	if r.LogTotal() == p.shown {
		return
	}
	events, skipped := r.Log()
	from := max(p.shown-skipped, 0)
	if p.shown == 0 && skipped > 0 {
		p.log.Segments = append(p.log.Segments, p.line(p.w.t("wizard.recreate.log.skipped", map[string]string{"count": strconv.Itoa(skipped)}), central.EventInfo))
	}
	for _, e := range events[min(from, len(events)):] {
		p.log.Segments = append(p.log.Segments, p.line(e.Sentence(p.w.tr), e.Kind))
	}
	p.shown = r.LogTotal()
	if extra := len(p.log.Segments) - flow.MaxLogEvents; extra > 0 {
		p.log.Segments = append([]widget.RichTextSegment(nil), p.log.Segments[extra:]...)
	}
	p.log.Refresh()
	p.logScroll.ScrollToBottom()
}

// line is one line of the log: the bootstrap's output in monospace, a
// step in bold, a warning or an error in their colours.
func (p *recreateRunPage) line(text string, kind central.EventKind) widget.RichTextSegment {
	style := widget.RichTextStyle{SizeName: theme.SizeNameCaptionText, ColorName: theme.ColorNameForeground}
	switch kind {
	case central.EventOutput:
		style.TextStyle.Monospace = true
		style.ColorName = theme.ColorNamePlaceHolder
		text = "│ " + text
	case central.EventStep:
		style.TextStyle.Bold = true
	case central.EventWarning:
		style.ColorName = theme.ColorNameWarning
	case central.EventError:
		style.ColorName = theme.ColorNameError
	case central.EventDone:
		style.ColorName = theme.ColorNameSuccess
	}
	return &widget.TextSegment{Text: text, Style: style}
}

// showStopped offers, after a stop, to go on or to restore.
func (p *recreateRunPage) showStopped() {
	w, r := p.w, p.w.recreate
	var now error
	if r.CanResume() {
		now = r.RunErr()
	}
	if now == p.stoppedFor {
		return // drawn already: buttons drawn again would lose the focus
	}
	p.stoppedFor = now
	p.stopped.RemoveAll()
	if now != nil {
		p.stopped.Add(recreateStopButtons(w, w.show))
	}
}

// recreateStopButtons are Go on (or Redo from step 3) and Restore, for a
// procedure that stopped; then shows the run page again.
func recreateStopButtons(w *Wizard, then func()) fyne.CanvasObject {
	r := w.recreate
	label, hint := w.t("wizard.recreate.resume"), ""
	if r.RedoFromDelete() {
		label, hint = w.t("wizard.recreate.redo"), w.t("wizard.recreate.run.redo.hint")
	}
	resume := newButton(w, label, theme.MediaReplayIcon(), func() {
		if r.Resume() {
			then()
		}
	})
	resume.Importance = widget.HighImportance
	row := container.NewHBox(resume)
	if r.CanRestore() {
		row.Add(newButton(w, w.t("wizard.recreate.restore"), theme.HistoryIcon(), func() {
			if r.Restore() {
				then()
			}
		}))
	}
	out := container.NewVBox(row)
	if hint != "" {
		l := wrapped(hint)
		l.SizeName = theme.SizeNameCaptionText
		out.Add(l)
	}
	return out
}

func (p *recreateRunPage) setStatus(icon fyne.Resource, text string, imp widget.Importance) {
	p.statusIcon.SetResource(icon)
	p.status.Importance = imp
	p.status.SetText(text)
}
