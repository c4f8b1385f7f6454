package wizard

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Theme is the wizard's theme: Fyne's default, with the outline of
// unselected radio buttons, checkboxes and entries drawn strongly enough
// to be seen. Fyne draws that outline in the same grey as a disabled
// control (0xe3 on white, 0x39 on near-black), so an unselected choice
// looked disabled, and the language switch looked like one language could
// not be chosen. The outline now has at least the 3:1 contrast WCAG asks
// of a control's boundary, in both variants; disabled controls keep
// Fyne's faint grey, so the two can be told apart.
func Theme() fyne.Theme { return &wizardTheme{Theme: theme.DefaultTheme()} }

type wizardTheme struct{ fyne.Theme }

var (
	outlineLight = color.NRGBA{R: 0x75, G: 0x75, B: 0x75, A: 0xff} // 4.6:1 on white
	outlineDark  = color.NRGBA{R: 0x9a, G: 0x9a, B: 0x9e, A: 0xff} // 6.4:1 on Fyne's 0x171718
)

// statusTextTheme is base with the success, warning and error colours,
// and the placeholder's, made dark (or light) enough for small text: the
// recreate log's lines. Fyne's status colours are made for icons and
// fills: as caption text on an entry's background they fall well below
// the 4.5:1 WCAG asks of text (the green about 1.5:1), and the log was
// hard to read over a screen share. The hues stay. It is applied to the
// log alone (container.NewThemeOverride), so icons keep Fyne's colours.
type statusTextTheme struct{ fyne.Theme }

func readableStatusText(base fyne.Theme) fyne.Theme { return &statusTextTheme{Theme: base} }

var statusTextColours = map[fyne.ThemeColorName][2]color.NRGBA{ // light, dark
	theme.ColorNameSuccess:     {{R: 0x1b, G: 0x6e, B: 0x20, A: 0xff}, {R: 0x81, G: 0xc7, B: 0x84, A: 0xff}},
	theme.ColorNameWarning:     {{R: 0x8a, G: 0x4b, B: 0x00, A: 0xff}, {R: 0xff, G: 0xb7, B: 0x4d, A: 0xff}},
	theme.ColorNameError:       {{R: 0xb0, G: 0x1c, B: 0x1c, A: 0xff}, {R: 0xef, G: 0x9a, B: 0x9a, A: 0xff}},
	theme.ColorNamePlaceHolder: {{R: 0x55, G: 0x55, B: 0x55, A: 0xff}, {R: 0xb0, G: 0xb0, B: 0xb4, A: 0xff}},
}

func (t *statusTextTheme) Color(name fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if c, ok := statusTextColours[name]; ok {
		if v == theme.VariantDark {
			return c[1]
		}
		return c[0]
	}
	return t.Theme.Color(name, v)
}

func (t *wizardTheme) Color(name fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if name == theme.ColorNameInputBorder {
		if v == theme.VariantDark {
			return outlineDark
		}
		return outlineLight
	}
	return t.Theme.Color(name, v)
}

// contrast is WCAG 2's contrast ratio of two opaque colours (1 to 21).
func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// luminance is WCAG 2's relative luminance.
func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		s := float64(v) / 0xffff
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}
