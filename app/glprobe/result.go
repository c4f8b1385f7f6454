package glprobe

import "time"

// Reason says why the window cannot have its context. Reasons are stable:
// they name the sentence that explains them ("glprobe.reason.<reason>") and
// they are written to the decision record that tests read.
type Reason string

const (
	// ReasonNoDisplay: no X display to draw on (DISPLAY is not set).
	ReasonNoDisplay Reason = "no-display"
	// ReasonWaylandOnly: WAYLAND_DISPLAY is set but DISPLAY is not. Fyne's
	// default Linux build draws through X11 (GLFW built with _GLFW_X11),
	// so a Wayland session without XWayland cannot show the window.
	ReasonWaylandOnly Reason = "wayland-only"
	// ReasonDisplayUnreachable: DISPLAY is set but the X server does not
	// answer.
	ReasonDisplayUnreachable Reason = "display-unreachable"
	// ReasonNoGLX: the X server has no GLX extension, or a GLX older than
	// 1.3, which GLFW requires.
	ReasonNoGLX Reason = "no-glx"
	// ReasonNoDriver: no accelerated pixel format (Windows) or no
	// double-buffered RGBA window configuration (GLX): the only OpenGL is
	// Windows' built-in GDI renderer, GLFW's "WGL: The driver does not
	// appear to support OpenGL".
	ReasonNoDriver Reason = "no-driver"
	// ReasonContextRefused: the driver refused the OpenGL 2.1 context
	// (GLXBadFBConfig, "WGL: Failed to create OpenGL context").
	ReasonContextRefused Reason = "context-refused"
	// ReasonVersionTooLow: a context was made but its version is below 2.1
	// (GLFW: "Requested OpenGL version 2.1, got version 1.1").
	ReasonVersionTooLow Reason = "version-too-low"
	// ReasonTimeout: the driver did not answer in time.
	ReasonTimeout Reason = "timeout"
	// ReasonFailed: another step failed (a window, a DC); Detail says which.
	ReasonFailed Reason = "failed"
)

// Reasons lists every reason, for the translation tests.
var Reasons = []Reason{
	ReasonNoDisplay, ReasonWaylandOnly, ReasonDisplayUnreachable, ReasonNoGLX, ReasonNoDriver,
	ReasonContextRefused, ReasonVersionTooLow, ReasonTimeout, ReasonFailed,
}

// Result is what Probe found.
type Result struct {
	// Usable is true when the window can have the context Fyne asks for.
	Usable bool `json:"usable"`
	// Probed is false when nothing was asked of a driver: an OS or build
	// this package cannot probe (macOS, a build without cgo), where Usable
	// only means that nothing is known to be missing.
	Probed bool   `json:"probed"`
	Reason Reason `json:"reason,omitempty"`
	// Version, Renderer and Vendor are what the driver says (GL_VERSION,
	// GL_RENDERER, GL_VENDOR). When the 2.1 context was refused they come
	// from a legacy context, to tell the user what the machine does offer.
	Version  string `json:"version,omitempty"`
	Renderer string `json:"renderer,omitempty"`
	Vendor   string `json:"vendor,omitempty"`
	// Display is the X display asked (DISPLAY), on X11.
	Display string `json:"display,omitempty"`
	// Detail names the call that failed and its error, for logs and the
	// support report; users read the reason's sentence.
	Detail string `json:"detail,omitempty"`
	// Session says why OpenGL may be missing, filled when it is: "rdp"
	// (a Remote Desktop session), "ssh" (an X display forwarded over SSH)
	// or "".
	Session string `json:"session,omitempty"`
	// Machine names the virtual machine ("VMware Virtual Platform"), when
	// OpenGL is missing and the firmware says it is one.
	Machine string `json:"machine,omitempty"`
	// Took is how long the probe took.
	Took time.Duration `json:"tookNs"`
}
