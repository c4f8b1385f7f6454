package app

import (
	"fmt"
	"os"

	"qscert/app/glprobe"
	"qscert/assets/i18n"
	"qscert/wizard/console"
)

// runConsole is `qscert --console`: the wizard in the terminal, on
// request (also in the CLI-only build, which has no window); on Windows
// in a console of its own when qscert.exe has none.
func runConsole(env *Env, args []string) int {
	opts, err := parseGUIOptions(args)
	if err != nil {
		return fail(env, i18n.New(opts.lang), err, ExitUsage)
	}
	return inConsole(env, args, true, func() int { return consoleWizard(env, opts) })
}

// consoleAfterProbe is ConsoleWizard: the console wizard where the window
// cannot open. The explanation comes first, unless the terminal shows it
// already (outside Windows, the probe printed it there); after the
// Windows message box, the new console has not shown it yet.
func consoleAfterProbe(env *Env, args []string, why glprobe.Decision) int {
	opts, err := parseGUIOptions(args)
	if err != nil {
		return fail(env, i18n.New(opts.lang), err, ExitUsage)
	}
	if why.Told != "terminal" && why.Explanation != "" {
		fmt.Fprintf(env.Stderr, "%s\n\n", why.Explanation)
	}
	return consoleWizard(env, opts)
}

// consoleWizard runs the console wizard on env's terminal, with what the
// window would get. Exit codes: 0 finished, 1 left before the end, 2 it
// could not run (no store for the demo, the input ended).
func consoleWizard(env *Env, opts guiOptions) int {
	t := i18n.New(opts.lang)
	deps, release, err := wizardDeps(env, opts)
	if err != nil {
		return fail(env, t, err, ExitUsage)
	}
	defer release()
	term := console.Terminal{
		In:   env.Stdin,
		Out:  env.Stdout,
		Mode: console.ModeFor(env.Stdin, env.Stdout, env.Getenv),
		// Ctrl+C while a line prompt waits: what the demo made goes too.
		Interrupted: func() {
			release()
			os.Exit(130) // 128 + SIGINT, as shells report an interrupted program
		},
	}
	if opts.accessible {
		term.Mode = console.Lines
	}
	end, err := console.Run(deps, term)
	if err != nil {
		return fail(env, t, err, ExitUsage)
	}
	if end == console.Left {
		return ExitFindings
	}
	return ExitOK
}
