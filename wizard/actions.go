package wizard

import (
	"net/url"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// copyButton copies value to the clipboard and says so beside itself,
// where the eye is, rather than at the bottom of a card. feedback is the
// sentence it shows (done is called after the copy, e.g. to redraw).
type copyButton struct {
	*button
	said *widget.Label
}

func newCopyButton(w *Wizard, value func() string, feedback func(value string) string) *copyButton {
	c := &copyButton{said: widget.NewLabel("")}
	c.said.Importance = widget.SuccessImportance
	c.said.Hide()
	c.button = newButton(w, w.t("wizard.copy"), theme.ContentCopyIcon(), func() {
		v := value()
		fyne.CurrentApp().Clipboard().SetContent(v)
		if w.copied != nil && w.copied != c.said {
			w.copied.Hide() // one "Copied" at a time: the last one
		}
		c.said.SetText(feedback(v))
		c.said.Show()
		w.copied = c.said
	})
	c.Importance = widget.LowImportance
	return c
}

// object is the feedback, then the button: put it at the right of a row.
func (c *copyButton) object() fyne.CanvasObject {
	return container.NewHBox(c.said, c.button)
}

// copiedShort is the feedback of a copy button beside a value.
func copiedShort(w *Wizard) func(string) string {
	return func(string) string { return w.t("wizard.copied.short") }
}

// pathRow shows a folder in full (it wraps; it is never cut to "…/bac"),
// with Copy and, when open is set, a button that opens it in the file
// manager.
func pathRow(w *Wizard, path string, open bool) fyne.CanvasObject {
	l := widget.NewLabelWithStyle(path, fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
	l.Wrapping = fyne.TextWrapBreak
	l.Selectable = true
	cp := newCopyButton(w, func() string { return path }, copiedShort(w))
	buttons := container.NewHBox(cp.said, cp.button)
	if open {
		b := newButton(w, w.t("wizard.open.folder"), theme.FolderOpenIcon(), func() { w.openFolder(path) })
		b.Importance = widget.LowImportance
		buttons.Add(b)
	}
	return container.NewVBox(l, container.NewHBox(buttons))
}

// openFolder shows a folder in the system's file manager (Explorer).
func (w *Wizard) openFolder(dir string) {
	u, err := url.Parse(storage.NewFileURI(filepath.Clean(dir)).String())
	if err == nil {
		err = w.openURL(u)
	}
	if err != nil {
		w.showError(err)
	}
}

// reportButton is "Save support report…" with what came of it beside it:
// where the zip went, or why it could not be written. Every page that can
// end badly has one; they share the flow's state.
type reportButton struct {
	w      *Wizard
	button *button
	saved  *widget.Label
	// opens the folder the report went to
	show    *button
	content *fyne.Container
}

func newReportButton(w *Wizard) *reportButton {
	r := &reportButton{w: w}
	r.button = newButton(w, w.t("wizard.done.report"), theme.DocumentSaveIcon(), r.choose)
	r.saved = widget.NewLabel("")
	r.saved.Wrapping = fyne.TextWrapWord
	r.saved.Hide()
	r.show = newButton(w, w.t("wizard.open.folder"), theme.FolderOpenIcon(), func() {
		if s := w.flow.Saved(); s != nil && s.Err == nil {
			w.openFolder(filepath.Dir(s.Path))
		}
	})
	r.show.Importance = widget.LowImportance
	r.show.Hide()
	r.content = container.NewBorder(nil, nil, r.button, r.show, r.saved)
	if !w.flow.CanSaveReport() {
		r.content.Hide()
	}
	return r
}

// box is the report's card: a title, what it holds, the button.
func (r *reportButton) box() fyne.CanvasObject {
	b := box(container.NewVBox(
		heading(r.w.t("wizard.done.report.title")),
		wrapped(r.w.t("wizard.done.report.what")),
		r.content,
	))
	if !r.w.flow.CanSaveReport() {
		b.Hide()
	}
	return b
}

// choose asks where to save the support report: in the user's Documents
// (or Desktop), never in the demo's sandbox, which goes on exit.
func (r *reportButton) choose() {
	w := r.w
	filter := fileFilter{desc: w.t("wizard.done.report.filter"), exts: []string{".zip"}}
	w.picker.saveFile(w.t("wizard.done.report"), w.flow.ReportFolder(), w.flow.ReportFileName(), filter, r.save)
}

// save writes the report in the background. It is given no password.
func (r *reportButton) save(path string) {
	start(r.w, r.w.flow.SaveReport(path), r.w.flow.ApplySaved)
	r.w.refresh()
}

// refresh says where the report went, or why it could not be written.
func (r *reportButton) refresh() {
	w := r.w
	setEnabled(r.button, !w.flow.Saving())
	s := w.flow.Saved()
	if s == nil {
		return
	}
	if s.Err != nil {
		r.saved.Importance = widget.DangerImportance
		r.saved.SetText(w.tr.Error(s.Err))
		r.show.Hide()
	} else {
		r.saved.Importance = widget.SuccessImportance
		r.saved.SetText(w.t("wizard.done.report.saved", map[string]string{"file": s.Path}))
		r.show.Show()
	}
	r.saved.Show()
}
