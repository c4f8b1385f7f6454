package app

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"qscert/assets/i18n"
	"qscert/certs/coded"
	"qscert/certs/finding"
	"qscert/certs/validate"
)

// printReport writes a validation report for people: one line per
// certificate, one per finding, then the verdict.
func printReport(w io.Writer, t *i18n.Translator, r *validate.Report) {
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
	errors, warnings := 0, 0
	for _, f := range r.Findings {
		switch f.Severity {
		case coded.SeverityError:
			errors++
		case coded.SeverityWarning:
			warnings++
		}
		fmt.Fprintf(w, "  %-13s %s [%s]\n", strings.ToUpper(t.T("severity."+string(f.Severity))), t.Code(f.Code, f.Params), f.Code)
	}
	counts := map[string]string{"errors": fmt.Sprint(errors), "warnings": fmt.Sprint(warnings)}
	if r.Blocking() {
		fmt.Fprintln(w, t.T("cli.report.verdict-blocked", counts))
	} else {
		fmt.Fprintln(w, t.T("cli.report.verdict-ok", counts))
	}
}

// findingJSON is a finding with its sentence, for scripts that log it.
type findingJSON struct {
	finding.Finding
	Message string `json:"message"`
}

type reportJSONOut struct {
	*validate.Report
	Findings    []findingJSON `json:"findings"`
	Installable bool          `json:"installable"`
}

func reportJSON(t *i18n.Translator, r *validate.Report) reportJSONOut {
	out := reportJSONOut{Report: r, Installable: !r.Blocking(), Findings: []findingJSON{}}
	for _, f := range r.Findings {
		out.Findings = append(out.Findings, findingJSON{Finding: f, Message: t.Code(f.Code, f.Params)})
	}
	return out
}

func writeJSON(w io.Writer, v any) {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(v)
}
