package wizard

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// button is the wizard's button. Fyne's activates only on Space; Windows
// users press Enter on a focused button, so Enter activates it too, and
// Escape is passed on to the wizard (it closes the dialog on top, or asks
// to leave). Fyne shows focus by blending a translucent colour into the
// background, which is invisible on the blue primary button; this one
// draws a ring in the text colour around itself while it has the focus.
type button struct {
	widget.Button
	w       *Wizard
	focused bool
}

func newButton(w *Wizard, label string, icon fyne.Resource, tapped func()) *button {
	b := &button{w: w}
	b.Text, b.Icon, b.OnTapped = label, icon, tapped
	b.ExtendBaseWidget(b)
	return b
}

// TypedKey: Enter (and the keypad's) activates, as Space does; Escape is
// the wizard's.
func (b *button) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		if !b.Disabled() && b.OnTapped != nil {
			b.OnTapped()
		}
	case fyne.KeyEscape:
		if b.w != nil {
			b.w.escape()
		}
	default:
		b.Button.TypedKey(ev)
	}
}

func (b *button) FocusGained() {
	b.focused = true
	b.Button.FocusGained()
}

func (b *button) FocusLost() {
	b.focused = false
	b.Button.FocusLost()
}

// HasFocusRing: the ring is drawn (tests read it).
func (b *button) HasFocusRing() bool { return b.focused }

func (b *button) CreateRenderer() fyne.WidgetRenderer {
	ring := canvas.NewRectangle(color.Transparent)
	ring.StrokeWidth = focusRingWidth
	ring.Hide()
	return &ringRenderer{WidgetRenderer: b.Button.CreateRenderer(), b: b, ring: ring}
}

// focusRingWidth is thick enough to be seen over a screen share.
const focusRingWidth = 2

// focusRingGap is how far outside the button the ring is drawn.
const focusRingGap = 3

// ringRenderer is Fyne's button renderer with the focus ring on top.
type ringRenderer struct {
	fyne.WidgetRenderer
	b    *button
	ring *canvas.Rectangle
}

func (r *ringRenderer) Objects() []fyne.CanvasObject {
	return append(r.WidgetRenderer.Objects(), r.ring)
}

func (r *ringRenderer) Layout(size fyne.Size) {
	r.WidgetRenderer.Layout(size)
	// Outside the button, with a gap: on the blue primary button a ring
	// drawn on its edge would be lost in the blue.
	r.ring.Move(fyne.NewPos(-focusRingGap, -focusRingGap))
	r.ring.Resize(size.AddWidthHeight(2*focusRingGap, 2*focusRingGap))
}

func (r *ringRenderer) Refresh() {
	r.WidgetRenderer.Refresh()
	r.ring.StrokeColor = theme.Color(theme.ColorNameForeground)
	r.ring.CornerRadius = theme.InputRadiusSize() + focusRingGap
	if r.b.focused && !r.b.Disabled() {
		r.ring.Show()
	} else {
		r.ring.Hide()
	}
	r.ring.Refresh()
}
