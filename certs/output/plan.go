package output

import (
	"fmt"
	"io"

	"qscert/assets/i18n"
	"qscert/certs/coded"
	"qscert/certs/install"
)

// WritePlan lists the steps of a plan, one per line, then its notes.
func WritePlan(w io.Writer, t *i18n.Translator, storeName string, p *install.Plan) {
	if p.Empty() {
		fmt.Fprintln(w, t.T("cli.plan.empty"))
		return
	}
	fmt.Fprintln(w, t.T("cli.plan.header", map[string]string{"store": storeName, "count": fmt.Sprint(len(p.Steps))}))
	for i, s := range p.Steps {
		fmt.Fprintf(w, "  %2d. %s\n", i+1, StepSentence(t, s))
	}
	for _, n := range p.Notes {
		fmt.Fprintf(w, "  %s %s [%s]\n", t.T("severity."+string(n.Severity)), t.Code(n.Code, n.Params), n.Code)
	}
}

// StepSentence says what a step does, in a sentence.
func StepSentence(t *i18n.Translator, s install.Step) string {
	params := map[string]string{"location": s.Location.String(), "subject": s.Subject, "thumbprint": s.Thumbprint}
	if s.WithKey {
		params["key"] = t.T("cli.step.with-key")
	}
	return t.T("cli.step."+string(s.Kind), params)
}

// Plan is a plan as JSON.
type Plan struct {
	Store string          `json:"store"`
	Steps []install.Step  `json:"steps"`
	Notes []coded.Problem `json:"notes"`
}

// PlanOf is p as JSON.
func PlanOf(t *i18n.Translator, storeName string, p *install.Plan) *Plan {
	out := &Plan{Store: storeName, Steps: p.Steps, Notes: FindingProblems(t, p.Notes)}
	if out.Steps == nil {
		out.Steps = []install.Step{}
	}
	return out
}
