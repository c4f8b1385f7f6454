// Package winconsole gives the console wizard a console when qscert.exe,
// a GUI-subsystem program (built with -H=windowsgui, so that a double
// click opens no black window behind the wizard), has none: Windows then
// starts it with no console and no standard handles.
//
// Open allocates a console of the process's own (AllocConsole) and
// rebinds os.Stdin, os.Stdout and os.Stderr, and the process's standard
// handles, to it (CONIN$ and CONOUT$). It does that rather than start a
// console twin of qscert.exe in a new console window, because the
// console wizard then runs in the process that probed OpenGL and asked
// the user, with the same state and the same exit code, with no second
// executable to ship, sign and keep in step, and no command line to pass
// the decision on. The price: that console closes when the process ends,
// so a program that ends after printing should let its user read it first
// (Console.HoldOpen).
//
// Elsewhere the process's own terminal is the console, and Open changes
// nothing.
package winconsole

import (
	"bufio"
	"fmt"
	"os"
)

// Console is the console the wizard reads from and writes to.
type Console struct {
	In, Out, Err *os.File
	// Fresh is true when Open made the console, which will close with the
	// process.
	Fresh bool
}

// HoldOpen, on a console Open made, prints prompt and waits for a line
// (Enter), so that the user can read what was printed before the window
// goes with the process. On any other console it returns at once.
func (c *Console) HoldOpen(prompt string) {
	if !c.Fresh {
		return
	}
	fmt.Fprint(c.Out, prompt)
	_, _ = bufio.NewReader(c.In).ReadString('\n')
}
