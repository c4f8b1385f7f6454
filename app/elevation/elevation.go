// Package elevation tells whether qscert runs with administrator rights,
// and starts it again with them: the wizard's "Restart as administrator"
// and the command line's advice on which command to run elevated.
//
// qscert.exe declares asInvoker in its manifest, so a double-click never
// asks for rights it may not need (checking an export, installing for the
// current user). Only the actions that write LocalMachine\Root or
// LocalMachine\My need them; the wizard then offers Relaunch, which goes
// through the UAC prompt (ShellExecute "runas"). A highestAvailable
// manifest would instead make CreateProcess from a non-elevated process
// fail with ERROR_ELEVATION_REQUIRED (740), which breaks qscert.com
// starting the window and any script that starts qscert.exe.
//
// What the elevated copy receives is only what Carry holds: the export
// folder, the host and the language typed so far. A password is never
// passed on: Relaunch refuses any password argument, because a command
// line is visible to every process on the machine.
package elevation

import (
	"os"
	"path/filepath"
	"strings"

	"qscert/certs/coded"
)

// Codes is the table of this package's codes. Each has a sentence under
// "code.<code>" in assets/translations/elevation.<lang>.json and a test
// that produces it.
var Codes = &coded.Registry{}

var (
	// CodeRequired tells a command-line user which command to run again
	// from an elevated prompt.
	CodeRequired = Codes.Error("elevation-required")
	// CodeDeclined: the user answered No to the UAC prompt.
	CodeDeclined = Codes.Error("elevation-declined")
	// CodeFailed: Windows could not start the elevated copy.
	CodeFailed = Codes.Error("elevation-failed")
	// CodeUnsupported: this system has no UAC prompt to go through.
	CodeUnsupported = Codes.Error("elevation-unsupported")
	// CodeSecretArgument: a password argument was about to be passed on.
	CodeSecretArgument = Codes.Error("elevation-secret-argument")
)

// Carry is what the wizard hands to its elevated copy. It has no password
// field on purpose: the user types the password again in the elevated
// window.
type Carry struct {
	Flow   string // the wizard's flow: "restore" or "recreate"; "" or "install" for the install
	Folder string // the export folder chosen so far
	Host   string // the Qlik Sense server's host name typed so far
	Lang   string // the language chosen on the welcome page
}

// Args returns the command-line arguments that give the elevated copy the
// same flow, folder, host and language: --flow W --folder F --host H
// --lang L, each only when set (the install, the default flow, unsaid). The folder is made absolute, because an elevated process does
// not start in the folder of the one that asked for it.
func (c Carry) Args() []string {
	var args []string
	if c.Flow != "" && c.Flow != "install" {
		args = append(args, "--flow", c.Flow)
	}
	if c.Folder != "" {
		folder := c.Folder
		if abs, err := filepath.Abs(folder); err == nil {
			folder = abs
		}
		args = append(args, "--folder", folder)
	}
	if c.Host != "" {
		args = append(args, "--host", c.Host)
	}
	if c.Lang != "" {
		args = append(args, "--lang", c.Lang)
	}
	return args
}

// Relaunch starts this program again with administrator rights and args,
// through the UAC prompt, in the current folder. owner is the window the
// prompt belongs to (its HWND on Windows, 0 for none). It returns once the
// new process is started, or a coded error: CodeDeclined when the user
// says no, CodeSecretArgument when args carry a password, CodeUnsupported
// outside Windows. The caller quits on success.
func Relaunch(owner uintptr, args []string) error {
	if err := refuseSecrets(args); err != nil {
		return err
	}
	exe, err := os.Executable()
	if err != nil {
		return coded.New(CodeFailed, err, "detail", err.Error())
	}
	dir, err := os.Getwd()
	if err != nil {
		dir = filepath.Dir(exe)
	}
	return relaunch(owner, exe, args, dir)
}

// refuseSecrets rejects any argument naming a password (--password,
// --password-file, -password-env=...): a password file's path is not the
// password, but what the elevated copy needs is only what Carry holds, and
// refusing the whole family keeps the rule simple to check.
func refuseSecrets(args []string) error {
	for _, a := range args {
		name := strings.TrimLeft(a, "-")
		if name == a {
			continue // a value, not a flag
		}
		name, _, _ = strings.Cut(name, "=")
		if strings.Contains(strings.ToLower(name), "password") {
			return coded.New(CodeSecretArgument, nil, "argument", "--"+name)
		}
	}
	return nil
}

// RequiredError is the command line's answer to an action that needs
// administrator rights: one sentence naming the command to run from an
// elevated prompt, args being the arguments the user gave (os.Args[1:]).
// cause is kept for logs and errors.Is.
func RequiredError(cause error, args []string) error {
	return coded.New(CodeRequired, cause, "command", commandLine(append([]string{"qscert"}, args...)))
}
