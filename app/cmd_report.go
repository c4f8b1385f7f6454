package app

import (
	"fmt"
	"strings"

	"qscert/assets/i18n"
	"qscert/certs/coded"
	"qscert/certs/output"
	"qscert/certs/support"
	"qscert/certs/validate"
)

// runReport writes a support report: this machine, the app, the Qlik
// certificates in the stores, the export's validation and the connection
// test, as JSON and text in a zip. Every part that fails is recorded in the
// report; only a report that cannot be written fails the command.
func runReport(env *Env, args []string) int {
	c := newCommandFlags(env, "report")
	var f connectionFlags
	f.register(c)
	var out string
	c.set.StringVar(&out, "out", "", "flag.out")
	positional, err := c.parse(args)
	if err != nil {
		return c.fail(err, ExitUsage)
	}
	t := c.translator()
	if len(positional) > 0 {
		return c.fail(coded.New(CodeBadUsage, nil, "command", "report", "detail", strings.Join(positional, " ")), ExitUsage)
	}
	if out == "" {
		return c.fail(coded.New(CodeBadUsage, nil, "command", "report", "detail", t.T("cli.support.needs-out")), ExitUsage)
	}
	if err := f.normalize(c); err != nil {
		return c.fail(err, ExitUsage)
	}
	in, closeStores := supportInput(env, t, &f)
	defer closeStores()
	if err := support.Build(t, in).WriteZip(out, t); err != nil {
		return c.fail(err, ExitUsage)
	}
	if c.json {
		c.writeJSON(output.Written{Header: output.HeaderOf("report"), Out: out})
	} else {
		fmt.Fprintln(env.Stdout, t.T("cli.support.written", map[string]string{"file": out}))
	}
	return ExitOK
}

// supportInput runs what the report records: it lists the store, validates
// the export and tests the connection, as the flags ask. A part that fails
// is recorded in the report, never fatal.
func supportInput(env *Env, t *i18n.Translator, f *connectionFlags) (support.Input, func()) {
	in := support.Input{Now: env.Now(), Version: Version, Machine: env.Machine(), StoreErrors: map[string]error{}}
	closeStores := func() {}
	// The store --store names, or the default one, as `qscert list` reads:
	// the Windows stores on Windows, the folder store elsewhere.
	if s, err := openStoreRecovered(env, t, f.storeSpec); err != nil {
		name := f.storeSpec
		if name == "" {
			name = defaultStoreName()
		}
		in.StoreErrors[name] = err
	} else {
		in.Stores = append(in.Stores, s)
		closeStores = func() { _ = s.Close() }
	}
	if f.dir != "" {
		exp, err := loadExport(env, t, f.dir, &f.password)
		if exp != nil {
			in.Report = validate.Validate(exp, validate.Options{Now: env.Now(), Host: f.host, Machines: in.Machine.Names()})
		}
		in.ExportErr = err
		if in.Report != nil {
			in.ExportErr = nil // the report's own findings say it
		}
	}
	if f.host != "" {
		in.Host, in.Port = f.host, f.port
		in.Connection, in.ConnectionErr = testConnection(env, t, f)
	}
	return in, closeStores
}
