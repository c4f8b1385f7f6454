package coded

// Severity says whether a problem blocks what the user is doing.
type Severity string

const (
	SeverityError   Severity = "error"   // blocks: the export cannot be installed as it is, the command fails
	SeverityWarning Severity = "warning" // allowed, but the user should read it
	SeverityInfo    Severity = "info"    // for the record
)

// Spec is one code with the severity it has unless the check that raises
// it says otherwise.
type Spec struct {
	Code     Code
	Severity Severity
}

// Registry is the table of one package's codes. Each code is declared once,
// with its default severity, by a call such as
//
//	var CodeWrongPassword = Codes.Error("wrong-password")
//
// and the test that every code has an English and a French sentence reads
// the registries, so a new code cannot be forgotten in a hand-kept list.
type Registry struct {
	specs []Spec
}

func (r *Registry) add(code string, s Severity) Code {
	c := Code(code)
	r.specs = append(r.specs, Spec{Code: c, Severity: s})
	return c
}

// Error declares a code that blocks by default.
func (r *Registry) Error(code string) Code { return r.add(code, SeverityError) }

// Warning declares a code that warns by default.
func (r *Registry) Warning(code string) Code { return r.add(code, SeverityWarning) }

// Info declares a code that is informative by default.
func (r *Registry) Info(code string) Code { return r.add(code, SeverityInfo) }

// Codes lists the codes in the order they were declared.
func (r *Registry) Codes() []Code {
	out := make([]Code, len(r.specs))
	for i, s := range r.specs {
		out[i] = s.Code
	}
	return out
}

// Severity is the default severity of code; a code the registry does not
// hold is an error.
func (r *Registry) Severity(code Code) Severity {
	for _, s := range r.specs {
		if s.Code == code {
			return s.Severity
		}
	}
	return SeverityError
}

// Has reports whether the registry declares code.
func (r *Registry) Has(code Code) bool {
	for _, s := range r.specs {
		if s.Code == code {
			return true
		}
	}
	return false
}
