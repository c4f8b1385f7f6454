package output

import (
	"encoding/json"
	"io"

	"qscert/assets/i18n"
	"qscert/certs/coded"
	"qscert/certs/finding"
)

// CodeInternalError is the code of an error that has none of its own (a
// bug): its sentence asks for a support report.
const CodeInternalError coded.Code = "internal-error"

// ProblemOf is the one JSON shape of an error: its code, parameters and
// sentence. An error without a code (a bug) gets internal-error, whose
// sentence says so, so that a script always has a code to test.
func ProblemOf(t *i18n.Translator, err error) *coded.Problem {
	p := &coded.Problem{Code: CodeInternalError, Severity: coded.SeverityError, Message: t.Error(err)}
	if e := coded.As(err); e != nil {
		p.Code, p.Params = e.Code, e.Params
		if cause := coded.As(e.Err); cause != nil {
			p.Cause = ProblemOf(t, cause)
		}
	}
	return p
}

// FindingProblem is a finding in the same shape, with its severity, role
// and file.
func FindingProblem(t *i18n.Translator, f finding.Finding) coded.Problem {
	return coded.Problem{Code: f.Code, Severity: f.Severity, Params: f.Params, Role: string(f.Role), File: f.File,
		Message: t.Code(f.Code, f.Params)}
}

// FindingProblems converts a list; never nil, so that JSON shows [].
func FindingProblems(t *i18n.Translator, findings []finding.Finding) []coded.Problem {
	out := make([]coded.Problem, 0, len(findings))
	for _, f := range findings {
		out = append(out, FindingProblem(t, f))
	}
	return out
}

// WriteJSON writes v indented, as every --json output is.
func WriteJSON(w io.Writer, v any) {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(v)
}
