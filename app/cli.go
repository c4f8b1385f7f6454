package app

import (
	"strings"

	"qscert/app/clocale"
	"qscert/assets/i18n"
	"qscert/certs/accounts"
	"qscert/certs/coded"
	"qscert/certs/output"
)

// Main runs qscert with the process's arguments and returns the exit code.
func Main(args []string) int {
	// The environment as the user set it: package clocale hid a "C.UTF-8"
	// locale from Fyne's init only.
	clocale.Restore()
	return Run(ProcessEnv(), args)
}

// Run runs one command. Flags in front of the command apply to it
// (`qscert --lang fr help`); without a command they are the window's
// (`qscert --demo --lang fr`; with --console, the console wizard's), and
// without arguments the window opens.
func Run(env *Env, args []string) int {
	if pipe := accounts.PipeArg(args); pipe != "" {
		return overPipe(env, pipe, args)
	}
	lead, rest, err := parseLeadingFlags(args)
	lang, known := i18n.Resolve(lead.lang)
	// An error before any command runs is said in the language, and as
	// JSON, that the arguments ask for wherever they stand.
	anyLang, asJSON := scanOutputFlags(args)
	if anyLang, ok := i18n.Resolve(anyLang); ok {
		lang = anyLang
	}
	t := i18n.New(lang).CommandLine()
	if err != nil {
		return failBeforeCommand(env, t, asJSON, err)
	}
	switch {
	case lead.help:
		return runHelp(env, append(lead.forward(), rest...))
	case lead.version:
		return runVersion(env, append(lead.forward(), rest...))
	case len(rest) == 0:
		if !known {
			warnUnknownLanguage(env, t, lead.lang)
		}
		if lead.console {
			return runConsole(env, args)
		}
		return runGUI(env, args)
	case lead.console:
		return failBeforeCommand(env, t, asJSON, coded.New(CodeBadUsage, nil, "command", rest[0], "detail", t.T("console.takes-no-command")))
	case lead.demo || lead.window:
		return failBeforeCommand(env, t, asJSON, coded.New(CodeBadUsage, nil, "command", rest[0], "detail", t.T("cli.demo-is-for-the-window")))
	}
	cmd, ok := commandNamed(rest[0])
	if !ok {
		params := []string{"command", rest[0]}
		if s := closest(rest[0], commandNames()); s != "" {
			params = append(params, "suggestion", s)
		}
		return failBeforeCommand(env, t, asJSON, coded.New(CodeUnknownCommand, nil, params...))
	}
	return cmd.run(env, append(lead.forward(), rest[1:]...))
}

// leadingFlags are the flags given before the command.
type leadingFlags struct {
	lang    string
	langSet bool
	json    bool
	demo    bool
	console bool // --console or --accessible: the console wizard
	help    bool
	version bool
	window  bool // --folder or --host: flags of the window
}

// forward gives the command the flags that were meant for it. They go in
// front of its own arguments, so that a --lang after the command wins.
func (l leadingFlags) forward() []string {
	var out []string
	if l.langSet {
		out = append(out, "--lang="+l.lang)
	}
	if l.json {
		out = append(out, "--json")
	}
	return out
}

// parseLeadingFlags reads the flags in front of the command: --lang,
// --json, the window's --demo, --help and --version.
func parseLeadingFlags(args []string) (leadingFlags, []string, error) {
	var l leadingFlags
	for i := 0; i < len(args); i++ {
		a := args[i]
		if !strings.HasPrefix(a, "-") || a == "-" {
			return l, args[i:], nil
		}
		if a == "--" {
			return l, args[i+1:], nil
		}
		name, value, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		switch name {
		case "lang":
			if !hasValue {
				if i+1 >= len(args) {
					return l, nil, coded.New(CodeFlagNeedsValue, nil, "command", "", "flag", "--lang")
				}
				i++
				value = args[i]
			}
			l.lang, l.langSet = value, true
		case "json":
			l.json = !hasValue || value == "true" || value == "1"
		case "demo":
			l.demo = true
		case "folder", "host", "flow", "simulate":
			// The window's start values, as its elevated copy receives
			// them (app/elevation.Carry); parseGUIOptions reads them.
			if !hasValue {
				if i+1 >= len(args) {
					return l, nil, coded.New(CodeFlagNeedsValue, nil, "command", "", "flag", "--"+name)
				}
				i++
			}
			l.window = true
		case "console", "accessible":
			l.console = true
		case "h", "help":
			l.help = true
		case "version":
			l.version = true
		default:
			params := []string{"command", "", "flag", "--" + name}
			if s := closest(name, []string{"lang", "json", "demo", "console", "accessible", "help", "version", "folder", "host", "flow", "simulate"}); s != "" {
				params = append(params, "suggestion", "--"+s)
			}
			return l, nil, coded.New(CodeUnknownFlag, nil, params...)
		}
	}
	return l, nil, nil
}

// runHelp lists the commands, or shows one command's usage and flags
// (`qscert help validate` is `qscert validate --help`).
func runHelp(env *Env, args []string) int {
	c := newCommandFlags(env, "help")
	positional, err := c.parse(args)
	if err != nil {
		return c.fail(err, ExitUsage)
	}
	switch len(positional) {
	case 0:
	case 1:
		cmd, ok := commandNamed(positional[0])
		if !ok {
			return c.fail(coded.New(CodeUnknownCommand, nil, "command", positional[0]), ExitUsage)
		}
		return cmd.run(env, []string{"--lang=" + c.translator().Lang(), "--help"})
	default:
		return c.fail(coded.New(CodeBadUsage, nil, "command", "help", "detail", strings.Join(positional[1:], " ")), ExitUsage)
	}
	if c.json {
		t := c.translator()
		doc := output.CommandList{Header: output.HeaderOf("help"), Commands: []output.CommandSummary{}}
		for _, cmd := range listedCommands() {
			doc.Commands = append(doc.Commands, output.CommandSummary{Name: cmd.name, Summary: t.T(cmd.summary), Usage: t.T(cmd.usage)})
		}
		c.writeJSON(doc)
		return ExitOK
	}
	writeCommands(env.Stdout, c)
	return ExitOK
}
