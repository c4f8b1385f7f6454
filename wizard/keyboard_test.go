package wizard

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"qscert/certs/qrs/qrstest"
	"qscert/wizard/flow"
)

// press types one key as the desktop driver delivers it: Tab moves the
// focus; any other key goes to the focused widget, or to the window's
// handler when nothing has the focus.
func (h *harness) press(name fyne.KeyName) {
	h.t.Helper()
	h.do(func() {
		c := h.win.Canvas()
		if name == fyne.KeyTab {
			test.FocusNext(c)
			return
		}
		ev := &fyne.KeyEvent{Name: name}
		if f := c.Focused(); f != nil {
			f.TypedKey(ev)
			return
		}
		if k, ok := c.(interface{ OnTypedKey() func(*fyne.KeyEvent) }); ok && k.OnTypedKey() != nil {
			k.OnTypedKey()(ev)
		}
	})
}

// tabTo presses Tab until target has the focus.
func (h *harness) tabTo(target fyne.Focusable) {
	h.t.Helper()
	for i := 0; i < 40; i++ {
		if h.win.Canvas().Focused() == target {
			return
		}
		h.press(fyne.KeyTab)
	}
	h.t.Fatalf("Tab never reaches %T", target)
}

func (h *harness) overlays() int { return len(h.win.Canvas().Overlays().List()) }

func TestADialogOwnsTheKeyboardUntilItCloses(t *testing.T) {
	s := newSite(t, qrstest.Options{})
	h := newHarness(t, func(d *flow.Deps) { d.Store = s.Store })
	h.fillFiles(s.Dir, testPassword, testHost)
	h.goTo(flow.StepOld)
	if h.stepID() != flow.StepOld || !h.wiz.flow.CanNext() {
		t.Fatalf("not ready on the old certificates page: %v", texts(h.wiz.root))
	}
	h.do(func() { h.win.Canvas().Unfocus() })

	// Escape asks; Enter then answers the dialog (Stay has the focus), and
	// never starts the install beneath it.
	h.press(fyne.KeyEscape)
	if h.overlays() != 1 || h.dialogButton(en.T("wizard.cancel.stay")) == nil {
		t.Fatalf("Escape did not ask to leave (%d overlays)", h.overlays())
	}
	h.press(fyne.KeyReturn)
	if h.wiz.flow.Installing() || h.wiz.flow.Installed() || h.stepID() != flow.StepOld {
		t.Fatalf("Enter in the dialog acted on the page beneath: step %s", h.stepID())
	}
	if h.overlays() != 0 || h.quits != 0 {
		t.Fatalf("Enter on Stay: %d overlays, %d quits", h.overlays(), h.quits)
	}

	// Escape twice: the second closes the dialog, it opens no other.
	h.press(fyne.KeyEscape)
	h.press(fyne.KeyEscape)
	if h.overlays() != 0 || h.quits != 0 || h.stepID() != flow.StepOld {
		t.Fatalf("Escape over the dialog: %d overlays, %d quits, step %s", h.overlays(), h.quits, h.stepID())
	}

	// With nothing focused in the dialog, Enter still does nothing beneath.
	h.press(fyne.KeyEscape)
	h.do(func() { h.win.Canvas().Unfocus() })
	h.press(fyne.KeyReturn)
	if h.wiz.flow.Installing() || h.wiz.flow.Installed() {
		t.Fatal("Enter with a dialog open started the install")
	}
	h.press(fyne.KeyEscape)

	// Tab to Leave, Enter: the wizard closes.
	h.press(fyne.KeyEscape)
	h.tabTo(h.dialogButton(en.T("wizard.cancel.confirm")))
	h.press(fyne.KeyReturn)
	if h.quits != 1 {
		t.Fatalf("Enter on Leave: %d quits", h.quits)
	}
}

func TestEnterActivatesTheFocusedButton(t *testing.T) {
	h := newHarness(t)
	h.goTo(flow.StepGuide)
	h.tabTo(h.wiz.frame.back)
	h.press(fyne.KeyReturn)
	if h.stepID() != flow.StepWelcome {
		t.Fatalf("Enter on Back led to %s", h.stepID())
	}
	h.tabTo(h.wiz.frame.next)
	h.press(fyne.KeyEnter) // the keypad's
	if h.stepID() != flow.StepGuide {
		t.Fatalf("keypad Enter on Next led to %s", h.stepID())
	}
	// Space, as before.
	h.tabTo(h.wiz.frame.back)
	h.press(fyne.KeySpace)
	if h.stepID() != flow.StepWelcome {
		t.Fatalf("Space on Back led to %s", h.stepID())
	}
}

func TestEscapeClosesTheFileDialogAndOpensNothingOverIt(t *testing.T) {
	h := newHarness(t)
	h.goTo(flow.StepFiles)
	h.tabTo(h.files().pickFolder)
	h.press(fyne.KeyReturn)
	if h.overlays() != 1 {
		t.Fatalf("Enter on Choose folder: %d overlays", h.overlays())
	}
	h.do(func() { h.win.Canvas().Unfocus() })
	h.press(fyne.KeyEscape)
	if h.overlays() != 0 || h.quits != 0 {
		t.Fatalf("Escape over the file dialog: %d overlays, %d quits", h.overlays(), h.quits)
	}
	if h.stepID() != flow.StepFiles {
		t.Fatalf("Escape over the file dialog moved to %s", h.stepID())
	}
}

func TestTheFocusRingShowsOnThePrimaryButton(t *testing.T) {
	h := newHarness(t)
	h.do(func() { h.app.Settings().SetTheme(Theme()) })
	h.tabTo(h.wiz.frame.next)
	ring := focusRing(h.wiz.frame.next)
	if ring == nil || !ring.Visible() {
		t.Fatal("no focus ring on the focused Next button")
	}
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		bg := Theme().Color(theme.ColorNameBackground, v)
		fg := Theme().Color(theme.ColorNameForeground, v)
		if c := contrast(fg, bg); c < 3 {
			t.Errorf("variant %d: the ring has a contrast of %.1f with the window, want 3:1", v, c)
		}
	}
	if p := ring.Position(); p.X >= 0 || p.Y >= 0 {
		t.Errorf("the ring is drawn on the button's blue edge (at %v), not outside it", p)
	}
	h.press(fyne.KeyTab)
	if ring.Visible() {
		t.Error("the ring stays once the focus moved on")
	}
}

// focusRing is the ring a button draws around itself when focused.
func focusRing(b *button) *canvas.Rectangle {
	objs := test.WidgetRenderer(b).Objects()
	r, _ := objs[len(objs)-1].(*canvas.Rectangle)
	return r
}

func TestUnselectedChoicesDoNotLookDisabled(t *testing.T) {
	th := Theme()
	def := theme.DefaultTheme()
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		bg := th.Color(theme.ColorNameBackground, v)
		outline := contrast(th.Color(theme.ColorNameInputBorder, v), bg)
		disabled := contrast(th.Color(theme.ColorNameDisabled, v), bg)
		if outline < 3 {
			t.Errorf("variant %d: an unselected radio or checkbox outline has %.1f:1 on the background, want 3:1", v, outline)
		}
		if outline < disabled*1.5 {
			t.Errorf("variant %d: unselected (%.1f:1) is not clearly stronger than disabled (%.1f:1)", v, outline, disabled)
		}
		if th.Color(theme.ColorNamePrimary, v) != def.Color(theme.ColorNamePrimary, v) {
			t.Errorf("variant %d: the primary colour changed", v)
		}
	}
}

// The recreate log's coloured lines are text: 4.5:1 on the entry
// background they are drawn on, in both variants (Fyne's status colours,
// made for icons, are not); elsewhere the theme keeps Fyne's.
func TestTheLogsColouredLinesAreReadable(t *testing.T) {
	th := readableStatusText(Theme())
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		// The entry background may be translucent: as drawn over the window's.
		bg := over(th.Color(theme.ColorNameInputBackground, v), th.Color(theme.ColorNameBackground, v))
		for _, name := range []fyne.ThemeColorName{theme.ColorNameSuccess, theme.ColorNameWarning, theme.ColorNameError, theme.ColorNamePlaceHolder} {
			if c := contrast(th.Color(name, v), bg); c < 4.5 {
				t.Errorf("variant %d: %s has %.1f:1 on the log's background, want 4.5:1", v, name, c)
			}
			if Theme().Color(name, v) != theme.DefaultTheme().Color(name, v) {
				t.Errorf("variant %d: %s changed outside the log", v, name)
			}
		}
	}
}

// over is fg drawn over the opaque bg (source-over compositing).
func over(fg, bg color.Color) color.Color {
	fr, fgG, fb, fa := fg.RGBA()
	br, bgG, bb, _ := bg.RGBA()
	mix := func(f, b uint32) uint8 { return uint8((f + b*(0xffff-fa)/0xffff) >> 8) }
	return color.NRGBA{R: mix(fr, br), G: mix(fgG, bgG), B: mix(fb, bb), A: 0xff}
}
