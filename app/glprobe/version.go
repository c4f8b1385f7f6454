package glprobe

import (
	"fmt"
	"strconv"
	"strings"
)

// Version is an OpenGL version, major.minor.
type Version struct{ Major, Minor int }

// Required is the version Fyne 2.7.1's desktop driver asks GLFW for
// (internal/driver/glfw/glfw_core.go), with no profile and no forward
// compatibility: any context of 2.1 or later is accepted by GLFW.
var Required = Version{2, 1}

func (v Version) String() string { return fmt.Sprintf("%d.%d", v.Major, v.Minor) }

// AtLeast reports whether v is w or later.
func (v Version) AtLeast(w Version) bool {
	return v.Major > w.Major || v.Major == w.Major && v.Minor >= w.Minor
}

// esPrefixes are the prefixes an OpenGL ES driver puts before its version,
// the ones GLFW strips in _glfwRefreshContextAttribs (context.c).
var esPrefixes = []string{"OpenGL ES-CM ", "OpenGL ES-CL ", "OpenGL ES "}

// ParseVersion reads the version at the start of a GL_VERSION string, as
// GLFW does: "4.5 (Compatibility Profile) Mesa 22.3.6" is 4.5, "1.1.0" is
// 1.1, "2.1 Mesa 10.0" is 2.1. es tells whether the string names OpenGL ES,
// which is not what the desktop driver asks for. A string that does not
// start with major.minor is an error, never a panic.
func ParseVersion(s string) (v Version, es bool, err error) {
	rest := strings.TrimSpace(s)
	for _, p := range esPrefixes {
		if strings.HasPrefix(rest, p) {
			rest, es = rest[len(p):], true
			break
		}
	}
	major, rest, ok := leadingNumber(rest)
	if !ok || !strings.HasPrefix(rest, ".") {
		return Version{}, es, fmt.Errorf("GL_VERSION %q does not start with major.minor", s)
	}
	minor, _, ok := leadingNumber(rest[1:])
	if !ok {
		return Version{}, es, fmt.Errorf("GL_VERSION %q does not start with major.minor", s)
	}
	return Version{major, minor}, es, nil
}

// leadingNumber reads the decimal digits at the start of s (at most 4, so
// that no string can overflow an int).
func leadingNumber(s string) (int, string, bool) {
	n := 0
	for n < len(s) && n < 4 && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	if n == 0 {
		return 0, s, false
	}
	v, err := strconv.Atoi(s[:n])
	return v, s[n:], err == nil
}
