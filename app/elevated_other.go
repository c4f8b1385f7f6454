//go:build !windows

package app

import (
	"os"
	"strings"
)

// isElevated reports whether this process runs as root, the nearest thing
// to Windows' elevation (see elevated_windows.go).
func isElevated() bool { return os.Geteuid() == 0 }

// currentSID has no meaning outside Windows.
func currentSID() string { return "" }

// shellCommandLine quotes args for a POSIX shell.
func shellCommandLine(args []string) string {
	quoted := make([]string, len(args))
	for i, a := range args {
		if a != "" && strings.Trim(a, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./:=@,+") == "" {
			quoted[i] = a
			continue
		}
		quoted[i] = "'" + strings.ReplaceAll(a, "'", `'\''`) + "'"
	}
	return strings.Join(quoted, " ")
}
