package glprobe

// Win32 functions that golang.org/x/sys/windows does not declare. The
// bodies are generated into zsyscall_windows.go by mkwinsyscall, which
// loads each DLL from the system directory only (NewLazySystemDLL).
// opengl32.dll is the exception, loaded by opengl32_windows.go: the probe
// must load the very opengl32.dll that GLFW will.
//
// Regenerate with `go generate ./app/glprobe`.

// kernel32.dll
//sys	getModuleHandle(name *uint16) (module windows.Handle, err error) = kernel32.GetModuleHandleW

// user32.dll
//sys	registerClassEx(class *wndClassEx) (atom uint16, err error) = user32.RegisterClassExW
//sys	unregisterClass(className *uint16, instance windows.Handle) (err error) = user32.UnregisterClassW
//sys	createWindowEx(exStyle uint32, className *uint16, windowName *uint16, style uint32, x int32, y int32, width int32, height int32, parent windows.HWND, menu windows.Handle, instance windows.Handle, param uintptr) (hwnd windows.HWND, err error) = user32.CreateWindowExW
//sys	destroyWindow(hwnd windows.HWND) (err error) = user32.DestroyWindow
//sys	defWindowProc(hwnd windows.HWND, msg uint32, wparam uintptr, lparam uintptr) (ret uintptr) = user32.DefWindowProcW
//sys	getDC(hwnd windows.HWND) (dc windows.Handle) = user32.GetDC
//sys	releaseDC(hwnd windows.HWND, dc windows.Handle) (ret int32) = user32.ReleaseDC
//sys	getSystemMetrics(index int32) (value int32) = user32.GetSystemMetrics

// gdi32.dll
//sys	choosePixelFormat(dc windows.Handle, pfd *pixelFormatDescriptor) (format int32, err error) = gdi32.ChoosePixelFormat
//sys	setPixelFormat(dc windows.Handle, format int32, pfd *pixelFormatDescriptor) (err error) = gdi32.SetPixelFormat
//sys	describePixelFormat(dc windows.Handle, format int32, size uint32, pfd *pixelFormatDescriptor) (max int32, err error) = gdi32.DescribePixelFormat
