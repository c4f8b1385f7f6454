package app

import (
	"context"
	"crypto/x509"
	"fmt"
	"io"
	"strings"

	"qscert/assets/i18n"
	"qscert/certs/coded"
	"qscert/certs/export"
	"qscert/certs/qlik"
	"qscert/certs/qrs"
	"qscert/certs/validate"
)

func init() {
	commands["test"] = command{summary: "cli.test.summary", run: runTestConnection}
}

// connectionResult is what `qscert test` found, for people and for JSON.
type connectionResult struct {
	Host     string                `json:"host"`
	Port     int                   `json:"port"`
	Source   string                `json:"source"`
	Client   *qlik.CertificateInfo `json:"client,omitempty"`
	Root     *qlik.CertificateInfo `json:"root,omitempty"`
	Findings []findingJSON         `json:"findings"`
	Checks   []checkJSON           `json:"checks"`
	OK       bool                  `json:"ok"`
}

// checkJSON is a diagnosis with its advice in the chosen language.
type checkJSON struct {
	*qrs.Diagnosis
	Message string `json:"message"`
}

func runTestConnection(env *Env, args []string) int {
	c := newCommandFlags("test")
	var f connectionFlags
	f.register(c)
	positional, err := c.parse(args)
	t := c.translator()
	if err != nil {
		return fail(env, t, err, ExitUsage)
	}
	if len(positional) > 0 {
		return fail(env, t, coded.New(CodeBadUsage, nil, "command", "test", "detail", strings.Join(positional, " ")), ExitUsage)
	}
	if err := f.check(c); err != nil {
		return fail(env, t, err, ExitUsage)
	}
	res, err := testConnection(env, t, &f)
	if err != nil {
		return fail(env, t, err, ExitUsage)
	}
	if c.json {
		writeJSON(env.Stdout, res)
	} else {
		printConnection(env.Stdout, t, res)
	}
	if !res.OK {
		return ExitFindings
	}
	return ExitOK
}

// testConnection loads the identity and runs the checks. The error is for
// a test that cannot run at all (no usable certificate).
func testConnection(env *Env, t *i18n.Translator, f *connectionFlags) (*connectionResult, error) {
	id, report, release, err := f.identity(env)
	defer release()
	if err != nil {
		return nil, err
	}
	res := &connectionResult{Host: f.host, Port: f.port, Source: id.Source, Findings: []findingJSON{}, OK: true}
	res.Client, res.Root = describe(qlik.RoleClient, id.Client, true), describe(qlik.RoleRoot, id.Root, false)
	if report != nil {
		// The export's own descriptions name the files.
		for i, c := range report.Certificates {
			switch c.SHA1 {
			case res.Client.SHA1:
				res.Client = &report.Certificates[i]
			case res.Root.SHA1:
				res.Root = &report.Certificates[i]
			}
		}
		for _, fd := range report.Findings {
			// Only what bears on the connection: the server certificate of
			// the export is for this machine's own services, not the test.
			if fd.Role != qlik.RoleServer && fd.Severity != coded.SeverityInfo {
				res.Findings = append(res.Findings, findingJSON{Finding: fd, Message: t.Code(fd.Code, fd.Params)})
			}
		}
	}
	res.Checks = runChecks(env, t, id, f)
	for _, ch := range res.Checks {
		res.OK = res.OK && ch.OK()
	}
	return res, nil
}

// runChecks calls the QRS, and the Engine when --engine asks for it.
func runChecks(env *Env, t *i18n.Translator, id *qrs.Identity, f *connectionFlags) []checkJSON {
	ctx := context.Background()
	o := f.options(env)
	diags := []*qrs.Diagnosis{qrs.Test(ctx, id, o)}
	if f.engine {
		diags = append(diags, qrs.TestEngine(ctx, id, o))
	}
	var out []checkJSON
	for _, d := range diags {
		out = append(out, checkJSON{Diagnosis: d, Message: t.Code(d.Code, d.Params)})
	}
	return out
}

// describe gives the public description of a certificate the test uses.
func describe(role qlik.Role, c *x509.Certificate, hasKey bool) *qlik.CertificateInfo {
	info := validate.Describe(&export.Certificate{Role: role, X509: c})
	info.HasPrivateKey = hasKey
	return &info
}

func printConnection(w io.Writer, t *i18n.Translator, r *connectionResult) {
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

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
