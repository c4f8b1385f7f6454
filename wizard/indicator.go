package wizard

import (
	"image/color"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"qscert/assets"
)

// indicator is the column on the left that lists the steps: done ones
// ticked, the current one highlighted, the ones to come numbered. It tells
// where you are and what comes next at a glance, as installers do.
type indicator struct {
	w       *Wizard
	content fyne.CanvasObject
	rows    []*indicatorRow
	about   *button
}

type indicatorRow struct {
	bg     *canvas.Rectangle
	circle *canvas.Circle
	number *canvas.Text
	tick   *widget.Icon
	label  *widget.Label
}

// indicatorWidth keeps the column narrow enough for the pages at 800x600
// and wide enough for the longest French step name.
const indicatorWidth = 190

func newIndicator(w *Wizard) *indicator {
	in := &indicator{w: w}
	logo := canvas.NewImageFromResource(fyne.NewStaticResource("logo.png", assets.LogoPNG))
	logo.FillMode = canvas.ImageFillContain
	logo.SetMinSize(fyne.NewSquareSize(56))
	product := widget.NewLabelWithStyle(w.t("wizard.product"), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	product.Wrapping = fyne.TextWrapWord
	items := []fyne.CanvasObject{container.NewCenter(logo), product, widget.NewSeparator()}
	for i, s := range w.steps {
		r := newIndicatorRow(i, w.t(s.Name))
		in.rows = append(in.rows, r)
		items = append(items, r.object())
	}
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameHeaderBackground))
	in.about = aboutButton(w)
	items = append(items, widget.NewSeparator(), in.about)
	column := container.NewVBox(items...)
	spacer := canvas.NewRectangle(color.Transparent)
	spacer.SetMinSize(fyne.NewSize(indicatorWidth, 0))
	// It scrolls: at 150 % display scaling a small laptop's screen is
	// shorter than the list of steps.
	in.content = container.NewStack(bg, spacer, container.NewVScroll(container.NewPadded(column)))
	return in
}

func newIndicatorRow(i int, name string) *indicatorRow {
	r := &indicatorRow{
		bg:     canvas.NewRectangle(color.Transparent),
		circle: canvas.NewCircle(color.Transparent),
		number: canvas.NewText(strconv.Itoa(i+1), theme.Color(theme.ColorNameForeground)),
		tick:   widget.NewIcon(theme.NewColoredResource(theme.ConfirmIcon(), theme.ColorNameForegroundOnSuccess)),
		label:  widget.NewLabel(name),
	}
	r.bg.CornerRadius = theme.InputRadiusSize()
	r.circle.StrokeWidth = 1.5
	r.number.Alignment = fyne.TextAlignCenter
	r.number.TextStyle.Bold = true
	r.label.Wrapping = fyne.TextWrapWord
	return r
}

func (r *indicatorRow) object() fyne.CanvasObject {
	size := theme.IconInlineSize() + theme.InnerPadding()/2
	holder := canvas.NewRectangle(color.Transparent)
	holder.SetMinSize(fyne.NewSquareSize(size))
	marker := container.NewStack(holder, r.circle, container.NewCenter(r.number), r.tick)
	return container.NewStack(r.bg, container.NewBorder(nil, nil, container.NewCenter(marker), nil, r.label))
}

// show marks step current.
func (in *indicator) show(current int) {
	primary := theme.Color(theme.ColorNamePrimary)
	for i, r := range in.rows {
		switch {
		case i < current: // done
			r.circle.FillColor = theme.Color(theme.ColorNameSuccess)
			r.circle.StrokeColor = r.circle.FillColor
			r.number.Hide()
			r.tick.Show()
			r.label.TextStyle.Bold = false
			r.label.Importance = widget.MediumImportance
			r.bg.FillColor = color.Transparent
		case i == current:
			r.circle.FillColor = primary
			r.circle.StrokeColor = primary
			r.number.Color = theme.Color(theme.ColorNameForegroundOnPrimary)
			r.number.Show()
			r.tick.Hide()
			r.label.TextStyle.Bold = true
			r.label.Importance = widget.MediumImportance
			r.bg.FillColor = theme.Color(theme.ColorNameSelection)
		default: // to come
			r.circle.FillColor = color.Transparent
			r.circle.StrokeColor = theme.Color(theme.ColorNameDisabled)
			r.number.Color = theme.Color(theme.ColorNameDisabled)
			r.number.Show()
			r.tick.Hide()
			r.label.TextStyle.Bold = false
			r.label.Importance = widget.MediumImportance
			r.bg.FillColor = color.Transparent
		}
		r.circle.Refresh()
		r.number.Refresh()
		r.bg.Refresh()
		r.label.Refresh()
	}
}
