//go:build linux && cgo && !wayland && !gles && !arm && !arm64

package glprobe

// The probe makes, on an unmapped window, the context GLFW 3.3's GLX code
// (glx_context.c) makes for Fyne: an FBConfig that is RGBA, window-capable
// and double-buffered; with GLX_ARB_create_context, a context asked for
// version 2.1 and nothing else (and GLFW's legacy fall-back after
// GLXBadProfileARB); without it, glXCreateNewContext. It then reads
// GL_VERSION as GLFW does. When the 2.1 context is refused, a legacy
// context tells what the driver does offer, for the explanation.
//
// Xlib's default error handler prints and exits the process, and its I/O
// error handler exits when it returns. While the probe runs, the error
// handler records the error instead, and the I/O error handler (the X
// server went away mid-probe) parks the probing thread for good rather
// than return into exit(): Probe's timeout then answers, and the process
// goes on to the console. Both handlers are put back when the probe ends.
//
// After a probe that found the window possible, its X connection stays
// open, idle, with everything it made destroyed: an X server whose last
// client leaves resets itself (Xvfb, and a bare xinit session, do unless
// started with -noreset) and refuses connections while it does, so closing
// it would race GLFW's own XOpenDisplay a few milliseconds later. An open
// connection also keeps Mesa's driver loaded for GLFW. One connection per
// process at most; the others are closed.

/*
#cgo LDFLAGS: -lGL -lX11
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <X11/Xlib.h>
#include <GL/gl.h>
#include <GL/glx.h>

// From GLX_ARB_create_context (glxext.h), so that no newer header is needed.
#define QS_GLX_CONTEXT_MAJOR_VERSION_ARB 0x2091
#define QS_GLX_CONTEXT_MINOR_VERSION_ARB 0x2092
#define QS_GLXBadProfileARB 13
typedef GLXContext (*qs_create_context_attribs)(Display*, GLXFBConfig, GLXContext, Bool, const int*);

enum {
	QS_OK = 0,
	QS_NO_DISPLAY,     // XOpenDisplay failed
	QS_NO_GLX,         // no GLX extension
	QS_GLX_TOO_OLD,    // GLX < 1.3
	QS_NO_FBCONFIG,    // no RGBA, window, double-buffered FBConfig
	QS_NO_WINDOW,      // no visual, or the window could not be made
	QS_REFUSED,        // the context was refused
	QS_NOT_CURRENT,    // the context could not be made current
	QS_NO_VERSION,     // glGetString(GL_VERSION) gave nothing
};

typedef struct {
	int stage;
	int glx_major, glx_minor;
	int arb;          // GLX_ARB_create_context was used
	int legacy;       // version, renderer and vendor come from a legacy context
	int error_code;   // the last X error, 0 for none
	int request_code, minor_code;
	char error_text[160];
	char version[160], renderer[160], vendor[160];
} qs_glx_result;

static int qs_error_code, qs_request_code, qs_minor_code;
static Display *qs_kept;

static int qs_on_error(Display *d, XErrorEvent *e) {
	qs_error_code = e->error_code;
	qs_request_code = e->request_code;
	qs_minor_code = e->minor_code;
	return 0;
}

static int qs_on_io_error(Display *d) {
	for (;;) pause();
	return 0;
}

static void qs_copy(char *dst, const GLubyte *src) {
	dst[0] = 0;
	if (src) {
		strncpy(dst, (const char *) src, 159);
		dst[159] = 0;
	}
}

static int qs_has_extension(const char *list, const char *name) {
	size_t n = strlen(name);
	const char *p = list;
	while (p && (p = strstr(p, name)) != NULL) {
		if ((p == list || p[-1] == ' ') && (p[n] == ' ' || p[n] == 0))
			return 1;
		p += n;
	}
	return 0;
}

// qs_read_strings makes ctx current on win, reads the three strings, and
// releases it. It returns 0 when the context could not be made current.
static int qs_read_strings(Display *dpy, GLXWindow win, GLXContext ctx, qs_glx_result *r) {
	if (!glXMakeCurrent(dpy, win, ctx))
		return 0;
	qs_copy(r->version, glGetString(GL_VERSION));
	qs_copy(r->renderer, glGetString(GL_RENDERER));
	qs_copy(r->vendor, glGetString(GL_VENDOR));
	glXMakeCurrent(dpy, None, NULL);
	return 1;
}

static void qs_glx_probe(const char *display, int major, int minor, qs_glx_result *r) {
	memset(r, 0, sizeof *r);
	XInitThreads(); // GLFW calls it too; it must come before any other Xlib call.
	int (*old_error)(Display*, XErrorEvent*) = XSetErrorHandler(qs_on_error);
	int (*old_io_error)(Display*) = XSetIOErrorHandler(qs_on_io_error);
	qs_error_code = 0;

	Display *dpy = XOpenDisplay(display);
	Window xwin = 0;
	Colormap cmap = 0;
	GLXWindow gwin = 0;
	GLXContext ctx = NULL;
	GLXFBConfig *configs = NULL;
	XVisualInfo *vi = NULL;
	if (!dpy) { r->stage = QS_NO_DISPLAY; goto out; }

	int error_base, event_base;
	if (!glXQueryExtension(dpy, &error_base, &event_base)) { r->stage = QS_NO_GLX; goto out; }
	if (!glXQueryVersion(dpy, &r->glx_major, &r->glx_minor) ||
	    (r->glx_major == 1 && r->glx_minor < 3)) { r->stage = QS_GLX_TOO_OLD; goto out; }

	int screen = DefaultScreen(dpy);
	const int wanted[] = {
		GLX_RENDER_TYPE, GLX_RGBA_BIT,
		GLX_DRAWABLE_TYPE, GLX_WINDOW_BIT,
		GLX_DOUBLEBUFFER, True,
		None,
	};
	int count = 0;
	configs = glXChooseFBConfig(dpy, screen, wanted, &count);
	if (!configs || count == 0) { r->stage = QS_NO_FBCONFIG; goto out; }
	GLXFBConfig fbc = configs[0];

	vi = glXGetVisualFromFBConfig(dpy, fbc);
	if (!vi) { r->stage = QS_NO_WINDOW; goto out; }
	Window root = RootWindow(dpy, screen);
	cmap = XCreateColormap(dpy, root, vi->visual, AllocNone);
	XSetWindowAttributes wa;
	memset(&wa, 0, sizeof wa);
	wa.colormap = cmap;
	wa.border_pixel = 0;
	// Never mapped: nothing shows on the screen.
	xwin = XCreateWindow(dpy, root, 0, 0, 16, 16, 0, vi->depth, InputOutput, vi->visual,
		CWBorderPixel | CWColormap, &wa);
	XSync(dpy, False);
	if (!xwin || qs_error_code) { r->stage = QS_NO_WINDOW; goto out; }

	const char *exts = glXQueryExtensionsString(dpy, screen);
	qs_create_context_attribs create = NULL;
	if (qs_has_extension(exts, "GLX_ARB_create_context"))
		create = (qs_create_context_attribs) glXGetProcAddressARB((const GLubyte *) "glXCreateContextAttribsARB");
	if (create) {
		r->arb = 1;
		const int attribs[] = {
			QS_GLX_CONTEXT_MAJOR_VERSION_ARB, major,
			QS_GLX_CONTEXT_MINOR_VERSION_ARB, minor,
			None,
		};
		ctx = create(dpy, fbc, NULL, True, attribs);
		XSync(dpy, False);
		if (!ctx && qs_error_code == error_base + QS_GLXBadProfileARB) {
			qs_error_code = 0;
			ctx = glXCreateNewContext(dpy, fbc, GLX_RGBA_TYPE, NULL, True);
			XSync(dpy, False);
		}
	} else {
		ctx = glXCreateNewContext(dpy, fbc, GLX_RGBA_TYPE, NULL, True);
		XSync(dpy, False);
	}
	gwin = glXCreateWindow(dpy, fbc, xwin, NULL);
	XSync(dpy, False);

	if (!ctx) {
		r->stage = QS_REFUSED;
		r->error_code = qs_error_code;
		r->request_code = qs_request_code;
		r->minor_code = qs_minor_code;
		if (r->error_code)
			XGetErrorText(dpy, r->error_code, r->error_text, sizeof r->error_text);
		// What does the driver offer, then? A legacy context says.
		if (gwin) {
			ctx = glXCreateNewContext(dpy, fbc, GLX_RGBA_TYPE, NULL, True);
			XSync(dpy, False);
			if (ctx && qs_read_strings(dpy, gwin, ctx, r))
				r->legacy = 1;
		}
		goto out;
	}
	if (!gwin) { r->stage = QS_NO_WINDOW; goto out; }
	if (!qs_read_strings(dpy, gwin, ctx, r)) { r->stage = QS_NOT_CURRENT; goto out; }
	if (!r->version[0]) { r->stage = QS_NO_VERSION; goto out; }
	r->stage = QS_OK;

out:
	if (dpy) {
		if (ctx) glXDestroyContext(dpy, ctx);
		if (gwin) glXDestroyWindow(dpy, gwin);
		if (xwin) XDestroyWindow(dpy, xwin);
		if (cmap) XFreeColormap(dpy, cmap);
		if (vi) XFree(vi);
		if (configs) XFree(configs);
		XSync(dpy, False);
		// The first connection that found the window possible stays open
		// (see the comment at the top); any other is closed.
		if (r->stage == QS_OK && !qs_kept)
			qs_kept = dpy;
		else
			XCloseDisplay(dpy);
	}
	XSetErrorHandler(old_error);
	XSetIOErrorHandler(old_io_error);
}
*/
import "C"

import (
	"fmt"
	"unsafe"
)

func probePlatform(getenv func(string) string) Result {
	display, reason := x11Display(getenv)
	if reason != "" {
		return noDisplay(reason)
	}
	name := C.CString(display)
	defer C.free(unsafe.Pointer(name))
	var c C.qs_glx_result
	C.qs_glx_probe(name, C.int(Required.Major), C.int(Required.Minor), &c)

	r := Result{
		Probed:   true,
		Display:  display,
		Version:  C.GoString(&c.version[0]),
		Renderer: C.GoString(&c.renderer[0]),
		Vendor:   C.GoString(&c.vendor[0]),
	}
	glx := fmt.Sprintf("GLX %d.%d", c.glx_major, c.glx_minor)
	switch c.stage {
	case C.QS_OK:
		return verdict(r)
	case C.QS_NO_DISPLAY:
		r.Reason, r.Detail = ReasonDisplayUnreachable, "XOpenDisplay failed"
	case C.QS_NO_GLX:
		r.Reason, r.Detail = ReasonNoGLX, "the X server has no GLX extension"
	case C.QS_GLX_TOO_OLD:
		r.Reason, r.Detail = ReasonNoGLX, glx+": GLX 1.3 is required"
	case C.QS_NO_FBCONFIG:
		r.Reason, r.Detail = ReasonNoDriver, glx+": no RGBA, double-buffered window FBConfig"
	case C.QS_NO_WINDOW:
		r.Reason, r.Detail = ReasonFailed, glx+": the probe's window could not be made"
	case C.QS_REFUSED:
		r.Reason = ReasonContextRefused
		call := "glXCreateNewContext"
		if c.arb != 0 {
			call = fmt.Sprintf("glXCreateContextAttribsARB(%s)", Required)
		}
		r.Detail = fmt.Sprintf("%s: %s failed", glx, call)
		if c.error_code != 0 {
			r.Detail += fmt.Sprintf(": %s (X error %d, request %d.%d)",
				C.GoString(&c.error_text[0]), c.error_code, c.request_code, c.minor_code)
		}
	case C.QS_NOT_CURRENT:
		r.Reason, r.Detail = ReasonFailed, glx+": glXMakeCurrent failed"
	case C.QS_NO_VERSION:
		r.Reason, r.Detail = ReasonFailed, glx+": glGetString(GL_VERSION) returned nothing"
	default:
		r.Reason, r.Detail = ReasonFailed, fmt.Sprintf("probe stage %d", c.stage)
	}
	return r
}
