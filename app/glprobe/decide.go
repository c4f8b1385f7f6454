package glprobe

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"

	"qscert/assets/i18n"
)

// Start is what the program does after the probe.
type Start string

const (
	// StartWindow: open the wizard's window.
	StartWindow Start = "window"
	// StartConsole: run the wizard in a console instead.
	StartConsole Start = "console"
	// StartQuit: the user, told the window cannot open, declined the
	// console (the message box's No).
	StartQuit Start = "quit"
)

// The environment variables Decide reads. They are for tests and for
// support, not for users.
const (
	// EnvRecord names a file the decision is written to, as JSON.
	EnvRecord = "QSCERT_GLPROBE_RECORD"
	// EnvAnswer answers the Windows message box without showing it:
	// "yes" opens the console, anything else quits, as No does.
	EnvAnswer = "QSCERT_GLPROBE_ANSWER"
	// EnvProbe set to "skip" opens the window without probing: the way
	// out should the probe ever be wrong about a driver.
	EnvProbe = "QSCERT_GLPROBE"
)

// Decision is what Decide chose, and why.
type Decision struct {
	Start Start  `json:"start"`
	Probe Result `json:"probe"`
	// Explanation is what the user was told, "" when the window opens.
	Explanation string `json:"explanation,omitempty"`
	// Told says how: "box" (the Windows message box), "scripted" (its
	// answer came from QSCERT_GLPROBE_ANSWER), "terminal", or "" when
	// nothing needed saying. "skipped" when QSCERT_GLPROBE=skip.
	Told string `json:"told,omitempty"`
	// Answer is the box's answer, "yes" or "no", on Windows.
	Answer string `json:"answer,omitempty"`
}

// Config is what Decide needs from the program.
type Config struct {
	// Lang is "en", "fr", or "" for the system's language.
	Lang string
	// Getenv reads the environment; nil is os.Getenv.
	Getenv func(string) string
	// Stderr is where the explanation is printed, outside Windows.
	Stderr io.Writer
}

// probe and askBox are replaced by the tests.
var (
	probe  = Probe
	askBox = messageBox
)

// Decide probes, then chooses: the window when it can open; otherwise,
// on Windows, a message box explains and offers the console wizard (Yes)
// or to quit (No); elsewhere the explanation goes to the terminal and the
// console wizard follows.
func Decide(c Config) Decision {
	if c.Getenv == nil {
		c.Getenv = os.Getenv
	}
	if c.Stderr == nil {
		c.Stderr = io.Discard
	}
	var d Decision
	if c.Getenv(EnvProbe) == "skip" {
		d = Decision{Start: StartWindow, Probe: Result{Usable: true}, Told: "skipped"}
	} else {
		d = choose(probe(Options{Getenv: c.Getenv}), c, runtime.GOOS)
	}
	record(c, d)
	return d
}

// choose is Decide after the probe, for goos.
func choose(r Result, c Config, goos string) Decision {
	d := Decision{Start: StartWindow, Probe: r}
	if r.Usable {
		return d
	}
	t := i18n.New(c.Lang)
	d.Explanation = Explain(r, t, goos)
	if goos != "windows" {
		// A terminal program's user reads stderr; the console wizard
		// follows in the same terminal.
		fmt.Fprintf(c.Stderr, "%s\n%s\n\n", d.Explanation, t.T("glprobe.console"))
		d.Start, d.Told = StartConsole, "terminal"
		return d
	}
	// A GUI-subsystem exe has no terminal: a message box is the one thing
	// that shows without Fyne.
	var yes bool
	if answer := c.Getenv(EnvAnswer); answer != "" {
		yes, d.Told = strings.EqualFold(answer, "yes"), "scripted"
	} else {
		yes, d.Told = askBox(d.Explanation+"\n\n"+t.T("glprobe.ask"), t.T("wizard.title")), "box"
	}
	d.Start, d.Answer = StartQuit, "no"
	if yes {
		d.Start, d.Answer = StartConsole, "yes"
	}
	return d
}

// record writes the decision to QSCERT_GLPROBE_RECORD, when set, so that
// a test can assert the path taken without a human answering the box.
func record(c Config, d Decision) {
	path := c.Getenv(EnvRecord)
	if path == "" {
		return
	}
	b, err := json.MarshalIndent(d, "", "  ")
	if err == nil {
		err = os.WriteFile(path, append(b, '\n'), 0o600)
	}
	if err != nil {
		fmt.Fprintf(c.Stderr, "qscert: %s: %v\n", EnvRecord, err)
	}
}
