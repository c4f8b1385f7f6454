package validate

import (
	"time"

	"qscert/certs/coded"
	"qscert/certs/export"
	"qscert/certs/finding"
	"qscert/certs/qlik"
)

// Report is the result of Validate: one entry per certificate found and the
// findings, in a form the CLI prints as JSON and the wizard shows as cards.
type Report struct {
	Dir          string                 `json:"dir"`
	Format       qlik.Format            `json:"format"`
	CheckedAt    time.Time              `json:"checkedAt"`
	Certificates []qlik.CertificateInfo `json:"certificates"`
	Findings     []finding.Finding      `json:"findings"`
}

// Blocking reports whether the report has an error-level finding.
func (r *Report) Blocking() bool { return finding.Blocking(r.Findings) }

// Counts returns how many errors and warnings the report has.
func (r *Report) Counts() (errors, warnings int) {
	return finding.Count(r.Findings, coded.SeverityError), finding.Count(r.Findings, coded.SeverityWarning)
}

// FindingsFor returns the findings about one role, for a certificate card.
func (r *Report) FindingsFor(role qlik.Role) []finding.Finding {
	var out []finding.Finding
	for _, f := range r.Findings {
		if f.Role == role {
			out = append(out, f)
		}
	}
	return out
}

// Describe gives the public description of a certificate of the export,
// with the files it came from.
func Describe(c *export.Certificate) qlik.CertificateInfo {
	info := qlik.Describe(c.Role, c.X509, c.Key != nil)
	info.File, info.KeyFile = c.File, c.KeyFile
	return info
}
