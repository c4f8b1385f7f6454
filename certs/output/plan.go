package output

import (
	"fmt"
	"io"

	"qscert/assets/i18n"
	"qscert/certs/accounts"
	"qscert/certs/coded"
	"qscert/certs/install"
	"qscert/certs/qlik"
	"qscert/certs/store"
)

// Step is one step of a plan: what it does (kind), where, to which
// certificate, and the same in a sentence.
type Step struct {
	Kind     install.StepKind `json:"kind"`
	Location string           `json:"location,omitempty"` // none for publish, which writes the tool files

	Role    qlik.Role `json:"role,omitempty"`
	Subject string    `json:"subject,omitempty"`
	SHA1    string    `json:"sha1,omitempty"`
	WithKey bool      `json:"withKey,omitempty"`
	// Account is whom a grant step gives read access to the key, and as
	// whom an account step runs.
	Account *accounts.Account `json:"account,omitempty"`
	Message string            `json:"message"`
}

func stepsOf(t *i18n.Translator, in []install.Step) []Step {
	out := make([]Step, 0, len(in))
	for _, s := range in {
		step := Step{Kind: s.Kind, Role: s.Role, Subject: s.Subject, SHA1: s.Thumbprint, WithKey: s.WithKey, Account: s.Account, Message: StepSentence(t, s)}
		if s.Location != (store.Location{}) {
			step.Location = s.Location.String()
		}
		out = append(out, step)
	}
	return out
}

// Plan is a plan: the store it changes, its steps and its notes.
type Plan struct {
	Store string          `json:"store"`
	Steps []Step          `json:"steps"`
	Notes []coded.Problem `json:"notes"`
}

// PlanOf is p for people and scripts.
func PlanOf(t *i18n.Translator, storeName string, p *install.Plan) *Plan {
	return &Plan{Store: storeName, Steps: stepsOf(t, p.Steps), Notes: FindingProblems(t, p.Notes)}
}

// Result is what applying a plan did: the steps done (all of them, or
// those undone again when RolledBack) and where the backup is.
type Result struct {
	BackupDir  string `json:"backupDir,omitempty"`
	Journal    string `json:"journal,omitempty"`
	Done       []Step `json:"done"`
	RolledBack bool   `json:"rolledBack"`
	// Recovered are the changes a killed qscert had left unfinished,
	// finished before this one.
	Recovered []Recovery `json:"recovered,omitempty"`
	// Accounts are what the account steps did in the accounts' own
	// stores, each with its own backup in that account's profile.
	Accounts []AccountPart `json:"accounts,omitempty"`
}

// AccountPart is what an account step's child did.
type AccountPart struct {
	Account accounts.Account `json:"account"`
	Backup  string           `json:"backup,omitempty"`
	Journal string           `json:"journal,omitempty"`
	Done    []Step           `json:"done"`
	Undone  bool             `json:"undone"`
}

// ResultOf is r for people and scripts; nil for nil.
func ResultOf(t *i18n.Translator, r *install.Result) *Result {
	if r == nil {
		return nil
	}
	res := &Result{BackupDir: r.BackupDir, Journal: r.Journal, Done: stepsOf(t, r.Done), RolledBack: r.RolledBack}
	if len(r.Recovered) > 0 {
		res.Recovered = RecoveriesOf(t, r.Recovered)
	}
	for _, a := range r.Accounts {
		res.Accounts = append(res.Accounts, AccountPart{Account: a.Account, Backup: a.Backup, Journal: a.Journal,
			Done: stepsOf(t, a.Done), Undone: a.Undone})
	}
	return res
}

// Install is `qscert install --json` and `qscert restore --json`: the
// export's validation (install), the plan, what applying it did, and the
// error that stopped it.
type Install struct {
	Header
	Validation *Validation    `json:"validation,omitempty"`
	Plan       *Plan          `json:"plan,omitempty"`
	Result     *Result        `json:"result,omitempty"`
	Error      *coded.Problem `json:"error,omitempty"`
}

// WritePlan lists the steps of a plan, one per line, then its notes.
func WritePlan(w io.Writer, t *i18n.Translator, p *Plan) {
	if len(p.Steps) == 0 {
		fmt.Fprintln(w, t.T("cli.plan.empty"))
		return
	}
	fmt.Fprintln(w, t.N("cli.plan.header", len(p.Steps), map[string]string{"store": p.Store}))
	for i, s := range p.Steps {
		fmt.Fprintf(w, "  %2d. %s\n", i+1, s.Message)
	}
	for _, n := range p.Notes {
		writeFinding(w, t, "  ", n)
	}
}

// WriteAccountParts says where each account step's child keeps its backup.
func WriteAccountParts(w io.Writer, t *i18n.Translator, parts []AccountPart) {
	for _, a := range parts {
		if a.Backup != "" {
			fmt.Fprintln(w, t.T("cli.install.account-backup", map[string]string{"account": a.Account.Name, "backup": a.Backup}))
		}
	}
}

// StepSentence says what a step does, in a sentence.
func StepSentence(t *i18n.Translator, s install.Step) string {
	params := map[string]string{"location": s.Location.String(), "subject": s.Subject, "sha1": s.Thumbprint}
	if a := s.Account; a != nil {
		params["account"], params["sid"] = a.Name, a.SID
	}
	key := "cli.step." + string(s.Kind)
	if s.Kind == install.StepAdd && s.WithKey {
		key = "cli.step.add-with-key"
	}
	return t.T(key, params)
}
