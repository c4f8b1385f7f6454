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

// TestProbeLeavesTheXServerUpForTheWindow: an X server whose last client
// leaves resets and refuses connections meanwhile (Xvfb does, as
// tools/glprobe-test.sh starts it, with no other client). The window's
// own connection comes right after the probe's; when the probe closed its
// connection, about one such connection in fifteen was refused here.
func TestProbeLeavesTheXServerUpForTheWindow(t *testing.T) {
	needsDriver(t)
	for i := 0; i < 40; i++ {
		if r := Probe(Options{}); !r.Usable {
			t.Fatalf("probe %d: %+v", i, r)
		}
	}
}
