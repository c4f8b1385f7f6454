//go:build linux && cgo && !wayland && !gles && !arm && !arm64

package glprobe

import "testing"

const driverProbed = true

func TestProbeSaysUnusableWhenTheDisplayDoesNotAnswer(t *testing.T) {
	// A display number no X server listens on.
	r := Probe(Options{Getenv: env(map[string]string{"DISPLAY": ":4242"})})
	if r.Usable || r.Reason != ReasonDisplayUnreachable || r.Display != ":4242" {
		t.Fatalf("%+v", r)
	}
}
