//go:build !windows

package support

import (
	"bufio"
	"os"
	"runtime"
	"strings"

	"golang.org/x/sys/unix"
)

// osBuild is the distribution's name (os-release's PRETTY_NAME) and the
// kernel's release.
func osBuild() string {
	name := runtime.GOOS
	if f, err := os.Open("/etc/os-release"); err == nil {
		defer f.Close()
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if v, ok := strings.CutPrefix(sc.Text(), "PRETTY_NAME="); ok {
				name = strings.Trim(v, `"'`)
			}
		}
	}
	var u unix.Utsname
	if err := unix.Uname(&u); err == nil {
		name += " (" + unix.ByteSliceToString(u.Release[:]) + ")"
	}
	return name
}

// elevated: running as root.
func elevated() bool { return os.Geteuid() == 0 }
