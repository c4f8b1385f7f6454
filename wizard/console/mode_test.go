//go:build !windows

package console

import (
	"os"
	"strings"
	"testing"

	"github.com/creack/pty"
)

func TestFormsNeedATerminalAtBothEndsThatCanDraw(t *testing.T) {
	ptm, tty, err := pty.Open()
	if err != nil {
		t.Fatal(err)
	}
	defer ptm.Close()
	defer tty.Close()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	env := func(term string) func(string) string {
		return func(k string) string {
			if k == "TERM" {
				return term
			}
			return ""
		}
	}
	for _, tc := range []struct {
		name string
		in   any
		out  any
		term string
		want Mode
	}{
		{"a terminal", tty, tty, "xterm-256color", Forms},
		{"TERM=dumb", tty, tty, "dumb", Lines},
		{"input from a pipe", r, tty, "xterm", Lines},
		{"output to a pipe", tty, w, "xterm", Lines},
		{"no file at all", strings.NewReader(""), &strings.Builder{}, "xterm", Lines},
	} {
		in, out := tc.in.(interface{ Read([]byte) (int, error) }), tc.out.(interface{ Write([]byte) (int, error) })
		if got := ModeFor(in, out, env(tc.term)); got != tc.want {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
	}
}
