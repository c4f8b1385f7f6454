package winconsole

import (
	"fmt"
	"os"

	"golang.org/x/sys/windows"
)

// Open gives the process a console: its own when it has one (a
// console-subsystem build, started from cmd or PowerShell), otherwise a
// new one, titled title, to which os.Stdin, os.Stdout and os.Stderr and
// the process's standard handles are rebound.
func Open(title string) (*Console, error) {
	if getConsoleWindow() != 0 {
		return &Console{In: os.Stdin, Out: os.Stdout, Err: os.Stderr}, nil
	}
	if err := allocConsole(); err != nil {
		return nil, fmt.Errorf("AllocConsole: %w", err)
	}
	in, err := openConsole("CONIN$")
	if err != nil {
		return nil, err
	}
	out, err := openConsole("CONOUT$")
	if err != nil {
		in.Close()
		return nil, err
	}
	errOut, err := openConsole("CONOUT$")
	if err != nil {
		in.Close()
		out.Close()
		return nil, err
	}
	// The standard handles too: code that asks Windows for them
	// (GetStdHandle), and child processes, find the console.
	for _, std := range []struct {
		id uint32
		f  *os.File
	}{
		{windows.STD_INPUT_HANDLE, in},
		{windows.STD_OUTPUT_HANDLE, out},
		{windows.STD_ERROR_HANDLE, errOut},
	} {
		if err := windows.SetStdHandle(std.id, windows.Handle(std.f.Fd())); err != nil {
			return nil, fmt.Errorf("SetStdHandle: %w", err)
		}
	}
	os.Stdin, os.Stdout, os.Stderr = in, out, errOut
	// Colours and cursor moves from a terminal UI: Windows 10's console
	// reads the escape sequences once asked to. Older consoles, and Wine's,
	// refuse the mode and show plain text.
	for _, f := range []*os.File{out, errOut} {
		var mode uint32
		if windows.GetConsoleMode(windows.Handle(f.Fd()), &mode) == nil {
			_ = windows.SetConsoleMode(windows.Handle(f.Fd()),
				mode|windows.ENABLE_PROCESSED_OUTPUT|windows.ENABLE_VIRTUAL_TERMINAL_PROCESSING)
		}
	}
	if t, err := windows.UTF16PtrFromString(title); err == nil {
		_ = setConsoleTitle(t)
	}
	return &Console{In: in, Out: out, Err: errOut, Fresh: true}, nil
}

// openConsole opens the console's input (CONIN$) or screen buffer
// (CONOUT$) for reading and writing, as the console's own handles are.
func openConsole(name string) (*os.File, error) {
	p, err := windows.UTF16PtrFromString(name)
	if err != nil {
		return nil, err
	}
	h, err := windows.CreateFile(p,
		windows.GENERIC_READ|windows.GENERIC_WRITE,
		windows.FILE_SHARE_READ|windows.FILE_SHARE_WRITE,
		nil, windows.OPEN_EXISTING, 0, 0)
	if err != nil {
		return nil, fmt.Errorf("opening %s: %w", name, err)
	}
	return os.NewFile(uintptr(h), name), nil
}
