package app

import (
	"io"
	"strings"

	"qscert/certs/coded"
)

// guiOptions are the flags the window takes: `qscert --demo --lang fr`,
// and the start values an elevated copy of the window is given (--folder,
// --host; never a password, see app/elevation.Carry).
type guiOptions struct {
	demo   bool
	lang   string
	folder string
	host   string
}

// isGUIFlag reports whether args start the window rather than a command.
func isGUIFlag(arg string) bool {
	name := strings.TrimLeft(strings.SplitN(arg, "=", 2)[0], "-")
	return strings.HasPrefix(arg, "-") && (name == "demo" || name == "lang" || name == "folder" || name == "host")
}

func parseGUIOptions(args []string) (guiOptions, error) {
	var o guiOptions
	// Run has warned about an unknown --lang already.
	c := newCommandFlags(&Env{Stderr: io.Discard}, "")
	c.set.BoolVar(&o.demo, "demo", false, "flag.demo")
	c.set.StringVar(&o.folder, "folder", "", "flag.folder.window")
	c.set.StringVar(&o.host, "host", "", "flag.host.window")
	rest, err := c.parse(args)
	if err != nil {
		return o, err
	}
	if len(rest) > 0 {
		return o, coded.New(CodeBadUsage, nil, "command", "qscert", "detail", strings.Join(rest, " "))
	}
	o.lang = c.lang
	return o, nil
}
