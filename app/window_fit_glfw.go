//go:build cgo

package app

import (
	"fyne.io/fyne/v2"
	"github.com/go-gl/glfw/v3.3/glfw"
)

// fitToScreen shrinks a shown window to the primary monitor's work area
// (the screen less the task bar), at the window's display scale. Call it
// on the main goroutine after Show and before the app runs: GLFW is
// initialised by then, and the canvas knows its scale.
func fitToScreen(w fyne.Window) {
	m := glfw.GetPrimaryMonitor()
	if m == nil {
		return
	}
	_, _, width, height := m.GetWorkarea()
	size := windowSize(designSize, width, height, w.Canvas().Scale())
	if size != designSize {
		w.Resize(size)
	}
}
