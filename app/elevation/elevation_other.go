//go:build !windows

package elevation

import (
	"os"
	"strings"

	"qscert/certs/coded"
)

// IsElevated reports whether this process runs as root: the nearest thing
// to Windows' elevation on other systems, where qscert has no machine-wide
// store to write.
func IsElevated() bool {
	return os.Geteuid() == 0
}

// relaunch has no UAC prompt to go through outside Windows.
func relaunch(owner uintptr, exe string, args []string, dir string) error {
	return coded.New(CodeUnsupported, nil)
}

// commandLine quotes args for a POSIX shell, each argument that needs it
// in single quotes.
func commandLine(args []string) string {
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
