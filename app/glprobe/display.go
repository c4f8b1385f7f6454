package glprobe

// x11Display returns the X display the window would open on, or the reason
// there is none. Fyne 2.7's default Linux and BSD build draws through X11
// only (go-gl/glfw is built with _GLFW_X11 unless the "wayland" tag is
// given), so WAYLAND_DISPLAY alone cannot show the window: a Wayland
// desktop gives X11 programs XWayland and a DISPLAY.
func x11Display(getenv func(string) string) (string, Reason) {
	if d := getenv("DISPLAY"); d != "" {
		return d, ""
	}
	if getenv("WAYLAND_DISPLAY") != "" {
		return "", ReasonWaylandOnly
	}
	return "", ReasonNoDisplay
}

// noDisplay is the result when there is no display to ask.
func noDisplay(reason Reason) Result {
	return Result{Probed: true, Reason: reason}
}
