package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// wantsWindow reports whether args ask for the wizard rather than a
// command: no arguments, or a first argument that is a flag (--demo,
// --lang fr, and the carried --folder and --host of a restart as
// administrator). Commands are words (validate, install...) and help is
// one too, in any of its spellings.
func wantsWindow(args []string) bool {
	if len(args) == 0 {
		return true
	}
	switch args[0] {
	case "-h", "-help", "--help", "/?":
		return false
	}
	return strings.HasPrefix(args[0], "-")
}

// windowProgram is qscert.exe beside this program, whatever the two are
// called: the twin's name with .exe for its extension.
func windowProgram() (string, error) {
	self, err := os.Executable()
	if err != nil {
		return "", err
	}
	return strings.TrimSuffix(self, filepath.Ext(self)) + ".exe", nil
}

// startWindow starts the wizard with args and does not wait for it: the
// window is the user's now, and the shell gets its prompt back, as it
// does for any GUI program typed at it. The window gets no handle of this
// console (os/exec gives it the NUL device).
func startWindow(args []string) error {
	exe, err := windowProgram()
	if err != nil {
		return err
	}
	if _, err := os.Stat(exe); err != nil {
		return err
	}
	cmd := exec.Command(exe, args...)
	if err := cmd.Start(); err != nil {
		return err
	}
	return cmd.Process.Release()
}
