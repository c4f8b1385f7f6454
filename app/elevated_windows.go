package app

import "golang.org/x/sys/windows"

// isElevated reports whether this process runs with an elevated token
// (TokenElevation of the process token, what UAC changes: an
// administrator without elevation has a filtered token and reads false).
//
// app/elevation (the Windows deliverable's branch) has the same check
// and the UAC relaunch; this pair stands in until it is merged, then
// isElevated becomes elevation.IsElevated.
func isElevated() bool { return windows.GetCurrentProcessToken().IsElevated() }

// currentSID is the SID of the account running qscert, or "".
func currentSID() string {
	u, err := windows.GetCurrentProcessToken().GetTokenUser()
	if err != nil {
		return ""
	}
	return u.User.Sid.String()
}

// shellCommandLine quotes args as cmd.exe and PowerShell users type them.
func shellCommandLine(args []string) string { return windows.ComposeCommandLine(args) }
