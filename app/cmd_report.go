package app

import (
	"fmt"
	"strings"

	"qscert/certs/coded"
)

func init() {
	commands["report"] = command{summary: "cli.support.summary", run: runReport}
}

// runReport writes a support report: this machine, the app, the Qlik
// certificates in the stores, the export's validation and the connection
// test, as JSON and text in a zip. Every part that fails is recorded in the
// report; only a report that cannot be written fails the command.
func runReport(env *Env, args []string) int {
	c := newCommandFlags("report")
	var f connectionFlags
	f.register(c)
	var out string
	c.set.StringVar(&out, "out", "", "the zip file to write")
	positional, err := c.parse(args)
	t := c.translator()
	if err != nil {
		return fail(env, t, err, ExitUsage)
	}
	if len(positional) > 0 {
		return fail(env, t, coded.New(CodeBadUsage, nil, "command", "report", "detail", strings.Join(positional, " ")), ExitUsage)
	}
	if out == "" {
		return fail(env, t, coded.New(CodeBadUsage, nil, "command", "report", "detail", t.T("cli.support.needs-out")), ExitUsage)
	}
	if err := f.normalize(c); err != nil {
		return fail(env, t, err, ExitUsage)
	}
	r := collectSupportReport(env, t, &f)
	if err := writeSupportZip(out, t, r); err != nil {
		return fail(env, t, err, ExitUsage)
	}
	if c.json {
		writeJSON(env.Stdout, map[string]string{"out": out})
	} else {
		fmt.Fprintln(env.Stdout, t.T("cli.support.written", map[string]string{"file": out}))
	}
	return ExitOK
}
