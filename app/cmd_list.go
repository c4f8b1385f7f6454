package app

import (
	"qscert/certs/coded"
	"qscert/certs/export"
	"qscert/certs/install"
	"qscert/certs/output"
)

// runList shows the Qlik certificates in the stores. With --dir, each is
// classified against that export: what an install would keep or replace.
func runList(env *Env, args []string) int {
	c := newCommandFlags(env, "list")
	var sf storeFlag
	sf.register(c)
	dir := c.set.String("dir", "", "flag.dir.list")
	var password passwordFlags
	password.register(c, "")
	var who accountFlags
	who.register(c, false)
	positional, err := c.parse(args)
	if err != nil {
		return c.fail(err, ExitUsage)
	}
	t := c.translator()
	if len(positional) > 0 {
		return c.fail(coded.New(CodeBadUsage, nil, "command", "list", "detail", t.T("cli.list.no-argument")), ExitUsage)
	}
	account, err := who.resolve(c)
	if err != nil {
		return c.fail(err, ExitUsage)
	}
	if account != nil {
		if *dir != "" {
			return c.fail(coded.New(CodeBadUsage, nil, "command", "list", "detail", t.T("cli.for.not-with-dir")), ExitUsage)
		}
		return listAsAccount(c, &who, *account, args)
	}
	var exp *export.Export
	if *dir != "" {
		if exp, err = loadExport(env, t, *dir, &password); err != nil {
			return c.fail(err, ExitUsage)
		}
	}
	st, err := sf.open(env, t)
	if err != nil {
		return c.fail(err, ExitUsage)
	}
	defer st.Close()
	found, err := install.Classify(exp, st)
	if err != nil {
		return c.fail(err, ExitUsage)
	}
	doc := &output.List{Header: output.HeaderOf("list"), Store: st.Name(), Certificates: output.QlikCertificates(found)}
	if c.json {
		c.writeJSON(doc)
		return ExitOK
	}
	output.WriteList(env.Stdout, t, doc)
	return ExitOK
}
