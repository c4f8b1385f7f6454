package app

import (
	"fmt"
	"io"

	"qscert/assets/i18n"
	"qscert/certs/install"
)

// printPlan lists the steps of a plan, one per line, then its notes.
func printPlan(w io.Writer, t *i18n.Translator, storeName string, p *install.Plan) {
	if p.Empty() {
		fmt.Fprintln(w, t.T("cli.plan.empty"))
		return
	}
	fmt.Fprintln(w, t.T("cli.plan.header", map[string]string{"store": storeName, "count": fmt.Sprint(len(p.Steps))}))
	for i, s := range p.Steps {
		fmt.Fprintf(w, "  %2d. %s\n", i+1, describeStep(t, s))
	}
	for _, n := range p.Notes {
		fmt.Fprintf(w, "  %s %s [%s]\n", t.T("severity."+string(n.Severity)), t.Code(n.Code, n.Params), n.Code)
	}
}

// describeStep says what a step does, in a sentence.
func describeStep(t *i18n.Translator, s install.Step) string {
	params := map[string]string{"location": s.Location.String(), "subject": s.Subject, "thumbprint": s.Thumbprint}
	if s.WithKey {
		params["key"] = t.T("cli.step.with-key")
	}
	return t.T("cli.step."+string(s.Kind), params)
}

// planJSON is a plan as the --json output shows it.
type planJSON struct {
	Store string         `json:"store"`
	Steps []install.Step `json:"steps"`
	Notes []findingJSON  `json:"notes"`
}

func planToJSON(t *i18n.Translator, storeName string, p *install.Plan) planJSON {
	out := planJSON{Store: storeName, Steps: p.Steps, Notes: []findingJSON{}}
	if out.Steps == nil {
		out.Steps = []install.Step{}
	}
	for _, n := range p.Notes {
		out.Notes = append(out.Notes, findingJSON{Finding: n, Message: t.Code(n.Code, n.Params)})
	}
	return out
}

// errorJSON is a failure as the --json output shows it.
type errorJSON struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	Cause   string `json:"cause,omitempty"`
}
