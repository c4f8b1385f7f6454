package app

import (
	"context"
	"strings"

	"qscert/assets/i18n"
	"qscert/certs/coded"
	"qscert/certs/output"
	"qscert/certs/qrs"
)

func runTestConnection(env *Env, args []string) int {
	c := newCommandFlags(env, "test")
	var f connectionFlags
	f.register(c)
	var who accountFlags
	who.register(c, true)
	positional, err := c.parse(args)
	if err != nil {
		return c.fail(err, ExitUsage)
	}
	t := c.translator()
	if len(positional) > 0 {
		return c.fail(coded.New(CodeBadUsage, nil, "command", "test", "detail", strings.Join(positional, " ")), ExitUsage)
	}
	if who.wanted() {
		// The test of an install for an account or the machine: of the
		// certificates installed, never of an export folder.
		if f.dir != "" {
			return c.fail(coded.New(CodeBadUsage, nil, "command", "test", "detail", t.T("cli.for.not-with-dir")), ExitUsage)
		}
		if f.storeSpec == "" {
			f.storeSpec = defaultStoreName()
		}
	}
	if err := f.check(c); err != nil {
		return c.fail(err, ExitUsage)
	}
	if who.wanted() {
		account, err := who.resolve(c)
		if err != nil {
			return c.fail(err, ExitUsage)
		}
		if account != nil || who.machine {
			return testForAccount(c, &f, &who, account, args)
		}
		// The account running qscert: this user's own test.
	}
	res, err := testConnection(env, t, &f)
	if err != nil {
		return c.fail(err, ExitUsage)
	}
	if c.json {
		c.writeJSON(output.Test{Header: output.HeaderOf("test"), Connection: res})
	} else {
		output.WriteConnection(env.Stdout, t, res)
	}
	if !res.OK {
		return ExitFindings
	}
	return ExitOK
}

// testConnection loads the identity and runs the checks: the QRS, and the
// Engine when --engine asks for it. The error is for a test that cannot
// run at all (no usable certificate).
func testConnection(env *Env, t *i18n.Translator, f *connectionFlags) (*output.Connection, error) {
	id, report, release, err := f.identity(env, t)
	defer release()
	if err != nil {
		return nil, err
	}
	ctx := context.Background()
	o := f.options(env)
	diags := []*qrs.Diagnosis{qrs.Test(ctx, id, o)}
	if f.engine {
		diags = append(diags, qrs.TestEngine(ctx, id, o))
	}
	return output.ConnectionOf(t, f.host, f.port, id.Source, id, report, diags), nil
}
