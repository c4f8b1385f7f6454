package app

import (
	"io"
	"strings"

	"qscert/certs/coded"
)

// guiOptions are the flags the wizard takes, window or console:
// `qscert --demo --lang fr`, `qscert --console --demo`, and the start
// values an elevated copy of the window is given (--folder, --host; never
// a password, see app/elevation.Carry).
type guiOptions struct {
	demo   bool
	lang   string
	folder string
	host   string
	// console opens the console wizard rather than the window.
	console bool
	// accessible asks the console wizard for plain line prompts (screen
	// readers); it implies console.
	accessible bool
	// simulate is the folder of a simulated central node for flow B
	// (made on first use), for training and on other systems.
	simulate string
}

// isGUIFlag reports whether args start the window rather than a command.
func isGUIFlag(arg string) bool {
	name := strings.TrimLeft(strings.SplitN(arg, "=", 2)[0], "-")
	return strings.HasPrefix(arg, "-") && (name == "demo" || name == "lang" || name == "console" || name == "accessible" || name == "folder" || name == "host" || name == "simulate")
}

func parseGUIOptions(args []string) (guiOptions, error) {
	var o guiOptions
	// Run has warned about an unknown --lang already.
	c := newCommandFlags(&Env{Stderr: io.Discard}, "")
	c.set.BoolVar(&o.demo, "demo", false, "flag.demo")
	c.set.StringVar(&o.folder, "folder", "", "flag.folder.window")
	c.set.StringVar(&o.host, "host", "", "flag.host.window")
	c.set.BoolVar(&o.console, "console", false, "flag.console")
	c.set.BoolVar(&o.accessible, "accessible", false, "flag.accessible")
	c.set.StringVar(&o.simulate, "simulate", "", "flag.simulate.window")
	rest, err := c.parse(args)
	if err != nil {
		return o, err
	}
	if len(rest) > 0 {
		return o, coded.New(CodeBadUsage, nil, "command", "qscert", "detail", strings.Join(rest, " "))
	}
	o.lang = c.lang
	o.console = o.console || o.accessible
	return o, nil
}
