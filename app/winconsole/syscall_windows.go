package winconsole

// Win32 functions that golang.org/x/sys/windows does not declare, generated
// into zsyscall_windows.go by mkwinsyscall (system DLLs only). Regenerate
// with `go generate ./app/winconsole`.

//sys	allocConsole() (err error) = kernel32.AllocConsole
//sys	getConsoleWindow() (hwnd windows.HWND) = kernel32.GetConsoleWindow
//sys	setConsoleTitle(title *uint16) (err error) = kernel32.SetConsoleTitleW
