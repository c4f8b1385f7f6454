package app

import "fyne.io/fyne/v2"

// windowSize is the wizard's window size: the size it is designed for,
// but never larger than the screen's work area (in Fyne's units, that is
// pixels divided by the display scale), less room for the title bar and
// the window's frame. At 125 to 150 % scaling, 860x640 is larger than a
// 1366x768 or 1280x720 screen, and the banner and the buttons were cut
// off; the pages scroll instead.
func windowSize(want fyne.Size, workWidthPx, workHeightPx int, scale float32) fyne.Size {
	if workWidthPx <= 0 || workHeightPx <= 0 {
		return want
	}
	if scale <= 0 {
		scale = 1
	}
	// The title bar and borders Windows 10/11 draw around a window, at
	// 100 %: about 31 and 8 pixels; a little more keeps the window off the
	// screen's edges.
	const frameWidth, frameHeight = 24, 48
	maxW := float32(workWidthPx)/scale - frameWidth
	maxH := float32(workHeightPx)/scale - frameHeight
	return fyne.NewSize(min(want.Width, maxW), min(want.Height, maxH))
}

// designSize is the size the pages are laid out for.
var designSize = fyne.NewSize(860, 640)
