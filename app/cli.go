package app

import (
	"fmt"

	"qscert/app/clocale"
	"qscert/assets/i18n"
	"qscert/certs/coded"
)

// Main runs qscert with the process's arguments and returns the exit code.
func Main(args []string) int {
	// The environment as the user set it: package clocale hid a "C.UTF-8"
	// locale from Fyne's init only.
	clocale.Restore()
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
	case "-h", "--help", "-help":
		name = "help"
	}
	cmd, ok := commandNamed(name)
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
	for _, c := range commands() {
		fmt.Fprintf(env.Stdout, "  %-9s %s\n", c.name, t.T(c.summary))
	}
	fmt.Fprintln(env.Stdout, t.T("cli.usage.footer"))
	return ExitOK
}

// fail prints a translated error and returns the exit code for it.
func fail(env *Env, t *i18n.Translator, err error, code int) int {
	fmt.Fprintln(env.Stderr, t.Error(err))
	return code
}
