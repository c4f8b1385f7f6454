package app

import (
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"

	"qscert/assets/i18n"
)

// writeHelp prints a command's usage and flags, in the command's language:
// what `qscert COMMAND --help` and `qscert help COMMAND` show.
func (c *commandFlags) writeHelp(w io.Writer) {
	t := c.translator()
	cmd, _ := commandNamed(c.name)
	fmt.Fprintf(w, "qscert %s: %s\n\n", c.name, t.T(cmd.summary))
	fmt.Fprintln(w, t.T("cli.help.usage", map[string]string{"usage": t.T(cmd.usage)}))
	fmt.Fprintln(w)
	fmt.Fprintln(w, t.T("cli.help.flags"))
	writeFlagList(w, t, c.set)
	fmt.Fprintln(w)
	fmt.Fprintln(w, t.T("cli.exit-codes"))
}

// writeFlagList prints a flag set's flags, a line each, in t's language,
// leaving out those named in skip.
func writeFlagList(w io.Writer, t *i18n.Translator, set *flag.FlagSet, skip ...string) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	set.VisitAll(func(f *flag.Flag) {
		if f.Usage == "" || slices.Contains(skip, f.Name) {
			return // a flag that exists only to be refused (--password)
		}
		placeholder, text := flag.UnquoteUsage(&flag.Flag{Name: f.Name, Usage: t.T(f.Usage), Value: f.Value})
		if bf, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && bf.IsBoolFlag() {
			placeholder = ""
		} else if placeholder == "value" || placeholder == "" {
			placeholder = t.T("cli.help.value")
		}
		name := "--" + f.Name
		if placeholder != "" {
			name += " " + placeholder
		}
		if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" {
			text += " " + t.T("cli.help.default", map[string]string{"value": f.DefValue})
		}
		fmt.Fprintf(tw, "  %s\t%s\n", name, text)
	})
	tw.Flush()
}

// writeCommands prints the list of commands: `qscert help`.
func writeCommands(w io.Writer, c *commandFlags) {
	t := c.translator()
	fmt.Fprintln(w, t.T("cli.usage"))
	fmt.Fprintln(w)
	fmt.Fprintln(w, t.T("cli.usage.line"))
	fmt.Fprintln(w)
	fmt.Fprintln(w, t.T("cli.usage.commands"))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, cmd := range listedCommands() {
		fmt.Fprintf(tw, "  %s\t%s\n", cmd.name, t.T(cmd.summary))
	}
	tw.Flush()
	fmt.Fprintln(w)
	// The wizard's own flags, which no command's help shows: an elevated
	// copy's --flow, a support engineer's --console --demo.
	fmt.Fprintln(w, t.T("cli.usage.wizard"))
	writeFlagList(w, t, guiFlags(&guiOptions{}).set, "lang", "json")
	fmt.Fprintln(w)
	fmt.Fprintln(w, strings.TrimSpace(t.T("cli.usage.footer")))
	fmt.Fprintln(w, t.T("cli.exit-codes"))
}
