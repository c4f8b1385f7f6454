package clocale

import (
	"os"
	"testing"
)

func TestBareCLocale(t *testing.T) {
	for in, want := range map[string]string{
		"C.UTF-8": "C", "C.utf8": "C", "C": "C", "POSIX": "POSIX", "POSIX.UTF-8": "POSIX", "C@euro": "C",
		"en_US.UTF-8": "", "fr_FR": "", "": "", "Ca": "", "CA.UTF-8": "",
	} {
		if got := bareCLocale(in); got != want {
			t.Errorf("bareCLocale(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestHideAndRestore changes the variable that decides, and only it, and
// puts it back.
func TestHideAndRestore(t *testing.T) {
	Restore() // what init did for the test binary's own environment
	for _, c := range []struct {
		vars     map[string]string
		name     string
		duringCh string
	}{
		{map[string]string{"LANG": "C.UTF-8"}, "LANG", "C"},
		{map[string]string{"LC_ALL": "C.UTF-8", "LANG": "fr_FR.UTF-8"}, "LC_ALL", "C"},
		{map[string]string{"LC_MESSAGES": "POSIX.UTF-8", "LANG": "C.UTF-8"}, "LC_MESSAGES", "POSIX"},
		{map[string]string{"LANG": "fr_FR.UTF-8"}, "LANG", "fr_FR.UTF-8"},
		{map[string]string{"LC_ALL": "C"}, "LC_ALL", "C"},
	} {
		for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
			t.Setenv(v, c.vars[v])
			if c.vars[v] == "" {
				os.Unsetenv(v)
			}
		}
		hide()
		if got := os.Getenv(c.name); got != c.duringCh {
			t.Errorf("%v: %s = %q while hidden, want %q", c.vars, c.name, got, c.duringCh)
		}
		Restore()
		if got := os.Getenv(c.name); got != c.vars[c.name] {
			t.Errorf("%v: %s = %q after Restore", c.vars, c.name, got)
		}
		for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
			if v != c.name && os.Getenv(v) != c.vars[v] {
				t.Errorf("%v: %s changed to %q", c.vars, v, os.Getenv(v))
			}
		}
	}
}
