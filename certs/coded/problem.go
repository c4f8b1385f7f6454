package coded

// Problem is how every JSON output of qscert shows a coded error or a
// finding: the stable code (what scripts test), its severity, its
// parameters, and the sentence in the chosen language. Role and File are
// set for a finding about one certificate or file of an export.
type Problem struct {
	Code     Code              `json:"code"`
	Severity Severity          `json:"severity"`
	Params   map[string]string `json:"params,omitempty"`
	Role     string            `json:"role,omitempty"`
	File     string            `json:"file,omitempty"`
	Message  string            `json:"message"`
	// Cause is the coded error this one wraps, when there is one: the
	// store's refusal behind install-rolled-back, say.
	Cause *Problem `json:"cause,omitempty"`
}
