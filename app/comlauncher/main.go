// Command comlauncher is qscert.com, the console twin of qscert.exe.
//
// qscert.exe is built for the GUI subsystem, so that a double-click opens
// the wizard without a console window; but cmd.exe and PowerShell neither
// wait for a GUI program nor give it their console, so `qscert.exe
// validate` would print nothing and return at once. qscert.com sits beside
// it: when a user, a script or a fleet tool types `qscert`, cmd.exe and
// PowerShell find qscert.com first (PATHEXT lists .COM before .EXE). It is
// the same program built for the console subsystem and without cgo: its
// commands print to the console they were started from, and the shell
// waits for their exit code. Asked for the window (no command, or the
// window's flags), it starts qscert.exe beside it and returns at once, as
// typing qscert.exe would.
//
// Building the twin without the window keeps it free of cgo, Fyne and
// OpenGL: a quarter of qscert.exe's size, built in seconds, and nothing
// between the shell and the command (no relay of handles, Ctrl+C or exit
// codes to get wrong, as a small launcher in front of qscert.exe would
// have).
package main

import (
	"os"

	"qscert/app"
)

func main() {
	os.Exit(run(app.ProcessEnv(), os.Args[1:], startWindow))
}

// run runs one command line: the window through start, everything else
// through the same commands as qscert.exe.
func run(env *app.Env, args []string, start func(args []string) error) int {
	if wantsWindow(args) {
		if err := start(args); err == nil {
			return app.ExitOK
		}
		// No qscert.exe beside this one (or Windows would not start
		// it): the commands' own answer to a window request says what
		// this program can do instead.
	}
	return app.Run(env, args)
}
