package console

import (
	"io"

	"golang.org/x/sys/windows"
)

// drawsEscapes: the console interprets escape sequences (colours, cursor
// moves), which huh's forms are drawn with. Windows 10's console does once
// asked to (ENABLE_VIRTUAL_TERMINAL_PROCESSING), and so does Windows
// Terminal; older consoles refuse the mode: they get plain lines. The
// mode is left on when it was accepted: the forms need it. Wine's console
// takes the mode but cannot keep up with the forms (wine_windows.go).
func drawsEscapes(out io.Writer) bool {
	f, ok := out.(fder)
	if !ok || wineConsole() {
		return false
	}
	h := windows.Handle(f.Fd())
	var mode uint32
	if windows.GetConsoleMode(h, &mode) != nil {
		return false
	}
	// ENABLE_PROCESSED_OUTPUT | ENABLE_VIRTUAL_TERMINAL_PROCESSING
	want := mode | windows.ENABLE_PROCESSED_OUTPUT | windows.ENABLE_VIRTUAL_TERMINAL_PROCESSING
	if windows.SetConsoleMode(h, want) != nil {
		return false
	}
	// Read it back: a console that takes the call but not the flag
	// cannot draw either.
	var got uint32
	return windows.GetConsoleMode(h, &got) == nil && got&windows.ENABLE_VIRTUAL_TERMINAL_PROCESSING != 0
}
