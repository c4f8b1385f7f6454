package app

import (
	"fmt"

	"qscert/assets/i18n"
	"qscert/certs/export"
	"qscert/certs/install"
	"qscert/certs/qlik"
)

func init() {
	commands["list"] = command{summary: "cli.list.summary", run: runList}
}

// listedCertificate is one Qlik certificate found in a store.
type listedCertificate struct {
	Location      string        `json:"location"`
	Class         install.Class `json:"class"`
	Role          qlik.Role     `json:"role"`
	Subject       string        `json:"subject"`
	Issuer        string        `json:"issuer"`
	NotAfter      string        `json:"notAfter"`
	Thumbprint    string        `json:"thumbprint"`
	HasPrivateKey bool          `json:"hasPrivateKey"`
	FriendlyName  string        `json:"friendlyName,omitempty"`
}

// qlikCertificates lists the Qlik certificates among found, public parts
// only; the support report uses it too.
func qlikCertificates(found []install.Found) []listedCertificate {
	out := []listedCertificate{}
	for _, f := range found {
		if f.Class == install.ClassUnrelated || f.Cert == nil {
			continue
		}
		out = append(out, listedCertificate{
			Location: f.Location.String(), Class: f.Class, Role: f.Role,
			Subject: f.Cert.Subject.String(), Issuer: f.Cert.Issuer.String(),
			NotAfter: f.Cert.NotAfter.UTC().Format("2006-01-02"), Thumbprint: f.Thumbprint(),
			HasPrivateKey: f.HasPrivateKey, FriendlyName: f.FriendlyName,
		})
	}
	return out
}

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
	st, err := sf.open(env)
	if err != nil {
		return fail(env, t, err, ExitUsage)
	}
	defer st.Close()
	found, err := install.Classify(exp, st)
	if err != nil {
		return fail(env, t, err, ExitUsage)
	}
	listed := qlikCertificates(found)
	if c.json {
		writeJSON(env.Stdout, map[string]any{"store": st.Name(), "certificates": listed})
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
