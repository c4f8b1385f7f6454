package support

import (
	"fmt"
	"io"
	"strings"

	"qscert/assets/i18n"
	"qscert/certs/output"
)

// WriteText writes the report for people, in the chosen language. It says
// what the JSON says.
func (r *Report) WriteText(w io.Writer, t *i18n.Translator) {
	fmt.Fprintln(w, t.T("cli.support.title", map[string]string{"date": r.GeneratedAt.Format("2006-01-02 15:04:05 MST")}))
	fmt.Fprintf(w, "qscert %s (%s, %s/%s)\n", r.App.Version, r.App.Go, r.App.OS, r.App.Arch)
	fmt.Fprintln(w, t.T("cli.support.machine", map[string]string{
		"hostname": dash(r.Machine.Hostname), "fqdn": dash(r.Machine.FQDN), "ips": dash(strings.Join(r.Machine.IPs, ", ")),
	}))
	elevated := t.T("cli.support.elevated-no")
	if r.Session.Elevated {
		elevated = t.T("cli.support.elevated-yes")
	}
	fmt.Fprintln(w, t.T("cli.support.session", map[string]string{
		"os": dash(r.Session.OSBuild), "user": dash(r.Session.User), "elevated": elevated,
	}))
	if r.App.Demo {
		fmt.Fprintln(w, t.T("cli.support.demo"))
	}

	fmt.Fprintln(w)
	if len(r.Stores) == 0 {
		fmt.Fprintln(w, t.T("cli.support.no-store"))
	}
	for _, s := range r.Stores {
		fmt.Fprintln(w, t.T("cli.support.store", map[string]string{"store": s.Store}))
		if s.Error != nil {
			fmt.Fprintf(w, "  %s [%s]\n", s.Error.Message, s.Error.Code)
		}
		for _, l := range s.Locations {
			fmt.Fprintf(w, "  %s\n", l.Location)
			if l.Error != nil {
				fmt.Fprintf(w, "    %s [%s]\n", l.Error.Message, l.Error.Code)
			}
			if len(l.Certificates) == 0 && l.Error == nil {
				fmt.Fprintf(w, "    %s\n", t.T("cli.support.no-qlik-certificate"))
			}
			for _, c := range l.Certificates {
				key := t.T("cli.report.key-no")
				if c.HasPrivateKey {
					key = t.T("cli.report.key-yes")
				}
				// The role as the reader's language names it: "racine",
				// not "root", in a French report.
				fmt.Fprintf(w, "    %-8s %s\n", output.RoleLabel(t, c.Role), t.T("cli.support.certificate", map[string]string{
					"subject": c.Subject, "issuer": c.Issuer,
					"from": c.NotBefore.UTC().Format("2006-01-02"), "to": c.NotAfter.UTC().Format("2006-01-02"),
					"sha1": c.SHA1, "key": key,
				}))
			}
		}
	}

	fmt.Fprintln(w)
	installed := r.Install != nil && r.Install.Installed
	switch {
	case r.Export != nil && installed:
		// Not "Ready to install": it was installed, as the next part says.
		output.WriteValidation(w, t, r.Export, false)
	case r.Export != nil:
		output.WriteReport(w, t, r.Export)
	case r.ExportError != nil:
		fmt.Fprintf(w, "%s [%s]\n", r.ExportError.Message, r.ExportError.Code)
	default:
		fmt.Fprintln(w, t.T("cli.support.no-export"))
	}

	if r.Install != nil {
		fmt.Fprintln(w)
		r.Install.writeText(w, t)
	}

	fmt.Fprintln(w)
	switch c := r.Connection; {
	case c == nil:
		fmt.Fprintln(w, t.T("cli.support.no-connection"))
	case c.Error != nil:
		fmt.Fprintln(w, t.T("cli.support.connection-not-run", map[string]string{"host": c.Host}))
		fmt.Fprintf(w, "  %s [%s]\n", c.Error.Message, c.Error.Code)
	case c.Result != nil:
		output.WriteConnection(w, t, c.Result)
	}
}

// writeText says how the install ended, then each step, then the backup.
func (in *Install) writeText(w io.Writer, t *i18n.Translator) {
	switch {
	case in.Installed:
		fmt.Fprintln(w, t.T("cli.support.installed"))
	case in.Error != nil:
		fmt.Fprintln(w, t.T("cli.support.install-stopped"))
		fmt.Fprintf(w, "  %s [%s]\n", in.Error.Message, in.Error.Code)
	default:
		fmt.Fprintln(w, t.T("cli.support.install-not-finished"))
	}
	for i, s := range in.Steps {
		fmt.Fprintf(w, "  %2d. %s\n", i+1, s.Message)
	}
	if in.RolledBack {
		fmt.Fprintln(w, "  "+t.T("cli.support.rolled-back"))
	}
	if in.BackupDir != "" {
		fmt.Fprintln(w, "  "+t.T("cli.support.backup", map[string]string{"folder": in.BackupDir}))
	}
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
