package glprobe

import "golang.org/x/sys/windows"

// The structures of the Win32 calls in syscall_windows.go, on every
// Windows build (the calls are declared for all; the WGL probe uses them
// where Fyne draws with desktop OpenGL).

// pixelFormatDescriptor is PIXELFORMATDESCRIPTOR (40 bytes).
type pixelFormatDescriptor struct {
	Size, Version                                  uint16
	Flags                                          uint32
	PixelType, ColorBits, RedBits, RedShift        uint8
	GreenBits, GreenShift, BlueBits, BlueShift     uint8
	AlphaBits, AlphaShift, AccumBits, AccumRedBits uint8
	AccumGreenBits, AccumBlueBits, AccumAlphaBits  uint8
	DepthBits, StencilBits, AuxBuffers, LayerType  uint8
	Reserved                                       uint8
	LayerMask, VisibleMask, DamageMask             uint32
}

// wndClassEx is WNDCLASSEXW.
type wndClassEx struct {
	Size       uint32
	Style      uint32
	WndProc    uintptr
	ClsExtra   int32
	WndExtra   int32
	Instance   windows.Handle
	Icon       windows.Handle
	Cursor     windows.Handle
	Background windows.Handle
	MenuName   *uint16
	ClassName  *uint16
	IconSm     windows.Handle
}
