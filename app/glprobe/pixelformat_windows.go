//go:build windows && !gles && !arm && !arm64

package glprobe

import (
	"fmt"
	"syscall"
	"unsafe"

	"golang.org/x/sys/windows"
)

// Pixel format flags and attributes, with their C names.
const (
	pfdDoubleBuffer       = 0x00000001 // PFD_DOUBLEBUFFER
	pfdDrawToWindow       = 0x00000004 // PFD_DRAW_TO_WINDOW
	pfdSupportOpenGL      = 0x00000020 // PFD_SUPPORT_OPENGL
	pfdGenericFormat      = 0x00000040 // PFD_GENERIC_FORMAT: GDI's software OpenGL 1.1
	pfdGenericAccelerated = 0x00001000 // PFD_GENERIC_ACCELERATED: an MCD driver under GDI
	pfdTypeRGBA           = 0          // PFD_TYPE_RGBA

	wglNumberPixelFormatsARB = 0x2000 // WGL_NUMBER_PIXEL_FORMATS_ARB
	wglDrawToWindowARB       = 0x2001 // WGL_DRAW_TO_WINDOW_ARB
	wglAccelerationARB       = 0x2003 // WGL_ACCELERATION_ARB
	wglSupportOpenGLARB      = 0x2010 // WGL_SUPPORT_OPENGL_ARB
	wglDoubleBufferARB       = 0x2011 // WGL_DOUBLE_BUFFER_ARB
	wglPixelTypeARB          = 0x2013 // WGL_PIXEL_TYPE_ARB
	wglNoAccelerationARB     = 0x2025 // WGL_NO_ACCELERATION_ARB
	wglTypeRGBAARB           = 0x202B // WGL_TYPE_RGBA_ARB

)

// usablePixelFormat returns the first pixel format of dc that GLFW's
// choosePixelFormat would keep for Fyne's window (through
// wglGetPixelFormatAttribivARB when the driver has it, through
// DescribePixelFormat otherwise), or 0 when there is none.
func usablePixelFormat(dc windows.Handle, getAttribs uintptr) (int32, error) {
	var pfd pixelFormatDescriptor
	count, err := describePixelFormat(dc, 1, uint32(unsafe.Sizeof(pfd)), &pfd)
	if err != nil {
		return 0, fmt.Errorf("DescribePixelFormat: %w", err)
	}
	if getAttribs != 0 {
		// GLFW's Parallels note: trust the smaller of the two counts.
		attrib, n := int32(wglNumberPixelFormatsARB), int32(0)
		if r, _, e := syscall.SyscallN(getAttribs, uintptr(dc), 1, 0, 1,
			uintptr(unsafe.Pointer(&attrib)), uintptr(unsafe.Pointer(&n))); r == 0 {
			return 0, fmt.Errorf("wglGetPixelFormatAttribivARB: %w", lastError(e))
		}
		count = min(count, n)
		attribs := [...]int32{wglSupportOpenGLARB, wglDrawToWindowARB, wglPixelTypeARB, wglAccelerationARB, wglDoubleBufferARB}
		var values [len(attribs)]int32
		for f := int32(1); f <= count; f++ {
			if r, _, e := syscall.SyscallN(getAttribs, uintptr(dc), uintptr(f), 0, uintptr(len(attribs)),
				uintptr(unsafe.Pointer(&attribs[0])), uintptr(unsafe.Pointer(&values[0]))); r == 0 {
				return 0, fmt.Errorf("wglGetPixelFormatAttribivARB(%d): %w", f, lastError(e))
			}
			if values[0] != 0 && values[1] != 0 && values[2] == wglTypeRGBAARB &&
				values[3] != wglNoAccelerationARB && values[4] != 0 {
				return f, nil
			}
		}
		return 0, nil
	}
	for f := int32(1); f <= count; f++ {
		if _, err := describePixelFormat(dc, f, uint32(unsafe.Sizeof(pfd)), &pfd); err != nil {
			return 0, fmt.Errorf("DescribePixelFormat(%d): %w", f, err)
		}
		if acceptedFormat(pfd) {
			return f, nil
		}
	}
	return 0, nil
}

// acceptedFormat is GLFW's legacy filter: a window, OpenGL, not GDI's
// unaccelerated generic implementation, RGBA, double-buffered (Fyne's
// default).
func acceptedFormat(pfd pixelFormatDescriptor) bool {
	const need = pfdDrawToWindow | pfdSupportOpenGL | pfdDoubleBuffer
	if pfd.Flags&need != need {
		return false
	}
	if pfd.Flags&pfdGenericFormat != 0 && pfd.Flags&pfdGenericAccelerated == 0 {
		return false
	}
	return pfd.PixelType == pfdTypeRGBA
}
