package app

import (
	"fmt"
	"runtime"
	"strings"

	"qscert/assets/i18n"
	"qscert/certs/coded"
	"qscert/certs/export"
	"qscert/certs/output"
	"qscert/certs/support"
	"qscert/certs/validate"
)

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
	in, closeStores := supportInput(env, t, &f)
	defer closeStores()
	if err := support.Build(t, in).WriteZip(out, t); err != nil {
		return fail(env, t, err, ExitUsage)
	}
	if c.json {
		output.WriteJSON(env.Stdout, map[string]string{"out": out})
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
	// The Windows stores are always worth listing; elsewhere there is no
	// system store, only the folder store named with --store.
	if f.storeSpec != "" || runtime.GOOS == "windows" {
		if s, err := openStoreRecovered(env, t, f.storeSpec); err != nil {
			in.StoreErrors[f.storeSpec] = err
		} else {
			in.Stores = append(in.Stores, s)
			closeStores = func() { _ = s.Close() }
		}
	}
	if f.dir != "" {
		password, err := f.readPassword(env)
		var exp *export.Export
		if err == nil {
			exp, err = export.LoadExport(f.dir, password)
		}
		if err == nil {
			in.Report = validate.Validate(exp, validate.Options{Now: env.Now(), Host: f.host, Machines: in.Machine.Names()})
		}
		in.ExportErr = err
	}
	if f.host != "" {
		in.Host, in.Port = f.host, f.port
		in.Connection, in.ConnectionErr = testConnection(env, t, f)
	}
	return in, closeStores
}
