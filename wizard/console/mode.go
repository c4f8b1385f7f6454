package console

import (
	"io"

	"golang.org/x/term"
)

// Mode is how the wizard talks to the terminal.
type Mode int

const (
	// Forms: huh's forms, drawn in place.
	Forms Mode = iota
	// Lines: huh's accessible mode, one plain line per prompt, nothing
	// redrawn; what screen readers read, and what any terminal shows.
	Lines
)

func (m Mode) String() string {
	if m == Lines {
		return "lines"
	}
	return "forms"
}

// ModeFor chooses the mode for a terminal: Lines unless both ends are a
// terminal that can draw. getenv reads the environment (TERM).
func ModeFor(in io.Reader, out io.Writer, getenv func(string) string) Mode {
	if !isTerminal(in) || !isTerminal(out) || getenv("TERM") == "dumb" || !drawsEscapes(out) {
		return Lines
	}
	return Forms
}

// fder is what *os.File has: a descriptor (a handle on Windows).
type fder interface{ Fd() uintptr }

// isTerminal: v is a terminal (a console on Windows).
func isTerminal(v any) bool {
	f, ok := v.(fder)
	return ok && term.IsTerminal(int(f.Fd()))
}
