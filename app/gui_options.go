package app

import (
	"io"
	"slices"
	"strings"

	"qscert/certs/coded"
	"qscert/wizard/flow"
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
	// flow is the flow the wizard opens on (flow.Flows; "" for the
	// install), as "Restart as administrator" carries it.
	flow string
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
	return strings.HasPrefix(arg, "-") && (name == "demo" || name == "lang" || name == "console" || name == "accessible" || name == "folder" || name == "host" || name == "flow" || name == "simulate")
}

// guiFlags are the wizard's flags, into o: what parseGUIOptions reads and
// `qscert help` lists.
func guiFlags(o *guiOptions) *commandFlags {
	// Run has warned about an unknown --lang already.
	c := newCommandFlags(&Env{Stderr: io.Discard}, "")
	c.set.BoolVar(&o.demo, "demo", false, "flag.demo")
	c.set.BoolVar(&o.console, "console", false, "flag.console")
	c.set.BoolVar(&o.accessible, "accessible", false, "flag.accessible")
	c.set.StringVar(&o.flow, "flow", "", "flag.flow")
	c.set.StringVar(&o.folder, "folder", "", "flag.folder.window")
	c.set.StringVar(&o.host, "host", "", "flag.host.window")
	c.set.StringVar(&o.simulate, "simulate", "", "flag.simulate.window")
	return c
}

func parseGUIOptions(args []string) (guiOptions, error) {
	var o guiOptions
	c := guiFlags(&o)
	rest, err := c.parse(args)
	o.lang = c.lang // the language of an error too, when --lang came before it
	if err != nil {
		return o, err
	}
	if o.flow != "" && !slices.Contains(flow.Flows, o.flow) {
		return o, coded.New(CodeBadFlagValue, nil, "command", "qscert", "flag", "--flow", "value", o.flow, "reason", "flow")
	}
	if len(rest) > 0 {
		return o, coded.New(CodeBadUsage, nil, "command", "qscert", "detail", strings.Join(rest, " "))
	}
	o.console = o.console || o.accessible
	return o, nil
}
