//go:build !(windows && !gles && !arm && !arm64) && !(linux && cgo && !wayland && !gles && !arm && !arm64)

package glprobe

import "runtime"

// probePlatform, where this package has no driver probe: macOS (Fyne's
// Cocoa driver, whose OpenGL 2.1 every Mac has), the BSDs, Wayland and
// OpenGL ES builds, and any build without cgo (which has no window at
// all). Only the display is checked: on X11 systems a missing DISPLAY is
// certain to fail.
func probePlatform(getenv func(string) string) Result {
	if runtime.GOOS == "darwin" || runtime.GOOS == "ios" || runtime.GOOS == "android" {
		return Result{Usable: true}
	}
	if waylandBuild {
		if getenv("WAYLAND_DISPLAY") != "" {
			return Result{Usable: true}
		}
		return noDisplay(ReasonNoDisplay)
	}
	display, reason := x11Display(getenv)
	if reason != "" {
		return noDisplay(reason)
	}
	return Result{Usable: true, Display: display}
}
