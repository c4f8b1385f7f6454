package console

import (
	"fmt"
	"strings"

	"qscert/certs/central"
	"qscert/certs/coded"
	"qscert/wizard/flow"
)

// check is step 1: the machine's facts, what the checks found (an error
// says what to do and keeps Next away), the service account's password
// when the account is an ordinary user.
func (c *recreate) check() error {
	w, r := c.w, c.r
	c.header()
	for {
		if r.Planning() {
			w.out.para(w.t("wizard.recreate.check.checking"))
		}
		r.RunDueNow(nil)
		c.showPlan()
		change := ""
		if r.Asks(flow.FieldServiceAccountPassword) {
			if r.Value(flow.FieldServiceAccountPassword) == "" {
				if err := c.ask(r.Step().Fields); err != nil {
					return err
				}
				continue
			}
			change = w.t("wizard.recreate.account.password")
		}
		w.out.blank()
		a, err := c.navigate(change)
		if err != nil || a != actChange {
			return err
		}
		if err := c.ask(r.Step().Fields); err != nil {
			return err
		}
	}
}

func (c *recreate) showPlan() {
	w, r := c.w, c.r
	if err := r.PlanErr(); err != nil {
		w.out.marked(markError, w.tr.Error(err))
		return
	}
	p := r.Plan()
	if p == nil {
		return
	}
	fa := p.Facts
	yes, no := w.t("wizard.recreate.facts.yes"), w.t("wizard.recreate.facts.no")
	repo, elevated := w.t("wizard.recreate.facts.missing"), no
	if fa.RepositoryPresent {
		repo = w.t("wizard.recreate.facts.present")
	}
	if fa.Elevated {
		elevated = yes
	}
	w.out.heading(w.t("wizard.recreate.facts"))
	w.out.field(w.t("wizard.recreate.facts.hostname"), w.orNone(fa.Hostname))
	w.out.field(w.t("wizard.recreate.facts.fqdn"), w.orNone(fa.FQDN))
	w.out.field(w.t("wizard.recreate.facts.repository"), repo)
	w.out.field(w.t("wizard.recreate.facts.elevated"), elevated)
	w.out.field(w.t("wizard.recreate.facts.account"), w.orNone(p.Account.Name))
	w.out.blank()
	w.out.heading(w.t("wizard.recreate.findings"))
	for _, sev := range []coded.Severity{coded.SeverityError, coded.SeverityWarning, coded.SeverityInfo} {
		for _, fd := range p.Findings {
			if fd.Severity == sev {
				w.finding("  ", fd)
			}
		}
	}
	w.out.blank()
	switch err := r.Blocking(); {
	case coded.CodeOf(err) == central.CodeAccountPassword:
		w.out.marked(markWarning, w.t("wizard.recreate.check.password"))
	case err != nil:
		w.out.marked(markError, w.t("wizard.recreate.check.refused"))
	default:
		w.out.marked(markOK, w.t("wizard.recreate.check.ok", map[string]string{"host": p.Site.FQDN}))
	}
}

// stopped is the step of a procedure that was stopped: where it stands,
// go on or restore, the backup's password.
func (c *recreate) stopped() error {
	w, r := c.w, c.r
	c.header()
	if st := r.Stopped(); st != nil {
		w.out.marked(markWarning, w.tr.Code(central.CodeStopped, st.Params()))
		w.out.item(w.t("wizard.recreate.stopped.started", st.Params()))
		w.out.blank()
	}
	for {
		resume := choice{string(flow.ActionResume), w.t("wizard.recreate.stopped.resume", r.Stopped().Params())}
		if r.RedoFromDelete() {
			resume.Label = w.t("wizard.recreate.stopped.redo") + w.out.colon + w.t("wizard.recreate.run.redo.hint")
		}
		opts := []choice{resume}
		if r.Stopped().Changed {
			opts = append(opts, choice{string(flow.ActionRestore), w.t("wizard.recreate.stopped.restore")})
		}
		a, err := w.p.choose(w.t("wizard.recreate.stopped.action"), opts, string(r.Action()))
		if err != nil {
			return err
		}
		r.SetAction(flow.RecreateAction(a))
		if err := c.ask(r.Step().Fields); err != nil {
			return err
		}
		w.out.blank()
		a, err = c.navigate(w.t("console.change.choices"))
		if err != nil || a != actChange {
			return err
		}
	}
}

// backup asks the folder and the password, then the password again.
func (c *recreate) backup() error {
	w, r := c.w, c.r
	c.header()
	fields := r.Step().Fields
	for {
		if err := c.ask(fields[:2]); err != nil {
			return err
		}
		if err := c.ask(fields[2:]); err != nil {
			return err
		}
		if key, params := r.FieldProblem(flow.FieldBackupRetype, r.Value(flow.FieldBackupRetype)); key != "" {
			w.out.marked(markError, w.t(key, params))
		}
		w.out.blank()
		a, err := c.navigate(w.t("console.change.choices"))
		if err != nil || a != actChange {
			return err
		}
	}
}

// confirm lists what will be deleted and stopped, and asks the node's
// name typed.
func (c *recreate) confirm() error {
	w, r := c.w, c.r
	c.header()
	p := r.Plan()
	if p != nil {
		w.out.heading(w.t("wizard.recreate.confirm.deleted"))
		for _, cert := range p.Deletions() {
			w.out.bullet(c.certLine(cert, p.Account.Name))
		}
		if len(p.Deletions()) == 0 {
			w.out.item(w.t("wizard.recreate.confirm.nothing"))
		}
		if p.Exported.Exists {
			w.out.bullet(w.t("wizard.recreate.confirm.exported", map[string]string{"folder": p.Exported.Path, "count": itoa(len(p.Exported.Machines))}))
		}
		w.out.blank()
		w.out.heading(w.t("wizard.recreate.confirm.services"))
		services := w.t("wizard.recreate.confirm.services.none")
		if stop := p.ToStop(); len(stop) > 0 {
			services = displayNames(stop)
		}
		w.out.item(services)
		w.out.item(w.t("wizard.recreate.confirm.bootstrap", map[string]string{"command": commandLine(p.Bootstrap), "account": p.Account.Name}))
		w.out.blank()
	}
	for {
		if err := c.ask(r.Step().Fields); err != nil {
			return err
		}
		if !r.CanNext() {
			key, params := r.Hint(flow.FieldConfirmHost)
			w.out.marked(markNote, w.t(key, params))
		}
		w.out.blank()
		a, err := c.navigate(w.t("console.change.choices"))
		if err != nil || a != actChange {
			return err
		}
	}
}

// run runs the procedure (or goes on with it, or restores it), a line per
// event as it comes; Ctrl+C waits for the end meanwhile.
func (c *recreate) run() error {
	w, r := c.w, c.r
	c.header()
	busy := w.t("wizard.recreate.cancel.busy")
	w.busy.Store(&busy)
	w.installing.Store(true)
	r.RunDueNow(c.event)
	w.installing.Store(false)
	w.out.blank()
	switch {
	case r.Restored() && r.RestoreResult().Nothing:
		w.out.marked(markOK, w.t("wizard.recreate.run.status.nothing"))
	case r.Restored():
		w.out.marked(markOK, w.t("wizard.recreate.run.status.restored"))
	case r.Done():
		w.out.marked(markOK, w.t("wizard.recreate.run.status.done"))
	case r.RunErr() != nil:
		w.out.marked(markError, w.tr.Error(r.RunErr()))
	}
	if dir := r.LogFolder(); dir != "" {
		w.out.field(w.t("wizard.recreate.run.folder"), dir)
	}
	w.out.blank()
	a, err := c.navigate("", c.stopChoices()...)
	c.follow(a)
	return err
}

// event prints one event of the run.
func (c *recreate) event(e central.Event) {
	w := c.w
	text := e.Sentence(w.tr)
	switch e.Kind {
	case central.EventStep:
		w.out.blank()
		w.out.heading(text)
	case central.EventOutput:
		w.out.indented("    | ", "      ", text)
	case central.EventWarning:
		w.out.markedIndent("  ", markWarning, text)
	case central.EventError:
		w.out.markedIndent("  ", markError, text)
	default:
		w.out.item(text)
	}
}

// stopChoices are Go on (or Redo from step 3) and Restore, after a stop.
func (c *recreate) stopChoices() []choice {
	w, r := c.w, c.r
	if !r.CanResume() {
		return nil
	}
	resume := choice{"resume", w.t("wizard.recreate.resume")}
	if r.RedoFromDelete() {
		resume.Label = w.t("wizard.recreate.redo")
	}
	out := []choice{resume}
	if r.CanRestore() {
		out = append(out, choice{"restore", w.t("wizard.recreate.restore")})
	}
	return out
}

// follow does what a stop's menu chose: the flow returns to the run
// step, which the main loop shows next.
func (c *recreate) follow(a string) {
	switch a {
	case "resume":
		c.r.Resume()
	case "restore":
		c.r.Restore()
	}
}

// verify is step 5: the new certificates, or the duplicates, with redo.
func (c *recreate) verify() error {
	w, r := c.w, c.r
	c.header()
	if err := r.Duplicates(); err != nil {
		w.out.marked(markError, w.tr.Error(err))
	} else if res := r.Result(); res != nil {
		w.out.marked(markOK, w.t("wizard.recreate.verify.ok"))
		for _, cert := range res.New {
			w.out.bullet(c.certLine(cert, r.AccountName()))
		}
		if err := r.RootKind(); err != nil {
			w.out.marked(markNote, w.tr.Error(err))
		}
	}
	w.out.blank()
	a, err := c.navigate("", c.stopChoices()...)
	c.follow(a)
	return err
}

// restart is step 6: the services and their state.
func (c *recreate) restart() error {
	w, r := c.w, c.r
	c.header()
	for {
		r.RunDueNow(nil)
		services, err := r.Services()
		if err != nil {
			w.out.marked(markError, w.tr.Error(err))
		}
		running := len(services) > 0
		for _, s := range services {
			w.out.field(central.DisplayName(s.Name), w.t("wizard.recreate.state."+string(s.State)))
			running = running && (s.State == central.StateRunning || s.Start == central.StartDisabled)
		}
		if running {
			w.out.marked(markOK, w.t("wizard.recreate.restart.all"))
		} else if err == nil {
			w.out.marked(markWarning, w.t("wizard.recreate.restart.some"))
		}
		w.out.blank()
		a, err := c.navigate("", choice{"again", w.t("wizard.recreate.restart.again")})
		if err != nil || a != "again" {
			return err
		}
		r.ReadServicesAgain()
	}
}

// next is step 7: redistribute to the rim nodes (each password shown
// once, when asked), export for the third-party machines.
func (c *recreate) next() error {
	w, r := c.w, c.r
	c.header()
	nx := r.NextSteps()
	if nx != nil {
		w.out.heading(w.t("wizard.recreate.next.rim"))
		if nx.Err != nil {
			w.out.marked(markWarning, w.tr.Error(nx.Err))
		}
		for _, n := range nx.RimNodes {
			w.out.bullet(w.t("wizard.recreate.next.rim.node", map[string]string{"name": n.Name, "host": n.HostName}))
		}
		if len(nx.RimNodes) == 0 && nx.Err == nil {
			w.out.item(w.t("wizard.recreate.next.rim.none"))
		}
		w.out.blank()
		w.out.heading(w.t("wizard.recreate.next.machines"))
		for _, m := range nx.Machines {
			w.out.bullet(m)
		}
		if len(nx.Machines) == 0 {
			w.out.item(w.t("wizard.recreate.next.machines.none"))
		} else {
			w.out.item(w.t("wizard.recreate.next.machines.hint"))
		}
	}
	shown := false
	for {
		w.out.blank()
		var extra []choice
		if r.CanRedistribute() {
			extra = append(extra, choice{"redistribute", w.t("wizard.recreate.next.redistribute")})
		}
		if ds, _ := r.Distributed(); len(ds) > 0 && !shown {
			extra = append(extra, choice{"show", w.t("wizard.recreate.next.show")})
		}
		if r.CanExport() {
			extra = append(extra, choice{"export", w.t("wizard.recreate.export.go")})
		}
		a, err := c.navigate("", extra...)
		if err != nil {
			return err
		}
		switch a {
		case "redistribute":
			w.out.para(w.t("wizard.recreate.next.redistribute.hint"))
			r.AskRedistribute()
			r.RunDueNow(nil)
			c.showDistributed(false)
		case "show":
			shown = true
			c.showDistributed(true)
		case "export":
			if err := c.export(); err != nil {
				return err
			}
		default:
			return nil
		}
	}
}

// showDistributed lists the rim nodes redistributed to; with reveal,
// their passwords, once.
func (c *recreate) showDistributed(reveal bool) {
	w := c.w
	ds, err := c.r.Distributed()
	if err != nil {
		w.out.marked(markError, w.tr.Error(err))
		return
	}
	for _, d := range ds {
		name := w.t("wizard.recreate.next.password", map[string]string{"name": d.Node.Name})
		switch {
		case d.Err != nil:
			w.out.marked(markError, name+w.out.colon+w.tr.Error(d.Err))
		case reveal:
			w.out.field(name, d.Password)
		default:
			w.out.field(name, strings.Repeat("•", len([]rune(d.Password))))
		}
	}
}

// export asks the machines, the password (twice) and the format, then
// exports.
func (c *recreate) export() error {
	w, r := c.w, c.r
	w.out.blank()
	w.out.heading(w.t("wizard.recreate.export.title"))
	fields := r.Step().Fields
	if err := c.ask(fields[:2]); err != nil {
		return err
	}
	if err := c.ask(fields[2:]); err != nil {
		return err
	}
	format, err := w.p.choose(w.t("wizard.recreate.export.format"), []choice{
		{"windows", w.t("wizard.recreate.export.format.windows")}, {"pem", w.t("wizard.recreate.export.format.pem")},
	}, "windows")
	if err != nil {
		return err
	}
	r.SetExportPEM(format == "pem")
	if !r.AskExport() {
		w.out.marked(markError, w.t(r.ExportProblem()))
		return nil
	}
	w.out.para(w.t("wizard.recreate.export.exporting"))
	r.RunDueNow(nil)
	folder, machines, err := r.Exported()
	if err != nil {
		w.out.marked(markError, w.tr.Error(err))
		return nil
	}
	w.out.marked(markOK, w.t("wizard.recreate.export.done", map[string]string{"machines": strings.Join(machines, ", ")})+" "+folder)
	return nil
}

// certLine is one certificate of the site, on one line.
func (c *recreate) certLine(cert central.Certificate, account string) string {
	w := c.w
	where := cert.Location.String()
	if cert.Part == central.PartAccount && account != "" {
		where = account + " " + where
	}
	text := w.t("wizard.recreate.cert", map[string]string{"role": capitalise(w.t("role." + string(cert.Role))), "subject": cert.Subject,
		"location": where, "thumbprint": cert.Thumbprint})
	return strings.ReplaceAll(text, "\n", " — ")
}

func displayNames(names []string) string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = central.DisplayName(n)
	}
	return strings.Join(out, ", ")
}

// commandLine shows argv as typed, quoting what holds a space.
func commandLine(argv []string) string {
	out := make([]string, len(argv))
	for i, a := range argv {
		if strings.ContainsAny(a, " \t") {
			a = fmt.Sprintf("%q", a)
		}
		out[i] = a
	}
	return strings.Join(out, " ")
}
