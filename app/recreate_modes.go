package app

import (
	"bufio"
	"fmt"
	"strings"

	"qscert/certs/central"
	"qscert/certs/coded"
)

// run is the procedure: its plan (all a dry run does), the backup
// password, the confirmation, the seven steps, then step 7's offers.
func (r *recreateRun) run() int {
	env, t := r.c.env, r.c.translator()
	if st, err := central.Unfinished(r.node); err != nil {
		return r.finish(err, ExitUsage)
	} else if st != nil {
		r.doc.Mode, r.doc.Status = "status", st
		if !r.c.json {
			writeRecreateStatus(env.Stdout, t, st)
		}
		return r.finish(coded.New(central.CodeUnfinished, nil, "journal", st.Journal, "folder", st.Folder), ExitFindings)
	}
	if r.f.dryRun {
		r.doc.Mode = "plan"
	}
	accountPassword, err := r.accountPassword("")
	if err != nil {
		return r.finish(err, ExitUsage)
	}
	rc, err := central.Prepare(r.ctx, r.node, r.options("", accountPassword))
	if err != nil {
		return r.finish(err, ExitUsage)
	}
	if name := needsAccountPassword(rc.Plan); name != "" && len(accountPassword) == 0 && env.ReadSecret != nil {
		// Asked once the plan says the account is an ordinary user: the
		// account's own QlikClient is part of what the plan shows.
		if accountPassword, err = r.accountPassword(name); err != nil {
			return r.finish(err, ExitUsage)
		}
		if rc, err = central.Prepare(r.ctx, r.node, r.options("", accountPassword)); err != nil {
			return r.finish(err, ExitUsage)
		}
	}
	defer rc.Close()
	r.doc.setPlan(t, rc.Plan, r.f.stuckAfter)
	if !r.c.json {
		writeRecreatePlan(env.Stdout, t, rc.Plan, r.f)
	}
	if err := rc.Plan.Blocking(); err != nil {
		return r.finish(err, ExitFindings)
	}
	if r.f.dryRun {
		return r.finish(nil, ExitOK)
	}
	backupPassword, err := r.backupPassword(true)
	if err != nil {
		return r.finish(err, ExitUsage)
	}
	rc.SetBackupPassword(backupPassword)
	if err := r.confirm("recreate.confirm", map[string]string{"host": rc.Plan.Site.FQDN}); err != nil {
		return r.finish(err, ExitUsage)
	}
	res, err := rc.Run()
	return r.ended(rc, res, err)
}

// resume goes on with the procedure that was stopped.
func (r *recreateRun) resume() int {
	r.doc.Mode = "resume"
	st, err := central.Unfinished(r.node)
	if err != nil {
		return r.finish(err, ExitUsage)
	}
	if st == nil {
		return r.finish(coded.New(central.CodeNothingToResume, nil), ExitUsage)
	}
	opts, err := r.goOnFrom(st, "recreate.confirm-resume", st.Params())
	if err != nil {
		return r.finish(err, ExitUsage)
	}
	rc, res, err := central.Resume(r.ctx, r.node, opts)
	if rc != nil {
		defer rc.Close()
	}
	return r.ended(rc, res, err)
}

// restore puts the old certificates back from a procedure's folder (the
// unfinished one's when none is given).
func (r *recreateRun) restore(folder string) int {
	env, t := r.c.env, r.c.translator()
	r.doc.Mode = "restore"
	if folder == "" {
		st, err := central.Unfinished(r.node)
		if err != nil {
			return r.finish(err, ExitUsage)
		}
		if st == nil {
			return r.finish(coded.New(CodeBadUsage, nil, "command", "recreate", "detail", t.T("recreate.usage.restore-folder")), ExitUsage)
		}
		folder = st.Folder
	}
	st, err := central.StatusOf(folder)
	if err != nil {
		return r.finish(err, ExitUsage)
	}
	opts, err := r.goOnFrom(st, "recreate.confirm-restore", map[string]string{"folder": folder})
	if err != nil {
		return r.finish(err, ExitUsage)
	}
	res, err := central.Restore(r.ctx, r.node, folder, opts)
	r.doc.setRestore(t, res)
	if !r.c.json && res != nil {
		writeRestored(env.Stdout, t, res)
	}
	if err != nil {
		return r.finish(err, ExitFindings)
	}
	return r.finish(nil, ExitOK)
}

// goOnFrom is what resuming and restoring a stopped procedure both do
// before acting: say where it stands, ask the backup's password and the
// service account's (when the procedure needs it), then confirm with the
// sentence under confirmKey.
func (r *recreateRun) goOnFrom(st *central.Status, confirmKey string, params map[string]string) (central.Options, error) {
	r.doc.Status = st
	if !r.c.json {
		writeRecreateStatus(r.c.env.Stdout, r.c.translator(), st)
	}
	backupPassword, err := r.backupPassword(false)
	if err != nil {
		return central.Options{}, err
	}
	accountPassword, err := r.accountPasswordFor(st)
	if err != nil {
		return central.Options{}, err
	}
	if err := r.confirm(confirmKey, params); err != nil {
		return central.Options{}, err
	}
	return r.options(backupPassword, accountPassword), nil
}

// ended reports a run or a resumption, then makes step 7's offers.
func (r *recreateRun) ended(rc *central.Recreate, res *central.Result, err error) int {
	env, t := r.c.env, r.c.translator()
	r.doc.setResult(t, res)
	if err != nil {
		if res == nil {
			return r.finish(err, ExitUsage) // refused before any change
		}
		return r.finish(err, ExitFindings)
	}
	if !r.c.json {
		writeRecreateResult(env.Stdout, t, res)
	}
	if err := r.offers(rc, res); err != nil {
		return r.finish(err, ExitFindings)
	}
	return r.finish(nil, ExitOK)
}

// offers are step 7's: redistribute the certificates to the rim nodes,
// export them for the third-party machines; on flags, or asked at a
// terminal.
func (r *recreateRun) offers(rc *central.Recreate, res *central.Result) error {
	env, t := r.c.env, r.c.translator()
	nx := res.Next
	if nx == nil || nx.Err != nil {
		return nil
	}
	ask := env.StdinIsTerminal && !r.f.yes && !r.c.json && r.f.exportFor == "" && !r.f.redistribute
	if len(nx.RimNodes) > 0 && (r.f.redistribute || ask && r.askYesNo(t.N("recreate.ask-redistribute", len(nx.RimNodes)))) {
		ds, err := rc.Redistribute(r.ctx, res.Folder, nx.RimNodes)
		if err != nil {
			return err
		}
		r.doc.setDistributed(t, ds)
		if !r.c.json {
			writeDistributed(env.Stdout, t, ds)
		}
	}
	machines := r.exportMachines(nx.Machines)
	if len(machines) == 0 && ask && len(nx.Machines) > 0 && r.askYesNo(t.N("recreate.ask-export", len(nx.Machines), map[string]string{"machines": strings.Join(nx.Machines, ", ")})) {
		machines = nx.Machines
	}
	if len(machines) == 0 {
		return nil
	}
	password, err := r.exportPassword()
	if err != nil {
		return err
	}
	folder, err := rc.Export(r.ctx, res.Folder, central.ExportRequest{Machines: machines, Password: password, IncludeKey: true, PEM: r.f.exportFormat == "pem"})
	r.doc.Exported = &recreateExport{Folder: folder, Machines: machines}
	if err != nil {
		return err
	}
	if !r.c.json {
		writeLine(env.Stdout, t.N("recreate.exported", len(machines), map[string]string{"folder": folder, "machines": strings.Join(machines, ", ")}))
	}
	return nil
}

// confirm asks the administrator to type yes (or oui). Without a
// terminal --yes is required.
func (r *recreateRun) confirm(key string, params map[string]string) error {
	env, t := r.c.env, r.c.translator()
	if r.f.yes {
		return nil
	}
	if !env.StdinIsTerminal {
		return coded.New(CodeConfirmationNeeded, nil)
	}
	fmt.Fprint(env.Stderr, t.T(key, params)+" ")
	line := r.readLine()
	switch strings.ToLower(strings.TrimSpace(line)) {
	case "yes", "oui":
		return nil
	}
	return coded.New(CodeNotConfirmed, nil)
}

// askYesNo asks a question whose default is no.
func (r *recreateRun) askYesNo(question string) bool {
	fmt.Fprint(r.c.env.Stderr, question+" ")
	line := r.readLine()
	switch strings.ToLower(strings.TrimSpace(line)) {
	case "y", "yes", "o", "oui":
		return true
	}
	return false
}

// readLine reads one answer. One reader for the whole command: a reader
// reads ahead, and a second one would miss the answers the first took.
func (r *recreateRun) readLine() string {
	if r.stdin == nil {
		r.stdin = bufio.NewReader(r.c.env.Stdin)
	}
	line, _ := r.stdin.ReadString('\n')
	return line
}

// needsAccountPassword is the account a plan needs the password of, or "".
func needsAccountPassword(p *central.Plan) string {
	for _, f := range p.Findings {
		if f.Code == central.CodeAccountPassword {
			return p.Account.Name
		}
	}
	return ""
}
