package output

import (
	"fmt"
	"io"

	"qscert/assets/i18n"
	"qscert/certs/accounts"
	"qscert/certs/coded"
	"qscert/certs/qlik"
	"qscert/certs/qrs"
	"qscert/certs/validate"
)

// Connection is what a connection test found, for people and for JSON:
// the certificates it used, the export's findings that bear on it, and one
// check per service called.
type Connection struct {
	Host     string          `json:"host"`
	Port     int             `json:"port"`
	Source   string          `json:"source"`
	Client   *Certificate    `json:"client,omitempty"`
	Root     *Certificate    `json:"root,omitempty"`
	Findings []coded.Problem `json:"findings"`
	Checks   []Check         `json:"checks"`
	OK       bool            `json:"ok"`
}

// Test is `qscert test --json`: the test, or why it could not run.
type Test struct {
	Header
	// Account is, for `test --for-account`, the account the test was for:
	// run as that account, or, for the machine choice, checked for its
	// access to the key.
	Account *accounts.Account `json:"account,omitempty"`
	*Connection
	Error *coded.Problem `json:"error,omitempty"`
}

// Check is one service called. Its outcome is a Problem like any other,
// code "ok" (severity info) when the check passed, with the advice in the
// chosen language; the rest is what a support engineer needs.
type Check struct {
	Check string `json:"check"` // "qrs" or "engine"
	URL   string `json:"url"`
	coded.Problem
	// Detail is the technical cause, as the system said it (in English).
	Detail                string        `json:"detail,omitempty"`
	Status                int           `json:"status,omitempty"` // HTTP status, when the server answered
	ClientCertificateSent bool          `json:"clientCertificateSent"`
	TLSVersion            string        `json:"tlsVersion,omitempty"`
	About                 *About        `json:"about,omitempty"`
	Engine                *EngineHealth `json:"engine,omitempty"`
	ElapsedMS             int64         `json:"elapsedMs"`
}

// OK reports whether the check passed.
func (c Check) OK() bool { return c.Code == qrs.CodeOK }

// About is the QRS's /qrs/about reply.
type About struct {
	BuildVersion      string `json:"buildVersion"`
	BuildDate         string `json:"buildDate"`
	DatabaseProvider  string `json:"databaseProvider,omitempty"`
	NodeType          int    `json:"nodeType"`
	SharedPersistence bool   `json:"sharedPersistence"`
	RequiresBootstrap bool   `json:"requiresBootstrap"`
	SingleNodeOnly    bool   `json:"singleNodeOnly"`
	SchemaPath        string `json:"schemaPath,omitempty"`
}

// EngineHealth is the Engine's /engine/healthcheck reply.
type EngineHealth struct {
	Version   string `json:"version"`
	Started   string `json:"started,omitempty"`
	Saturated bool   `json:"saturated"`
}

// CheckOf is a diagnosis as a check.
func CheckOf(t *i18n.Translator, d *qrs.Diagnosis) Check {
	severity := coded.SeverityError
	if d.OK() {
		severity = coded.SeverityInfo
	}
	c := Check{
		Check: d.Check, URL: d.URL,
		Problem: coded.Problem{Code: d.Code, Severity: severity, Params: d.Params, Message: t.Code(d.Code, d.Params)},
		Detail:  d.Detail, Status: d.Status, ClientCertificateSent: d.ClientCertificateSent,
		TLSVersion: d.TLSVersion, ElapsedMS: d.ElapsedMS,
	}
	if a := d.About; a != nil {
		c.About = &About{BuildVersion: a.BuildVersion, BuildDate: a.BuildDate, DatabaseProvider: a.DatabaseProvider,
			NodeType: a.NodeType, SharedPersistence: a.SharedPersistence, RequiresBootstrap: a.RequiresBootstrap,
			SingleNodeOnly: a.SingleNodeOnly, SchemaPath: a.SchemaPath}
	}
	if e := d.Engine; e != nil {
		c.Engine = &EngineHealth{Version: e.Version, Started: e.Started, Saturated: e.Saturated}
	}
	return c
}

// ConnectionOf puts a test's outcome together: what it presented (id, nil
// when not known), the checks made, and, when the identity came from an
// export, its report, which names the files and adds the export's
// findings that bear on the connection.
func ConnectionOf(t *i18n.Translator, host string, port int, source string, id *qrs.Identity, report *validate.Report, diags []*qrs.Diagnosis) *Connection {
	c := &Connection{Host: host, Port: port, Source: source, Findings: []coded.Problem{}, Checks: []Check{}, OK: true}
	if id != nil {
		client := CertificateOf(qlik.Describe(qlik.RoleClient, id.Client, true))
		root := CertificateOf(qlik.Describe(qlik.RoleRoot, id.Root, false))
		c.Client, c.Root = &client, &root
	}
	if report != nil && c.Client != nil {
		// The export's own descriptions name the files.
		for _, info := range report.Certificates {
			described := CertificateOf(info)
			switch info.SHA1 {
			case c.Client.SHA1:
				c.Client = &described
			case c.Root.SHA1:
				c.Root = &described
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
		c.Checks = append(c.Checks, CheckOf(t, d))
		c.OK = c.OK && d.OK()
	}
	return c
}

// WriteConnection writes a connection test for people.
func WriteConnection(w io.Writer, t *i18n.Translator, r *Connection) {
	fmt.Fprintln(w, t.T("cli.test.using", map[string]string{"source": r.Source}))
	for _, c := range []*Certificate{r.Client, r.Root} {
		if c != nil {
			fmt.Fprintf(w, "  %-8s %s\n", RoleLabel(t, c.Role), t.T("cli.test.certificate", map[string]string{
				"subject": c.Subject, "to": day(c.NotAfter), "sha1": c.SHA1,
			}))
		}
	}
	for _, fd := range r.Findings {
		writeFinding(w, t, "  ", fd)
	}
	for _, ch := range r.Checks {
		fmt.Fprintln(w, ch.URL)
		if ch.OK() {
			fmt.Fprintf(w, "  %s %s\n", t.T("cli.test.passed"), ch.Message)
		} else {
			fmt.Fprintf(w, "  %s %s [%s]\n", t.T("cli.test.failed"), ch.Message, ch.Code)
		}
		if a := ch.About; a != nil {
			fmt.Fprintf(w, "  %s\n", t.T("cli.test.about", map[string]string{
				"version": a.BuildVersion, "date": a.BuildDate, "nodeType": fmt.Sprint(a.NodeType),
			}))
		}
		if e := ch.Engine; e != nil {
			fmt.Fprintf(w, "  %s\n", t.T("cli.test.engine", map[string]string{"version": e.Version, "started": e.Started}))
		}
		if ch.Detail != "" && !ch.OK() {
			fmt.Fprintf(w, "  %s\n", t.T("cli.test.detail", map[string]string{"detail": ch.Detail}))
		}
		if ch.TLSVersion != "" {
			fmt.Fprintf(w, "  %s\n", t.T("cli.test.timing", map[string]string{"tls": ch.TLSVersion, "ms": fmt.Sprint(ch.ElapsedMS)}))
		} else {
			fmt.Fprintf(w, "  %s\n", t.T("cli.test.timing-no-tls", map[string]string{"ms": fmt.Sprint(ch.ElapsedMS)}))
		}
	}
	if r.OK {
		fmt.Fprintln(w, t.T("cli.test.verdict-ok"))
	} else {
		fmt.Fprintln(w, t.T("cli.test.verdict-failed"))
	}
}
