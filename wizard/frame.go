package wizard

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// frame is what surrounds every page: the demo banner, the step indicator
// on the left, the page's title and introduction, and Cancel / Back / Next
// at the bottom, where installers put them.
type frame struct {
	w         *Wizard
	content   fyne.CanvasObject
	indicator *indicator
	position  *widget.Label // "Step 3 of 6 · Next: Old certificates"
	title     *widget.Label
	intro     *widget.Label
	body      *fyne.Container
	scroll    *container.Scroll
	back      *button
	next      *button
	cancel    *button
}

func newFrame(w *Wizard) *frame {
	f := &frame{w: w}
	f.indicator = newIndicator(w)
	f.position = widget.NewLabel("")
	f.position.SizeName = theme.SizeNameCaptionText
	f.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	f.title.SizeName = theme.SizeNameSubHeadingText
	f.title.Truncation = fyne.TextTruncateEllipsis // a wrapping label asks for two lines before it knows its width
	f.intro = widget.NewLabel("")
	f.intro.Wrapping = fyne.TextWrapWord
	f.body = container.NewStack()
	// The introduction scrolls with the page: at 800x600 the page needs
	// the height more than the sentence does.
	f.scroll = container.NewVScroll(container.NewVBox(f.intro, f.body))

	f.cancel = newButton(w, w.t("wizard.cancel"), nil, w.askCancel)
	f.back = newButton(w, w.t("wizard.back"), theme.NavigateBackIcon(), w.Back)
	f.next = newButton(w, w.t("wizard.next"), theme.NavigateNextIcon(), w.Next)
	f.next.IconPlacement = widget.ButtonIconTrailingText
	f.next.Importance = widget.HighImportance
	buttons := container.NewHBox(f.cancel, layout.NewSpacer(), f.back, f.next)
	footer := container.NewVBox(widget.NewSeparator(), container.NewPadded(buttons))

	header := container.NewVBox(f.position, f.title, widget.NewSeparator())
	page := container.NewBorder(header, nil, nil, nil, f.scroll)
	main := container.NewBorder(nil, footer, nil, nil, container.NewPadded(page))
	body := container.NewBorder(nil, nil, f.indicator.content, nil, main)
	if w.flow.Demo() != nil {
		body = container.NewBorder(demoBanner(w), nil, nil, nil, body)
	}
	f.content = body
	return f
}

// showStep puts step i, drawn by view, in the frame.
func (f *frame) showStep(i int, view fyne.CanvasObject) {
	steps := f.w.steps
	f.title.SetText(f.w.t(steps[i].Title))
	f.intro.SetText(f.w.t(steps[i].Intro))
	pos := map[string]string{"n": strconv.Itoa(i + 1), "total": strconv.Itoa(len(steps))}
	if i+1 < len(steps) {
		pos["next"] = f.w.t(steps[i+1].Name)
		f.position.SetText(f.w.t("wizard.position.next", pos))
	} else {
		f.position.SetText(f.w.t("wizard.position.last", pos))
	}
	f.body.Objects = []fyne.CanvasObject{view}
	f.body.Refresh()
	f.scroll.ScrollToTop()
	f.indicator.show(i)
	f.w.win.Canvas().Unfocus() // so that Enter means Next on the new page
}

// refreshButtons enables Back and Next from the flow's gates.
func (f *frame) refreshButtons() {
	fl := f.w.walk
	s := fl.Step()
	f.title.SetText(f.w.t(fl.Title()))
	f.next.SetText(f.w.t(s.NextLabel))
	if s.Last {
		f.next.SetIcon(theme.ConfirmIcon())
	} else {
		f.next.SetIcon(theme.NavigateNextIcon())
	}
	setEnabled(f.next, fl.CanNext())
	setEnabled(f.back, fl.CanBack())
	setEnabled(f.cancel, !fl.Busy())
	if s.Last {
		f.cancel.Hide()
		f.back.Hide()
	} else {
		f.cancel.Show()
		f.back.Show()
	}
}

// setEnabled enables or disables a widget.
func setEnabled(d fyne.Disableable, on bool) {
	if on {
		d.Enable()
	} else {
		d.Disable()
	}
}

// demoBanner says, on every page, that nothing is changed on this computer.
func demoBanner(w *Wizard) fyne.CanvasObject {
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameWarning))
	text := widget.NewLabelWithStyle(w.t("wizard.demo.banner"), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	text.Wrapping = fyne.TextWrapWord
	return container.NewStack(bg, container.NewBorder(nil, nil, widget.NewIcon(theme.InfoIcon()), nil, text))
}
