package app

import (
	"qscert/app/glprobe"
	"qscert/app/winconsole"
	"qscert/assets/i18n"
)

// ConsoleWizard runs the wizard in a console, when the window cannot
// open: why says why (the probe's result and what the user was told). It
// is the console wizard (package wizard/console); tests replace it.
var ConsoleWizard = consoleAfterProbe

// windowOrConsole decides, before anything touches Fyne, whether the
// wizard can open its window: Fyne's driver, unable to make its OpenGL
// 2.1 context, would show its own error box and end the process, or hang.
func windowOrConsole(env *Env, lang string) glprobe.Decision {
	return glprobe.Decide(glprobe.Config{Lang: lang, Getenv: env.Getenv, Stderr: env.Stderr})
}

// startWithoutWindow follows a decision other than the window: the
// console wizard, in a console of its own on Windows, or nothing when the
// user declined it.
func startWithoutWindow(env *Env, args []string, d glprobe.Decision) int {
	if d.Start != glprobe.StartConsole {
		return ExitUsage
	}
	// Not when the box's answer was scripted: no one is there to read
	// the console before it closes.
	hold := d.Told != "scripted"
	return inConsole(env, args, hold, func() int { return ConsoleWizard(env, args, d) })
}

// inConsole runs the console wizard in a console: qscert.exe is a
// GUI-subsystem program, started without one even from cmd.exe, so
// winconsole gives it its own (elsewhere the terminal it runs in). That
// console closes with the process: with hold, the user reads it first.
func inConsole(env *Env, args []string, hold bool, run func() int) int {
	lang := ""
	if opts, err := parseGUIOptions(args); err == nil {
		lang = opts.lang
	}
	t := i18n.New(lang)
	c, err := winconsole.Open(t.T("wizard.title"))
	if err != nil {
		return fail(env, t, err, ExitUsage)
	}
	if c.Fresh {
		env.Stdin, env.Stdout, env.Stderr = c.In, c.Out, c.Err
		env.StdinIsTerminal = true
	}
	code := run()
	if hold {
		c.HoldOpen(t.T("glprobe.press-enter"))
	}
	return code
}
