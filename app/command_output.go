package app

import (
	"errors"
	"fmt"
	"io"

	"qscert/assets/i18n"
	"qscert/certs/coded"
	"qscert/certs/output"
)

// fail reports err and returns code. For errHelp it prints the command's
// help instead and returns 0. With --json the failure is a JSON document on
// standard output, so that a script reads every outcome the same way;
// otherwise it is a sentence on standard error.
func (c *commandFlags) fail(err error, code int) int {
	if errors.Is(err, errHelp) {
		c.writeHelp(c.env.Stdout)
		return ExitOK
	}
	p := output.ProblemOf(c.translator(), withElevationAdvice(err, c.name, c.args))
	if c.json {
		output.WriteJSON(c.env.Stdout, output.Failure{Header: output.HeaderOf(c.name), Error: p})
		return code
	}
	writeProblem(c.env.Stderr, p)
	return code
}

// writeJSON prints a command's JSON document.
func (c *commandFlags) writeJSON(doc any) { output.WriteJSON(c.env.Stdout, doc) }

// writeProblem prints an error for people: its sentence, and the sentence
// of the coded error behind it, when there is one.
func writeProblem(w io.Writer, p *coded.Problem) {
	fmt.Fprintln(w, p.Message)
	if p.Cause != nil {
		fmt.Fprintln(w, p.Cause.Message)
	}
}

// failBeforeCommand reports an error met before any command ran (an
// unknown command, a bad flag in front of it), as JSON when --json was
// among the arguments.
func failBeforeCommand(env *Env, t *i18n.Translator, asJSON bool, err error) int {
	p := output.ProblemOf(t, err)
	if asJSON {
		output.WriteJSON(env.Stdout, output.Failure{Header: output.HeaderOf(""), Error: p})
		return ExitUsage
	}
	writeProblem(env.Stderr, p)
	return ExitUsage
}

// fail prints a translated error on standard error and returns code: what
// the window's start reports before there is a window.
func fail(env *Env, t *i18n.Translator, err error, code int) int {
	writeProblem(env.Stderr, output.ProblemOf(t, err))
	return code
}
