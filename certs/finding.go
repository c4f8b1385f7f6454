package certs

import "qscert/certs/coded"

// Severity says whether a finding blocks an install.
type Severity string

const (
	SeverityError   Severity = "error"   // blocks: the export cannot be installed as it is
	SeverityWarning Severity = "warning" // allowed, but the user should read it
	SeverityInfo    Severity = "info"    // for the record
)

// Finding is one thing Validate noticed. Params fill the sentence of the code
// ({{.file}}, {{.role}}, {{.days}}, ...).
type Finding struct {
	Code     coded.Code        `json:"code"`
	Severity Severity          `json:"severity"`
	Role     Role              `json:"role,omitempty"`
	File     string            `json:"file,omitempty"`
	Params   map[string]string `json:"params,omitempty"`
}

// defaultSeverity is the severity of each code unless the check that raises
// it says otherwise (a missing server key is only informative, for example).
var defaultSeverity = map[coded.Code]Severity{
	CodeFileNameNotUTF8: SeverityWarning,
	CodeSwappedFiles:    SeverityWarning,
	CodeDuplicateFiles:  SeverityInfo,
	CodeExpiresSoon:     SeverityWarning,
	CodeMachineMismatch: SeverityWarning,
	CodeSiteMismatch:    SeverityWarning,
	CodeHostIsIP:        SeverityWarning,
	CodeWeakKey:         SeverityWarning,
	CodePartialExport:   SeverityWarning,
}

func newFinding(code coded.Code, role Role, file string, params ...string) Finding {
	sev, ok := defaultSeverity[code]
	if !ok {
		sev = SeverityError
	}
	f := Finding{Code: code, Severity: sev, Role: role, File: file}
	f.Params = map[string]string{}
	if file != "" {
		f.Params["file"] = file
	}
	if role != "" {
		f.Params["role"] = string(role)
	}
	for i := 0; i+1 < len(params); i += 2 {
		f.Params[params[i]] = params[i+1]
	}
	return f
}

// Blocking reports whether any finding is an error.
func Blocking(findings []Finding) bool {
	for _, f := range findings {
		if f.Severity == SeverityError {
			return true
		}
	}
	return false
}
