package app

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"qscert/assets/i18n"
	"qscert/certs/central"
	"qscert/certs/coded"
	"qscert/certs/output"
)

func writeLine(w io.Writer, s string) { fmt.Fprintln(w, s) }

// writeRecreatePlan shows what the procedure will do, step by step, with
// every certificate it deletes: what --dry-run prints, and what is shown
// before the confirmation.
func writeRecreatePlan(w io.Writer, t *i18n.Translator, p *central.Plan, f *recreateFlags) {
	host := p.Site.FQDN
	if host == "" {
		host = p.Facts.Hostname
	}
	writeLine(w, t.T("recreate.plan.header", map[string]string{"host": host}))
	if f.simulate != "" {
		writeLine(w, "  "+t.T("recreate.plan.simulated", map[string]string{"folder": f.simulate}))
	}
	for _, finding := range p.Findings {
		pr := output.FindingProblem(t, finding)
		fmt.Fprintf(w, "  %-8s %s [%s]\n", strings.ToUpper(t.T("severity."+string(pr.Severity))), pr.Message, pr.Code)
	}
	writeLine(w, t.T("recreate.plan.steps"))
	deletions := p.Deletions()
	params := map[string]string{
		"host": host, "repository": p.Facts.Repository, "account": p.Account.Name, "backup": f.backupDir,
		"count": fmt.Sprint(len(deletions)), "machines": fmt.Sprint(len(p.Exported.Machines)), "folder": p.Exported.Path,
		"stop": central.DisplayNames(p.ToStop()), "start": central.DisplayNames(p.ToStart()), "command": central.CommandLine(p.Bootstrap),
		"seconds": fmt.Sprint(int(f.stuckAfter.Seconds())),
	}
	step := func(n int, key string) { fmt.Fprintf(w, "  %d. %s\n", n, t.T(key, params)) }
	step(1, "recreate.plan.1")
	if p.Exported.Exists {
		step(2, "recreate.plan.2")
	} else {
		step(2, "recreate.plan.2-no-exported")
	}
	if len(deletions) == 0 {
		step(3, "recreate.plan.3-nothing")
	} else {
		step(3, "recreate.plan.3")
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		for _, c := range deletions {
			where := c.Location.String()
			if c.Part == central.PartAccount {
				where = p.Account.Name + " " + where
			}
			fmt.Fprintf(tw, "       %s\t%s\t%s\t%s\n", where, output.RoleLabel(t, c.Role), c.Subject, c.Thumbprint)
		}
		tw.Flush()
	}
	if p.Exported.Exists {
		writeLine(w, "     "+t.T("recreate.plan.3-exported", params))
	}
	step(4, "recreate.plan.4")
	step(5, "recreate.plan.5")
	step(6, "recreate.plan.6")
	step(7, "recreate.plan.7")
}

// progress prints each event of the procedure as it happens (text only:
// a JSON document is printed once, at the end).
func (r *recreateRun) progress(e central.Event) {
	if r.c.json {
		return
	}
	if e.Step == central.StepPreconditions && e.Kind != central.EventStep && e.Kind != central.EventDone {
		return // the plan showed step 1's findings already; the log keeps them
	}
	if e.Step == "" && e.Kind == central.EventDone {
		return // the end: writeRecreateResult says it
	}
	w, t := r.c.env.Stdout, r.c.translator()
	s := e.Sentence(t)
	switch e.Kind {
	case central.EventStep:
		fmt.Fprintf(w, "\n%s\n", s)
	case central.EventOutput:
		fmt.Fprintf(w, "      | %s\n", s)
	case central.EventWarning:
		fmt.Fprintf(w, "  %s %s\n", strings.ToUpper(t.T("severity.warning")), s)
	case central.EventError:
		fmt.Fprintf(w, "  %s %s\n", strings.ToUpper(t.T("severity.error")), s)
	default:
		fmt.Fprintf(w, "  %s\n", s)
	}
}

// writeRecreateStatus says where a procedure stands.
func writeRecreateStatus(w io.Writer, t *i18n.Translator, st *central.Status) {
	p := st.Params()
	writeLine(w, t.T("recreate.status", p))
	if st.Ended != "" {
		writeLine(w, "  "+t.T("reason.state-"+st.State, p))
		return
	}
	writeLine(w, "  "+t.Code(central.CodeStopped, p))
}

// writeRecreateResult shows the end of a run: the new certificates, the
// folder, and what needs a new export.
func writeRecreateResult(w io.Writer, t *i18n.Translator, res *central.Result) {
	writeLine(w, "")
	writeLine(w, t.T("recreate.done", map[string]string{"folder": res.Folder, "log": res.Log}))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, c := range res.New {
		fmt.Fprintf(tw, "  %s\t%s\t%s\n", output.RoleLabel(t, c.Role), c.Subject, c.Thumbprint)
	}
	tw.Flush()
	nx := res.Next
	if nx == nil {
		return
	}
	if nx.Err != nil {
		writeLine(w, "  "+strings.ToUpper(t.T("severity.warning"))+" "+t.Error(nx.Err))
	}
	writeLine(w, t.N("recreate.next.rim-nodes", len(nx.RimNodes)))
	for _, n := range nx.RimNodes {
		fmt.Fprintf(w, "  %s (%s)\n", n.Name, n.HostName)
	}
	writeLine(w, t.N("recreate.next.machines", len(nx.Machines)))
	for _, m := range nx.Machines {
		fmt.Fprintf(w, "  %s\n", m)
	}
	writeLine(w, t.T("recreate.next.hint"))
}

// writeDistributed shows each rim node's password: to type on that node
// (Qlik Sense's certificate package there asks for it). It is shown here
// only, never written to the log.
func writeDistributed(w io.Writer, t *i18n.Translator, ds []central.Distribution) {
	for _, d := range ds {
		params := map[string]string{"name": d.Node.Name, "host": d.Node.HostName, "password": d.Password}
		if d.Err != nil {
			writeLine(w, t.T("recreate.distribute-failed", params)+" "+t.Error(d.Err))
			continue
		}
		writeLine(w, t.T("recreate.distributed", params))
	}
}

// writeRestored says what a restore did.
func writeRestored(w io.Writer, t *i18n.Translator, res *central.RestoreResult) {
	if res.Nothing {
		writeLine(w, t.T("recreate.restore.nothing", map[string]string{"folder": res.Folder}))
		return
	}
	writeLine(w, t.T("recreate.restore.done", map[string]string{"folder": res.Folder}))
}

// problemOrNil is err in the one JSON shape, or nil.
func problemOrNil(t *i18n.Translator, err error) *coded.Problem {
	if err == nil {
		return nil
	}
	return output.ProblemOf(t, err)
}
