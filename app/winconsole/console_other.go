//go:build !windows

package winconsole

import "os"

// Open returns the process's own terminal: outside Windows a program
// started from a terminal has it, and there is nothing to allocate.
func Open(title string) (*Console, error) {
	return &Console{In: os.Stdin, Out: os.Stdout, Err: os.Stderr}, nil
}
