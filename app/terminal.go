package app

import (
	"fmt"
	"io"
	"os"
	"os/signal"

	"golang.org/x/term"
)

// terminalSecretReader reads a secret typed at the terminal of f without
// showing it: what the password prompt and --password-stdin on a terminal
// use. The prompt goes to prompts (standard error), so that standard
// output stays the command's result.
//
// Ctrl+C while the terminal does not echo would leave it so after qscert
// has gone (the shell would then hide everything typed); the terminal's
// state is put back before the process ends on an interrupt.
func terminalSecretReader(f *os.File, prompts io.Writer) func(prompt string) (string, error) {
	fd := int(f.Fd())
	return func(prompt string) (string, error) {
		fmt.Fprint(prompts, prompt)
		state, err := term.GetState(fd)
		if err != nil {
			return "", err
		}
		interrupted := make(chan os.Signal, 1)
		signal.Notify(interrupted, os.Interrupt)
		done := make(chan struct{})
		defer func() {
			signal.Stop(interrupted)
			close(done)
		}()
		go func() {
			select {
			case <-interrupted:
				_ = term.Restore(fd, state)
				fmt.Fprintln(prompts)
				os.Exit(130) // 128 + SIGINT, as shells report an interrupted program
			case <-done:
			}
		}()
		secret, err := term.ReadPassword(fd)
		// The Enter that ended the line was not echoed either.
		fmt.Fprintln(prompts)
		return string(secret), err
	}
}

// isTerminal tells whether f is a terminal (a console on Windows). A file
// mode test is not enough: NUL on Windows is a character device too.
func isTerminal(f *os.File) bool { return term.IsTerminal(int(f.Fd())) }
