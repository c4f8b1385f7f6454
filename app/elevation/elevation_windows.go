package elevation

import (
	"errors"

	"golang.org/x/sys/windows"

	"qscert/certs/coded"
)

// IsElevated reports whether this process runs with an elevated token:
// TokenElevation of the process token, which is what UAC changes (a member
// of Administrators without elevation has a filtered token and reads
// false). It reads false when the token cannot be queried.
func IsElevated() bool {
	return windows.GetCurrentProcessToken().IsElevated()
}

// relaunch asks the shell for the "runas" verb, which shows the UAC prompt
// (consent.exe) and starts exe elevated; CreateProcess cannot elevate.
func relaunch(owner uintptr, exe string, args []string, dir string) error {
	verb, err := windows.UTF16PtrFromString("runas")
	if err != nil {
		return coded.New(CodeFailed, err, "detail", err.Error())
	}
	file, err := windows.UTF16PtrFromString(exe)
	if err != nil {
		return coded.New(CodeFailed, err, "detail", err.Error())
	}
	// lpParameters: one string, quoted as CommandLineToArgvW (and Go's
	// os.Args) split it again.
	params, err := windows.UTF16PtrFromString(windows.ComposeCommandLine(args))
	if err != nil {
		return coded.New(CodeFailed, err, "detail", err.Error())
	}
	// lpDirectory: an elevated process otherwise starts in system32.
	cwd, err := windows.UTF16PtrFromString(dir)
	if err != nil {
		return coded.New(CodeFailed, err, "detail", err.Error())
	}
	// hwnd: the owner of the UAC prompt, so that it comes to the front of
	// the wizard rather than behind it. nShowCmd SW_SHOWNORMAL (1).
	err = windows.ShellExecute(windows.Handle(owner), verb, file, params, cwd, windows.SW_SHOWNORMAL)
	switch {
	case err == nil:
		return nil
	case errors.Is(err, windows.ERROR_CANCELLED):
		// ERROR_CANCELLED (1223): "No" on the UAC prompt.
		return coded.New(CodeDeclined, err)
	default:
		return coded.New(CodeFailed, err, "detail", err.Error())
	}
}

// commandLine quotes args as cmd.exe and PowerShell users type them.
func commandLine(args []string) string {
	return windows.ComposeCommandLine(args)
}
