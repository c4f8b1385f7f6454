// Package finding is what reading, validating and planning notice about an
// export: a coded error with a severity, the role of the certificate it is
// about, and the file. Loading (certs/export), validation
// (certs/validate) and the install plan's notes (certs/install) all speak
// it, so it sits below the three of them.
package finding

import (
	"qscert/certs/coded"
	"qscert/certs/qlik"
)

// Finding is one thing noticed. Its Params fill the sentence of its code
// ({{.file}}, {{.role}}, {{.days}}, ...), file and role included.
type Finding struct {
	coded.Error
	Severity coded.Severity `json:"severity"`
	Role     qlik.Role      `json:"role,omitempty"`
	File     string         `json:"file,omitempty"`
}

// New makes a finding of code, with the default severity the registry
// that declares it gives. params are key, value pairs.
func New(codes *coded.Registry, code coded.Code, role qlik.Role, file string, params ...string) Finding {
	f := Finding{Error: coded.Error{Code: code, Params: map[string]string{}}, Severity: codes.Severity(code), Role: role, File: file}
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

// Err is the finding as an error value, for callers that stop on it.
func (f Finding) Err() error {
	e := coded.New(f.Code, f.Error.Err)
	e.Params = make(map[string]string, len(f.Params))
	for k, v := range f.Params {
		e.Params[k] = v
	}
	return e
}

// Blocking reports whether any finding is an error.
func Blocking(findings []Finding) bool {
	return Count(findings, coded.SeverityError) > 0
}

// Count counts the findings of one severity.
func Count(findings []Finding, s coded.Severity) int {
	n := 0
	for _, f := range findings {
		if f.Severity == s {
			n++
		}
	}
	return n
}
