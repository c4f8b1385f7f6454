//go:build !windows && !darwin && !ios && !android

package glprobe

import "testing"

// env is a fake environment for the display checks, which read only
// what Options.Getenv gives them.
func env(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

func TestProbeSaysUnusableWithoutDisplay(t *testing.T) {
	r := Probe(Options{Getenv: env(nil)})
	if r.Usable || r.Reason != ReasonNoDisplay {
		t.Fatalf("%+v", r)
	}
}

func TestProbeSaysWaylandAloneCannotShowTheWindow(t *testing.T) {
	if waylandBuild {
		t.Skip("a wayland build draws on Wayland")
	}
	r := Probe(Options{Getenv: env(map[string]string{"WAYLAND_DISPLAY": "wayland-0"})})
	if r.Usable || r.Reason != ReasonWaylandOnly {
		t.Fatalf("%+v", r)
	}
}

func TestProbeTellsAnSSHSession(t *testing.T) {
	r := Probe(Options{Getenv: env(map[string]string{"SSH_CONNECTION": "10.0.0.1 50000 10.0.0.2 22"})})
	if r.Usable || r.Session != "ssh" {
		t.Fatalf("%+v", r)
	}
}
