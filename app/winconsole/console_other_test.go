//go:build !windows

package winconsole

import (
	"os"
	"testing"
)

func TestOpenOutsideWindowsIsTheProcessTerminal(t *testing.T) {
	c, err := Open("qscert")
	if err != nil {
		t.Fatal(err)
	}
	if c.Fresh || c.In != os.Stdin || c.Out != os.Stdout || c.Err != os.Stderr {
		t.Fatalf("%+v", c)
	}
	// A terminal the user already had stays after qscert: nothing to hold.
	c.HoldOpen("never waits")
}
