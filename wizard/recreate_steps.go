package wizard

import (
	"image/color"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"qscert/certs/central"
)

// stepDots is the procedure's seven steps in a row: done ones ticked, the
// one under way highlighted, the ones to come numbered; under them, the
// name of the step under way. It takes one line where seven rows would
// push the log off an 800x600 window.
type stepDots struct {
	w       *Wizard
	content fyne.CanvasObject
	dots    []*stepDot
	name    *widget.Label
}

type stepDot struct {
	circle *canvas.Circle
	number *canvas.Text
	tick   *widget.Icon
}

func newStepDots(w *Wizard) *stepDots {
	s := &stepDots{w: w, name: widget.NewLabel("")}
	s.name.Wrapping = fyne.TextWrapWord
	row := container.NewHBox()
	for i := range central.Steps {
		d := &stepDot{circle: canvas.NewCircle(color.Transparent), number: canvas.NewText(strconv.Itoa(i+1), theme.Color(theme.ColorNameForeground)),
			tick: widget.NewIcon(theme.NewColoredResource(theme.ConfirmIcon(), theme.ColorNameForegroundOnSuccess))}
		d.circle.StrokeWidth = 1.5
		d.number.Alignment = fyne.TextAlignCenter
		d.number.TextStyle.Bold = true
		holder := canvas.NewRectangle(color.Transparent)
		holder.SetMinSize(fyne.NewSquareSize(theme.IconInlineSize() + theme.InnerPadding()))
		s.dots = append(s.dots, d)
		row.Add(container.NewStack(holder, d.circle, container.NewCenter(d.number), container.NewPadded(d.tick)))
	}
	s.content = container.NewVBox(row, s.name)
	return s
}

// show draws the flow's progress: done steps, the current one.
func (s *stepDots) show(done func(central.StepID) bool, current central.StepID, running bool) {
	primary := theme.Color(theme.ColorNamePrimary)
	for i, d := range s.dots {
		id := central.Steps[i]
		switch {
		case done(id) && id != current || done(id) && !running:
			d.circle.FillColor = theme.Color(theme.ColorNameSuccess)
			d.circle.StrokeColor = d.circle.FillColor
			d.number.Hide()
			d.tick.Show()
		case id == current:
			d.circle.FillColor, d.circle.StrokeColor = primary, primary
			d.number.Color = theme.Color(theme.ColorNameForegroundOnPrimary)
			d.number.Show()
			d.tick.Hide()
		default:
			d.circle.FillColor = color.Transparent
			d.circle.StrokeColor = theme.Color(theme.ColorNameDisabled)
			d.number.Color = theme.Color(theme.ColorNameDisabled)
			d.number.Show()
			d.tick.Hide()
		}
		d.circle.Refresh()
		d.number.Refresh()
	}
	if n := current.Number(); n > 0 && running {
		text := s.w.t("central.step-of", map[string]string{"n": strconv.Itoa(n), "total": strconv.Itoa(len(central.Steps))}) + " " +
			s.w.t("central.step."+string(current))
		s.name.SetText(text)
		s.name.Show()
	} else {
		s.name.Hide()
	}
}
