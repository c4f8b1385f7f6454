package app

import (
	"time"

	"qscert/assets/i18n"
	"qscert/certs/accounts"
	"qscert/certs/central"
	"qscert/certs/coded"
	"qscert/certs/output"
)

// recreateDoc is `qscert recreate --json` (docs/json/recreate.schema.json).
// Mode says what the command did: plan (a dry run), run, resume, restore,
// or status (an unfinished procedure refused a new one).
type recreateDoc struct {
	output.Header
	Mode        string                 `json:"mode"`
	Simulated   string                 `json:"simulated,omitempty"`
	Node        *central.Facts         `json:"node,omitempty"`
	Account     *accounts.Account      `json:"account,omitempty"`
	Findings    []coded.Problem        `json:"findings,omitempty"`
	Plan        *recreatePlan          `json:"plan,omitempty"`
	Status      *central.Status        `json:"status,omitempty"`
	Result      *recreateResult        `json:"result,omitempty"`
	Distributed []recreateDistribution `json:"distributed,omitempty"`
	Exported    *recreateExport        `json:"exported,omitempty"`
	Restore     *recreateRestore       `json:"restore,omitempty"`
	Error       *coded.Problem         `json:"error,omitempty"`
}

// recreatePlan is a plan in the document.
type recreatePlan struct {
	CANames      []string              `json:"caNames"`
	Deletions    []central.Certificate `json:"deletions"`
	Exported     central.Exported      `json:"exportedCertificates"`
	Stop         []string              `json:"stop"`
	Start        []string              `json:"start"`
	Bootstrap    []string              `json:"bootstrap"`
	StuckAfterMS int64                 `json:"stuckAfterMs"`
	Steps        []recreateStep        `json:"steps"`
}

type recreateStep struct {
	Step    central.StepID `json:"step"`
	Number  int            `json:"number"`
	Message string         `json:"message"`
}

// recreateResult is what a run or a resumption did.
type recreateResult struct {
	Folder            string                  `json:"folder"`
	Log               string                  `json:"log"`
	Journal           string                  `json:"journal"`
	Backups           map[central.Part]string `json:"backups"`
	ExportedZip       string                  `json:"exportedZip,omitempty"`
	Done              []central.StepID        `json:"done"`
	New               []central.Certificate   `json:"new,omitempty"`
	DispatcherStarted bool                    `json:"dispatcherStarted"`
	Attempt           int                     `json:"attempt"`
	Stopped           *central.Status         `json:"stopped,omitempty"`
	Next              *recreateNext           `json:"next,omitempty"`
}

type recreateNext struct {
	RimNodes []central.ServerNode `json:"rimNodes"`
	Machines []string             `json:"machines"`
	Error    *coded.Problem       `json:"error,omitempty"`
}

// recreateDistribution is one rim node's redistribution. Password is the
// one to type on that node: printed to whoever ran the command, never
// logged.
type recreateDistribution struct {
	Node     central.ServerNode `json:"node"`
	Password string             `json:"password,omitempty"`
	Error    *coded.Problem     `json:"error,omitempty"`
}

type recreateExport struct {
	Folder   string   `json:"folder"`
	Machines []string `json:"machines"`
}

func (d *recreateDoc) setPlan(t *i18n.Translator, p *central.Plan, stuckAfter time.Duration) {
	facts := p.Facts
	d.Node = &facts
	if p.Account.Name != "" {
		a := p.Account
		d.Account = &a
	}
	d.Findings = output.FindingProblems(t, p.Findings)
	deletions := p.Deletions()
	if deletions == nil {
		deletions = []central.Certificate{}
	}
	plan := &recreatePlan{CANames: p.Site.CANames(), Deletions: deletions, Exported: p.Exported,
		Stop: nonNil(p.ToStop()), Start: nonNil(p.ToStart()), Bootstrap: p.Bootstrap, StuckAfterMS: stuckAfter.Milliseconds()}
	if plan.CANames == nil {
		plan.CANames = []string{}
	}
	for _, s := range central.Steps {
		plan.Steps = append(plan.Steps, recreateStep{Step: s, Number: s.Number(), Message: t.T("central.step." + string(s))})
	}
	d.Plan = plan
}

func (d *recreateDoc) setResult(t *i18n.Translator, res *central.Result) {
	if res == nil {
		return
	}
	r := &recreateResult{Folder: res.Folder, Log: res.Log, Journal: res.Journal, Backups: res.Backups, ExportedZip: res.ExportedZip,
		Done: res.Done, New: res.New, DispatcherStarted: res.DispatcherStarted, Attempt: res.Attempt, Stopped: res.Stopped}
	if nx := res.Next; nx != nil {
		r.Next = &recreateNext{RimNodes: nx.RimNodes, Machines: nx.Machines, Error: problemOrNil(t, nx.Err)}
	}
	d.Result = r
}

func (d *recreateDoc) setDistributed(t *i18n.Translator, ds []central.Distribution) {
	for _, x := range ds {
		d.Distributed = append(d.Distributed, recreateDistribution{Node: x.Node, Password: x.Password, Error: problemOrNil(t, x.Err)})
	}
}

// recreateRestore is what a restore did: each part's restore as an
// install's result (its steps, its own backup of what it removed).
type recreateRestore struct {
	Folder   string                          `json:"folder"`
	Nothing  bool                            `json:"nothing"`
	Exported bool                            `json:"exportedCertificates"`
	Started  []string                        `json:"started"`
	Parts    map[central.Part]*output.Result `json:"parts"`
}

func (d *recreateDoc) setRestore(t *i18n.Translator, res *central.RestoreResult) {
	if res == nil {
		return
	}
	r := &recreateRestore{Folder: res.Folder, Nothing: res.Nothing, Exported: res.Exported, Started: nonNil(res.Started),
		Parts: map[central.Part]*output.Result{}}
	for part, pr := range res.Parts {
		r.Parts[part] = output.ResultOf(t, pr)
	}
	d.Restore = r
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
