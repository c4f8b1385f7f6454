package output

import (
	"fmt"
	"io"
	"strings"

	"qscert/assets/i18n"
	"qscert/certs/coded"
	"qscert/certs/qlik"
	"qscert/certs/qrs"
	"qscert/certs/validate"
)

// Connection is what a connection test found, for people and for JSON:
// the certificates it used, the export's findings that bear on it, and one
// check per service called.
type Connection struct {
	Host     string                `json:"host"`
	Port     int                   `json:"port"`
	Source   string                `json:"source"`
	Client   *qlik.CertificateInfo `json:"client,omitempty"`
	Root     *qlik.CertificateInfo `json:"root,omitempty"`
	Findings []coded.Problem       `json:"findings"`
	Checks   []Check               `json:"checks"`
	OK       bool                  `json:"ok"`
}

// Check is a diagnosis with its advice in the chosen language.
type Check struct {
	*qrs.Diagnosis
	Message string `json:"message"`
}

// ConnectionOf puts a test's outcome together: what it presented (id, nil
// when not known), the checks made, and, when the identity came from an
// export, its report, which names the files and adds the export's
// findings that bear on the connection.
func ConnectionOf(t *i18n.Translator, host string, port int, source string, id *qrs.Identity, report *validate.Report, diags []*qrs.Diagnosis) *Connection {
	c := &Connection{Host: host, Port: port, Source: source, Findings: []coded.Problem{}, Checks: []Check{}, OK: true}
	if id != nil {
		client, root := qlik.Describe(qlik.RoleClient, id.Client, true), qlik.Describe(qlik.RoleRoot, id.Root, false)
		c.Client, c.Root = &client, &root
	}
	if report != nil && c.Client != nil {
		// The export's own descriptions name the files.
		for i, info := range report.Certificates {
			switch info.SHA1 {
			case c.Client.SHA1:
				c.Client = &report.Certificates[i]
			case c.Root.SHA1:
				c.Root = &report.Certificates[i]
			}
		}
		for _, f := range report.Findings {
			// Only what bears on the connection: the server certificate of
			// the export is for this machine's own services, not the test.
			if f.Role != qlik.RoleServer && f.Severity != coded.SeverityInfo {
				c.Findings = append(c.Findings, FindingProblem(t, f))
			}
		}
	}
	for _, d := range diags {
		c.Checks = append(c.Checks, Check{Diagnosis: d, Message: t.Code(d.Code, d.Params)})
		c.OK = c.OK && d.OK()
	}
	return c
}

// WriteConnection writes a connection test for people.
func WriteConnection(w io.Writer, t *i18n.Translator, r *Connection) {
	fmt.Fprintln(w, t.T("cli.test.using", map[string]string{"source": r.Source}))
	for _, c := range []*qlik.CertificateInfo{r.Client, r.Root} {
		if c != nil {
			fmt.Fprintf(w, "  %-7s %s\n", c.Role, t.T("cli.test.certificate", map[string]string{
				"subject": c.Subject, "to": c.NotAfter.Format("2006-01-02"), "sha1": c.SHA1,
			}))
		}
	}
	for _, fd := range r.Findings {
		fmt.Fprintf(w, "  %-7s %s [%s]\n", strings.ToUpper(t.T("severity."+string(fd.Severity))), fd.Message, fd.Code)
	}
	for _, ch := range r.Checks {
		d := ch.Diagnosis
		fmt.Fprintln(w, d.URL)
		if d.OK() {
			fmt.Fprintf(w, "  %s %s\n", t.T("cli.test.passed"), ch.Message)
		} else {
			fmt.Fprintf(w, "  %s %s [%s]\n", t.T("cli.test.failed"), ch.Message, d.Code)
		}
		if a := d.About; a != nil {
			fmt.Fprintf(w, "  %s\n", t.T("cli.test.about", map[string]string{
				"version": a.BuildVersion, "date": a.BuildDate, "nodeType": fmt.Sprint(a.NodeType),
			}))
		}
		if e := d.Engine; e != nil {
			fmt.Fprintf(w, "  %s\n", t.T("cli.test.engine", map[string]string{"version": e.Version, "started": e.Started}))
		}
		if d.Detail != "" && !d.OK() {
			fmt.Fprintf(w, "  %s\n", t.T("cli.test.detail", map[string]string{"detail": d.Detail}))
		}
		fmt.Fprintf(w, "  %s\n", t.T("cli.test.timing", map[string]string{"tls": orDash(d.TLSVersion), "ms": fmt.Sprint(d.ElapsedMS)}))
	}
	if r.OK {
		fmt.Fprintln(w, t.T("cli.test.verdict-ok"))
	} else {
		fmt.Fprintln(w, t.T("cli.test.verdict-failed"))
	}
}
