package output

import (
	"fmt"
	"io"
	"text/tabwriter"

	"qscert/assets/i18n"
)

// WriteList writes the Qlik certificates of a store as a table, one line
// each, under a header line naming every column. The status column says
// what an install of the export given with --dir would do with each
// certificate (same, replaced, other site), or "Qlik" without one.
func WriteList(w io.Writer, t *i18n.Translator, l *List) {
	if l.Account != nil {
		fmt.Fprintln(w, t.T("cli.list.as-account", map[string]string{"account": l.Account.Name, "sid": l.Account.SID}))
	}
	if len(l.Certificates) == 0 {
		fmt.Fprintln(w, t.T("cli.list.none", map[string]string{"store": l.Store}))
		return
	}
	fmt.Fprintln(w, t.N("cli.list.header", len(l.Certificates), map[string]string{"store": l.Store}))
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n",
		t.T("cli.list.column.location"), t.T("cli.list.column.role"), t.T("cli.list.column.status"),
		t.T("cli.list.column.subject"), t.T("cli.list.column.issuer"), t.T("cli.list.column.to"),
		t.T("cli.list.column.key"), t.T("cli.list.column.sha1"))
	for _, c := range l.Certificates {
		key := t.T("cli.list.key-no")
		if c.HasPrivateKey {
			key = t.T("cli.list.key-yes")
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", c.Location, RoleLabel(t, c.Role), t.T("class."+string(c.Class)),
			c.Subject, c.Issuer, day(c.NotAfter), key, c.SHA1)
	}
	tw.Flush()
}
