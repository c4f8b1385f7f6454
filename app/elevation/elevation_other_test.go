//go:build !windows

package elevation_test

import (
	"testing"

	"qscert/app/elevation"
	"qscert/certs/coded"
)

func TestRelaunchIsUnsupportedOutsideWindows(t *testing.T) {
	err := elevation.Relaunch(0, elevation.Carry{Host: "qlik"}.Args())
	if coded.CodeOf(err) != elevation.CodeUnsupported {
		t.Errorf("Relaunch = %v, want %s", err, elevation.CodeUnsupported)
	}
}
