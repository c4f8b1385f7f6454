package output

import (
	"fmt"
	"io"
	"strings"

	"qscert/assets/i18n"
	"qscert/certs/coded"
	"qscert/certs/validate"
)

// WriteReport writes a validation report for people: one line per
// certificate, one per finding, then the verdict.
func WriteReport(w io.Writer, t *i18n.Translator, r *validate.Report) {
	fmt.Fprintln(w, t.T("cli.report.export", map[string]string{"dir": r.Dir, "format": t.T("format." + string(r.Format))}))
	for _, c := range r.Certificates {
		key := t.T("cli.report.key-no")
		if c.HasPrivateKey {
			key = t.T("cli.report.key-yes")
		}
		files := c.File
		if c.KeyFile != "" && c.KeyFile != c.File {
			files += " + " + c.KeyFile
		}
		fmt.Fprintf(w, "  %-7s %s\n", c.Role, t.T("cli.report.certificate", map[string]string{
			"subject": c.Subject, "issuer": c.Issuer,
			"from": c.NotBefore.Format("2006-01-02"), "to": c.NotAfter.Format("2006-01-02"),
			"sha1": c.SHA1, "key": key, "files": files,
		}))
	}
	for _, f := range r.Findings {
		fmt.Fprintf(w, "  %-13s %s [%s]\n", strings.ToUpper(t.T("severity."+string(f.Severity))), t.Code(f.Code, f.Params), f.Code)
	}
	errors, warnings := r.Counts()
	counts := map[string]string{"errors": fmt.Sprint(errors), "warnings": fmt.Sprint(warnings)}
	if r.Blocking() {
		fmt.Fprintln(w, t.T("cli.report.verdict-blocked", counts))
	} else {
		fmt.Fprintln(w, t.T("cli.report.verdict-ok", counts))
	}
}

// Report is a validation report as JSON: the report, its findings with
// their sentences, and whether the export can be installed.
type Report struct {
	*validate.Report
	Findings    []coded.Problem `json:"findings"`
	Installable bool            `json:"installable"`
}

// ReportOf is r as JSON.
func ReportOf(t *i18n.Translator, r *validate.Report) *Report {
	return &Report{Report: r, Installable: !r.Blocking(), Findings: FindingProblems(t, r.Findings)}
}
