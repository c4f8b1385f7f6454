package glprobe

import (
	"errors"
	"os"
	"path/filepath"
	"sync"
	"syscall"
	"unsafe"

	"golang.org/x/sys/windows"
)

// openGL32 returns the opengl32.dll that GLFW will load. GLFW calls
// LoadLibraryA("opengl32.dll"), and opengl32.dll is not one of the
// KnownDLLs, so the loader looks beside the exe first: that is how a
// software OpenGL (Mesa's llvmpipe opengl32.dll) dropped beside qscert.exe
// gives the window to a machine without a driver. The probe must test that
// DLL, and must not load the system one first: a module of the same name
// already in the process is what LoadLibrary returns, which would hide
// the one beside the exe from GLFW.
//
// The DLL beside the exe is loaded by its full path, never by a bare name
// (no search order, no DLL planted in the current folder); the system one
// from System32 only. Neither is unloaded: GLFW loads the same module next.
var openGL32 = sync.OnceValue(func() *windows.LazyDLL {
	if exe, err := os.Executable(); err == nil {
		beside := filepath.Join(filepath.Dir(exe), "opengl32.dll")
		if _, err := os.Stat(beside); err == nil {
			return windows.NewLazyDLL(beside)
		}
	}
	return windows.NewLazySystemDLL("opengl32.dll")
})

// gl holds opengl32's entry points for one probe.
type gl struct {
	createContext, deleteContext, makeCurrent, getProcAddress, getString *windows.LazyProc
}

func loadGL() (*gl, error) {
	dll := openGL32()
	if err := dll.Load(); err != nil {
		return nil, err
	}
	g := &gl{
		createContext:  dll.NewProc("wglCreateContext"),
		deleteContext:  dll.NewProc("wglDeleteContext"),
		makeCurrent:    dll.NewProc("wglMakeCurrent"),
		getProcAddress: dll.NewProc("wglGetProcAddress"),
		getString:      dll.NewProc("glGetString"),
	}
	for _, p := range []*windows.LazyProc{g.createContext, g.deleteContext, g.makeCurrent, g.getProcAddress, g.getString} {
		if err := p.Find(); err != nil {
			return nil, err
		}
	}
	return g, nil
}

// HGLRC wglCreateContext(HDC hdc)
func (g *gl) wglCreateContext(dc windows.Handle) (windows.Handle, error) {
	r, _, e := syscall.SyscallN(g.createContext.Addr(), uintptr(dc))
	if r == 0 {
		return 0, lastError(e)
	}
	return windows.Handle(r), nil
}

// BOOL wglDeleteContext(HGLRC hglrc)
func (g *gl) wglDeleteContext(rc windows.Handle) {
	syscall.SyscallN(g.deleteContext.Addr(), uintptr(rc))
}

// BOOL wglMakeCurrent(HDC hdc, HGLRC hglrc); (0, 0) releases the
// thread's current context.
func (g *gl) wglMakeCurrent(dc, rc windows.Handle) error {
	r, _, e := syscall.SyscallN(g.makeCurrent.Addr(), uintptr(dc), uintptr(rc))
	if r == 0 {
		return lastError(e)
	}
	return nil
}

// PROC wglGetProcAddress(LPCSTR name): the driver's extension functions,
// known only while one of its contexts is current. Some drivers return
// 1, 2, 3 or -1 instead of NULL for a missing function.
func (g *gl) wglGetProcAddress(name string) uintptr {
	b, err := windows.BytePtrFromString(name)
	if err != nil {
		return 0
	}
	r, _, _ := syscall.SyscallN(g.getProcAddress.Addr(), uintptr(unsafe.Pointer(b)))
	if r <= 3 || r == ^uintptr(0) {
		return 0
	}
	return r
}

// const GLubyte *glGetString(GLenum name), on the current context.
func (g *gl) glGetString(name uint32) string {
	r, _, _ := syscall.SyscallN(g.getString.Addr(), uintptr(name))
	return cString(r)
}

// cString copies a NUL-terminated string the driver owns (at most 64 KiB,
// far more than any extension list, so that a driver's missing terminator
// cannot run away).
func cString(p uintptr) string {
	if p == 0 {
		return ""
	}
	// The driver's memory, not Go's: no GC concern. The double
	// indirection is the conversion go vet accepts for such a pointer.
	b := unsafe.Slice(*(**byte)(unsafe.Pointer(&p)), 1<<16)
	for i, c := range b {
		if c == 0 {
			return string(b[:i])
		}
	}
	return string(b)
}

var errNoCode = errors.New("no error code")

// lastError is GetLastError as SyscallN saw it, or a generic error when
// the call failed without setting one.
func lastError(e syscall.Errno) error {
	if e == 0 {
		return errNoCode
	}
	return e
}
