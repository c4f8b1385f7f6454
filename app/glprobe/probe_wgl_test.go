//go:build windows && !gles && !arm && !arm64

package glprobe

import (
	"testing"
	"unsafe"
)

const driverProbed = true

// The structures must have their C sizes, or the calls read garbage.
func TestProbeStructuresHaveTheirCSizes(t *testing.T) {
	if got := unsafe.Sizeof(pixelFormatDescriptor{}); got != 40 {
		t.Errorf("PIXELFORMATDESCRIPTOR is %d bytes, want 40", got)
	}
	if got := unsafe.Sizeof(wndClassEx{}); got != 80 {
		t.Errorf("WNDCLASSEXW is %d bytes, want 80 (amd64)", got)
	}
}

func TestProbeAcceptsThePixelFormatsGLFWAccepts(t *testing.T) {
	const window = pfdDrawToWindow | pfdSupportOpenGL | pfdDoubleBuffer
	for _, tc := range []struct {
		name  string
		pfd   pixelFormatDescriptor
		wants bool
	}{
		{"an ICD's format", pixelFormatDescriptor{Flags: window, PixelType: pfdTypeRGBA}, true},
		{"GDI's generic software format", pixelFormatDescriptor{Flags: window | pfdGenericFormat, PixelType: pfdTypeRGBA}, false},
		{"an accelerated generic (MCD) format", pixelFormatDescriptor{Flags: window | pfdGenericFormat | pfdGenericAccelerated, PixelType: pfdTypeRGBA}, true},
		{"single-buffered", pixelFormatDescriptor{Flags: pfdDrawToWindow | pfdSupportOpenGL, PixelType: pfdTypeRGBA}, false},
		{"colour-indexed", pixelFormatDescriptor{Flags: window, PixelType: 1}, false},
		{"bitmap only", pixelFormatDescriptor{Flags: pfdSupportOpenGL | pfdDoubleBuffer, PixelType: pfdTypeRGBA}, false},
	} {
		if got := acceptedFormat(tc.pfd); got != tc.wants {
			t.Errorf("%s: accepted %v", tc.name, got)
		}
	}
}

func TestProbeReadsExtensionLists(t *testing.T) {
	list := "WGL_ARB_extensions_string WGL_ARB_create_context_profile WGL_ARB_pixel_format"
	if hasExtension(list, "WGL_ARB_create_context") || !hasExtension(list, "WGL_ARB_pixel_format") {
		t.Error("a prefix of an extension counts as the extension")
	}
}
