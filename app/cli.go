package app

import (
	"fmt"
	"sort"

	"qscert/assets/i18n"
	"qscert/certs/coded"
)

// command is one `qscert <name>` command.
type command struct {
	summary string // translation key of the one-line description
	run     func(env *Env, args []string) int
}

// commands is filled by the cmd_*.go files, one command each.
var commands = map[string]command{}

// Main runs qscert with the process's arguments and returns the exit code.
func Main(args []string) int {
	return Run(ProcessEnv(), args)
}

// Run runs one command. Without arguments, or with the window's flags
// (--demo, --lang), it opens the wizard.
func Run(env *Env, args []string) int {
	if len(args) == 0 || isGUIFlag(args[0]) {
		return runGUI(env, args)
	}
	name := args[0]
	switch name {
	case "help", "-h", "--help", "-help":
		return runHelp(env, args[1:])
	}
	cmd, ok := commands[name]
	if !ok {
		t := i18n.New("")
		fmt.Fprintln(env.Stderr, t.Error(coded.New(CodeUnknownCommand, nil, "command", name)))
		return ExitUsage
	}
	return cmd.run(env, args[1:])
}

func runHelp(env *Env, args []string) int {
	c := newCommandFlags("help")
	if _, err := c.parse(args); err != nil {
		fmt.Fprintln(env.Stderr, i18n.New("").Error(err))
		return ExitUsage
	}
	t := c.translator()
	fmt.Fprintln(env.Stdout, t.T("cli.usage"))
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(env.Stdout, "  %-9s %s\n", n, t.T(commands[n].summary))
	}
	fmt.Fprintln(env.Stdout, t.T("cli.usage.footer"))
	return ExitOK
}

// fail prints a translated error and returns the exit code for it.
func fail(env *Env, t *i18n.Translator, err error, code int) int {
	fmt.Fprintln(env.Stderr, t.Error(err))
	return code
}
