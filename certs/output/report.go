package output

import (
	"fmt"
	"io"
	"strings"
	"time"

	"qscert/assets/i18n"
	"qscert/certs/coded"
	"qscert/certs/qlik"
	"qscert/certs/validate"
)

// Validation is a validation report: the certificates of the export, its
// findings with their sentences, and whether it can be installed.
type Validation struct {
	Dir          string          `json:"dir"`
	Format       qlik.Format     `json:"format"`
	CheckedAt    time.Time       `json:"checkedAt"`
	Certificates []Certificate   `json:"certificates"`
	Findings     []coded.Problem `json:"findings"`
	Installable  bool            `json:"installable"`
}

// ValidationOf is r for people and scripts.
func ValidationOf(t *i18n.Translator, r *validate.Report) *Validation {
	return &Validation{
		Dir: r.Dir, Format: r.Format, CheckedAt: r.CheckedAt.UTC(),
		Certificates: certificatesOf(r.Certificates),
		Findings:     FindingProblems(t, r.Findings),
		Installable:  !r.Blocking(),
	}
}

// Counts returns how many errors and warnings the report has.
func (v *Validation) Counts() (errors, warnings int) {
	for _, f := range v.Findings {
		switch f.Severity {
		case coded.SeverityError:
			errors++
		case coded.SeverityWarning:
			warnings++
		}
	}
	return errors, warnings
}

// Validate is `qscert validate --json`: the report, or why there is none.
// Error is also set, beside the report, when the export could not be
// checked with the password given (exit code 2).
type Validate struct {
	Header
	*Validation
	Error *coded.Problem `json:"error,omitempty"`
}

// WriteReport writes a validation report for people: one line per
// certificate, one per finding, then the verdict.
func WriteReport(w io.Writer, t *i18n.Translator, r *Validation) { WriteValidation(w, t, r, true) }

// WriteValidation is WriteReport, with its last line, the verdict ("Ready
// to install"), only when verdict is set: a report written after the
// install says how the install went instead.
func WriteValidation(w io.Writer, t *i18n.Translator, r *Validation, verdict bool) {
	fmt.Fprintln(w, t.T("cli.report.export", map[string]string{"dir": r.Dir, "format": t.T("format." + string(r.Format))}))
	for _, c := range r.Certificates {
		files := c.File
		if c.KeyFile != "" && c.KeyFile != c.File {
			files += " + " + c.KeyFile
		}
		fmt.Fprintf(w, "  %-8s %s\n", RoleLabel(t, c.Role), t.T("cli.report.certificate", map[string]string{
			"subject": c.Subject, "issuer": c.Issuer,
			"from": day(c.NotBefore), "to": day(c.NotAfter),
			"sha1": c.SHA1, "key": keyLabel(t, c.HasPrivateKey), "files": files,
		}))
	}
	for _, f := range r.Findings {
		writeFinding(w, t, "  ", f)
	}
	if !verdict {
		return
	}
	errors, warnings := r.Counts()
	counts := map[string]string{"errors": t.N("cli.count.errors", errors), "warnings": t.N("cli.count.warnings", warnings)}
	if r.Installable {
		fmt.Fprintln(w, t.T("cli.report.verdict-ok", counts))
	} else {
		fmt.Fprintln(w, t.T("cli.report.verdict-blocked", counts))
	}
}

// writeFinding writes one finding or note: its severity, its sentence and
// its code, the stable key to search for.
func writeFinding(w io.Writer, t *i18n.Translator, indent string, f coded.Problem) {
	fmt.Fprintf(w, "%s%-13s %s [%s]\n", indent, strings.ToUpper(t.T("severity."+string(f.Severity))), f.Message, f.Code)
}

// RoleLabel is a role as a column of text shows it: "client", "racine".
func RoleLabel(t *i18n.Translator, r qlik.Role) string {
	if r == "" {
		return "-"
	}
	return t.T("cli.role." + string(r))
}

func keyLabel(t *i18n.Translator, has bool) string {
	if has {
		return t.T("cli.report.key-yes")
	}
	return t.T("cli.report.key-no")
}

// day is a date as the text lines show it; JSON keeps the full time.
func day(at time.Time) string { return at.UTC().Format("2006-01-02") }
