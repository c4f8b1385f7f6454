package app

import (
	"fmt"

	"qscert/assets/i18n"
	"qscert/certs/export"
	"qscert/certs/install"
	"qscert/certs/output"
)

// runList shows the Qlik certificates in the stores. With --dir, each is
// classified against that export: what an install would keep or replace.
func runList(env *Env, args []string) int {
	c := newCommandFlags("list")
	var sf storeFlag
	sf.register(c)
	dir := c.set.String("dir", "", "an export folder to classify the certificates against")
	var password passwordFlags
	password.register(c, "")
	if _, err := c.parse(args); err != nil {
		return fail(env, i18n.New(c.lang), err, ExitUsage)
	}
	t := c.translator()
	var exp *export.Export
	if *dir != "" {
		pw, _, err := password.read(env)
		if err != nil {
			return fail(env, t, err, ExitUsage)
		}
		if exp, err = export.LoadExport(*dir, pw); err != nil {
			return fail(env, t, err, ExitUsage)
		}
	}
	st, err := sf.open(env, t)
	if err != nil {
		return fail(env, t, err, ExitUsage)
	}
	defer st.Close()
	found, err := install.Classify(exp, st)
	if err != nil {
		return fail(env, t, err, ExitUsage)
	}
	listed := output.QlikCertificates(found)
	if c.json {
		output.WriteJSON(env.Stdout, map[string]any{"store": st.Name(), "certificates": listed})
		return ExitOK
	}
	fmt.Fprintln(env.Stdout, t.T("cli.list.header", map[string]string{"store": st.Name(), "count": fmt.Sprint(len(listed))}))
	for _, l := range listed {
		key := t.T("cli.report.key-no")
		if l.HasPrivateKey {
			key = t.T("cli.report.key-yes")
		}
		fmt.Fprintf(env.Stdout, "  %-22s %-11s %s\n", l.Location, t.T("class."+string(l.Class)), t.T("cli.list.line", map[string]string{
			"subject": l.Subject, "issuer": l.Issuer, "to": l.NotAfter, "thumbprint": l.Thumbprint, "key": key,
		}))
	}
	return ExitOK
}
