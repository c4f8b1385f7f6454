//go:build windows && !gles && !arm && !arm64

package glprobe

// The probe goes through the steps of GLFW 3.3's WGL code (wgl_context.c)
// for Fyne's window, in this process, on Probe's own thread:
//
//  1. a hidden helper window and a "dummy" legacy context on it
//     (_glfwInitWGL), which loads the driver (the ICD) and gives the WGL
//     extension functions;
//  2. the pixel formats GLFW would accept (choosePixelFormat): for drawing
//     to a window, OpenGL, RGBA, double-buffered, and accelerated: GDI's
//     generic software formats are refused, which is GLFW's "WGL: The
//     driver does not appear to support OpenGL" on a Remote Desktop
//     session or a VM without a driver;
//  3. on a second hidden window set to such a format, the context GLFW
//     asks for: wglCreateContextAttribsARB with version 2.1 and nothing
//     else when the driver has WGL_ARB_create_context, wglCreateContext
//     otherwise (_glfwCreateContextWGL);
//  4. GL_VERSION of that context, at least 2.1, as GLFW checks.
//
// Every step reports failure through its return value: nothing here can
// end the process, and Probe's timeout covers a driver that never returns.
// In-process rather than a child process: a child qscert.exe costs a
// process start (far above the 100 ms budget under Wine) and adds a
// hidden mode to the exe, for no gain in safety over a thread with a
// timeout, since WGL has no exit-on-error path. The windows are never
// shown.

import (
	"errors"
	"fmt"
	"strings"
	"syscall"
	"unsafe"

	"golang.org/x/sys/windows"
)

// Win32 and WGL constants, with their C names.
const (
	csOwnDC = 0x0020 // CS_OWNDC: GLFW's window class has its own DC

	wsOverlappedWindow = 0x00CF0000 // WS_OVERLAPPEDWINDOW
	wsClipSiblings     = 0x04000000 // WS_CLIPSIBLINGS
	wsClipChildren     = 0x02000000 // WS_CLIPCHILDREN

	glVendor   = 0x1F00 // GL_VENDOR
	glRenderer = 0x1F01 // GL_RENDERER
	glVersion  = 0x1F02 // GL_VERSION

	wglContextMajorVersionARB = 0x2091     // WGL_CONTEXT_MAJOR_VERSION_ARB
	wglContextMinorVersionARB = 0x2092     // WGL_CONTEXT_MINOR_VERSION_ARB
	errorInvalidVersionARB    = 0xC0072095 // 0xc0070000 | ERROR_INVALID_VERSION_ARB

	errorClassAlreadyExists = 1410 // ERROR_CLASS_ALREADY_EXISTS
)

var probeClassName, _ = windows.UTF16PtrFromString("qscert-glprobe")

// wglProbe holds what one probe made, for clean-up.
type wglProbe struct {
	gl       *gl
	instance windows.Handle
	windows  []windows.HWND
	dcs      map[windows.HWND]windows.Handle
	contexts []windows.Handle
	class    bool
}

func probePlatform(func(string) string) Result {
	p := &wglProbe{dcs: map[windows.HWND]windows.Handle{}}
	defer p.close()
	return p.run()
}

func (p *wglProbe) run() Result {
	failed := func(step string, err error) Result {
		return Result{Probed: true, Reason: ReasonFailed, Detail: fmt.Sprintf("%s: %v", step, err)}
	}
	var err error
	if p.gl, err = loadGL(); err != nil {
		return failed("loading opengl32.dll", err)
	}
	if err := p.register(); err != nil {
		return failed("RegisterClassExW", err)
	}

	// 1. The dummy context, as _glfwInitWGL makes it.
	_, dc, err := p.window()
	if err != nil {
		return failed("helper window", err)
	}
	dummy := pixelFormatDescriptor{
		Version:   1,
		Flags:     pfdDrawToWindow | pfdSupportOpenGL | pfdDoubleBuffer,
		PixelType: pfdTypeRGBA,
		ColorBits: 24,
	}
	dummy.Size = uint16(unsafe.Sizeof(dummy))
	format, err := choosePixelFormat(dc, &dummy)
	if err != nil {
		return failed("ChoosePixelFormat", err)
	}
	if err := setPixelFormat(dc, format, &dummy); err != nil {
		return failed("SetPixelFormat (helper window)", err)
	}
	rc, err := p.context(func() (windows.Handle, error) { return p.gl.wglCreateContext(dc) })
	if err != nil {
		return failed("wglCreateContext (helper window)", err)
	}
	if err := p.gl.wglMakeCurrent(dc, rc); err != nil {
		return failed("wglMakeCurrent (helper window)", err)
	}
	// What the driver offers without asking for a version: the
	// explanation quotes it when the 2.1 context is refused.
	offered := Result{
		Probed:   true,
		Version:  p.gl.glGetString(glVersion),
		Renderer: p.gl.glGetString(glRenderer),
		Vendor:   p.gl.glGetString(glVendor),
	}
	exts := p.extensions(dc)
	var createAttribs, getFormatAttribs uintptr
	if hasExtension(exts, "WGL_ARB_create_context") {
		createAttribs = p.gl.wglGetProcAddress("wglCreateContextAttribsARB")
	}
	if hasExtension(exts, "WGL_ARB_pixel_format") {
		getFormatAttribs = p.gl.wglGetProcAddress("wglGetPixelFormatAttribivARB")
	}

	// 2. A pixel format GLFW would accept.
	usable, err := usablePixelFormat(dc, getFormatAttribs)
	if err != nil {
		return failed("enumerating pixel formats", err)
	}
	_ = p.gl.wglMakeCurrent(0, 0)
	if usable == 0 {
		r := offered
		r.Reason = ReasonNoDriver
		r.Detail = "no accelerated RGBA double-buffered pixel format: only GDI's generic OpenGL"
		return r
	}

	// 3. The context GLFW asks for, on a window of that format.
	_, dc2, err := p.window()
	if err != nil {
		return failed("window", err)
	}
	var pfd pixelFormatDescriptor
	if _, err := describePixelFormat(dc2, usable, uint32(unsafe.Sizeof(pfd)), &pfd); err != nil {
		return failed("DescribePixelFormat", err)
	}
	if err := setPixelFormat(dc2, usable, &pfd); err != nil {
		return failed("SetPixelFormat", err)
	}
	call := "wglCreateContext"
	ctx, err := p.context(func() (windows.Handle, error) {
		if createAttribs == 0 {
			return p.gl.wglCreateContext(dc2)
		}
		call = fmt.Sprintf("wglCreateContextAttribsARB(%s)", Required)
		attribs := [...]int32{
			wglContextMajorVersionARB, int32(Required.Major),
			wglContextMinorVersionARB, int32(Required.Minor),
			0, 0,
		}
		r, _, e := syscall.SyscallN(createAttribs, uintptr(dc2), 0, uintptr(unsafe.Pointer(&attribs[0])))
		if r == 0 {
			return 0, lastError(e)
		}
		return windows.Handle(r), nil
	})
	if err != nil {
		r := offered
		r.Reason = ReasonContextRefused
		r.Detail = fmt.Sprintf("%s failed: %v", call, err)
		if errors.Is(err, syscall.Errno(errorInvalidVersionARB)) {
			r.Detail = fmt.Sprintf("%s failed: the driver does not support OpenGL %s", call, Required)
		}
		return r
	}

	// 4. Its version.
	if err := p.gl.wglMakeCurrent(dc2, ctx); err != nil {
		return failed("wglMakeCurrent", err)
	}
	r := Result{
		Version:  p.gl.glGetString(glVersion),
		Renderer: p.gl.glGetString(glRenderer),
		Vendor:   p.gl.glGetString(glVendor),
	}
	_ = p.gl.wglMakeCurrent(0, 0)
	return verdict(r)
}

func (p *wglProbe) register() error {
	var err error
	if p.instance, err = getModuleHandle(nil); err != nil {
		return err
	}
	class := wndClassEx{
		Style: csOwnDC,
		// DefWindowProcW itself: the hidden windows get no message that
		// needs Go code, so no callback into Go is made.
		WndProc:   procDefWindowProcW.Addr(),
		Instance:  p.instance,
		ClassName: probeClassName,
	}
	class.Size = uint32(unsafe.Sizeof(class))
	if _, err := registerClassEx(&class); err != nil {
		// A probe that timed out earlier may still hold the class.
		if !errors.Is(err, syscall.Errno(errorClassAlreadyExists)) {
			return err
		}
	}
	p.class = true
	return nil
}

// window makes a hidden window of the probe's class and returns its DC.
func (p *wglProbe) window() (windows.HWND, windows.Handle, error) {
	hwnd, err := createWindowEx(0, probeClassName, probeClassName,
		wsOverlappedWindow|wsClipSiblings|wsClipChildren,
		0, 0, 16, 16, 0, 0, p.instance, 0)
	if err != nil {
		return 0, 0, fmt.Errorf("CreateWindowExW: %w", err)
	}
	p.windows = append(p.windows, hwnd)
	dc := getDC(hwnd)
	if dc == 0 {
		return 0, 0, errors.New("GetDC failed")
	}
	p.dcs[hwnd] = dc
	return hwnd, dc, nil
}

func (p *wglProbe) context(create func() (windows.Handle, error)) (windows.Handle, error) {
	rc, err := create()
	if err == nil {
		p.contexts = append(p.contexts, rc)
	}
	return rc, err
}

// extensions returns the WGL extension string, through
// wglGetExtensionsStringARB(HDC) or wglGetExtensionsStringEXT(), with the
// dummy context current.
func (p *wglProbe) extensions(dc windows.Handle) string {
	if f := p.gl.wglGetProcAddress("wglGetExtensionsStringARB"); f != 0 {
		r, _, _ := syscall.SyscallN(f, uintptr(dc))
		return cString(r)
	}
	if f := p.gl.wglGetProcAddress("wglGetExtensionsStringEXT"); f != 0 {
		r, _, _ := syscall.SyscallN(f)
		return cString(r)
	}
	return ""
}

func (p *wglProbe) close() {
	if p.gl != nil {
		_ = p.gl.wglMakeCurrent(0, 0)
		for _, rc := range p.contexts {
			p.gl.wglDeleteContext(rc)
		}
	}
	for _, hwnd := range p.windows {
		if dc, ok := p.dcs[hwnd]; ok {
			releaseDC(hwnd, dc)
		}
		_ = destroyWindow(hwnd)
	}
	if p.class {
		_ = unregisterClass(probeClassName, p.instance)
	}
}

// hasExtension reports whether a space-separated extension list names ext.
func hasExtension(list, ext string) bool {
	for _, e := range strings.Fields(list) {
		if e == ext {
			return true
		}
	}
	return false
}
