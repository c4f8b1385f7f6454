package app

import (
	"fmt"

	"qscert/assets/i18n"
	"qscert/certs/coded"
	"qscert/certs/install"
	"qscert/certs/output"
	"qscert/certs/store"
)

// changeFlags are the flags of the commands that change a store.
type changeFlags struct {
	store          storeFlag
	backupDir      string
	dryRun         bool
	yes            bool
	backupPassword passwordFlags
}

func (f *changeFlags) register(c *commandFlags) {
	f.store.register(c)
	c.set.StringVar(&f.backupDir, "backup-dir", DefaultBackupDir(), "flag.backup-dir")
	c.set.BoolVar(&f.dryRun, "dry-run", false, "flag.dry-run")
	c.set.BoolVar(&f.yes, "yes", false, "flag.yes")
}

func runInstall(env *Env, args []string) int {
	c := newCommandFlags(env, "install")
	var v validateFlags
	v.register(c)
	var f changeFlags
	f.register(c)
	f.backupPassword.register(c, "backup-")
	scope := c.set.String("scope", "user", "flag.scope")
	var who accountFlags
	who.register(c, true)
	positional, err := c.parse(args)
	if err != nil {
		return c.fail(err, ExitUsage)
	}
	t := c.translator()
	if len(positional) != 1 {
		return c.fail(coded.New(CodeBadUsage, nil, "command", "install", "detail", t.T("cli.install.needs-dir")), ExitUsage)
	}
	if who.wanted() && flagGiven(c.set, "scope") {
		return c.fail(coded.New(CodeBadUsage, nil, "command", "install", "detail", t.T("cli.for.not-with-scope")), ExitUsage)
	}
	account, err := who.resolve(c)
	if err != nil {
		return c.fail(err, ExitUsage)
	}
	// Everything an install for another account or the machine writes is
	// the machine's, or done as another account: both need an elevated
	// qscert. A dry run only reads, and shows the plan anyway. (An
	// account that is the one running qscert is this user: no need.)
	forOther := account != nil || who.machine
	if forOther && !f.dryRun {
		if err := who.requireAdministrator("install", args); err != nil {
			return c.fail(err, ExitUsage)
		}
	}
	opts := install.InstallOptions{ClientScope: store.CurrentUser, BackupDir: f.backupDir, Now: env.Now(), OnLockWait: lockWaitNotice(env, t)}
	switch *scope {
	case "user":
	case "machine":
		opts.ClientScope = store.LocalMachine
	default:
		return c.fail(coded.New(CodeBadFlagValue, nil, "command", "install", "flag", "--scope", "value", *scope, "reason", "flag-scope"), ExitUsage)
	}
	out := &output.Install{Header: output.HeaderOf("install")}
	exp, report, err := v.load(env, t, "install", positional[0])
	if report == nil {
		return c.fail(err, ExitUsage)
	}
	out.Validation = output.ValidationOf(t, report)
	if !c.json {
		output.WriteReport(env.Stdout, t, out.Validation)
	}
	if err != nil {
		return c.finish(out, err, ExitUsage)
	}
	if report.Blocking() {
		return c.finish(out, nil, ExitFindings)
	}
	// The backup is protected by the export's password unless another is
	// given; a short or empty one is refused by the plan when a backup is
	// needed.
	exportPassword, _, _ := v.password.read(env, t)
	backupPassword, given, err := f.backupPassword.read(env, t)
	if err != nil {
		return c.finish(out, err, ExitUsage)
	}
	if !given {
		backupPassword = exportPassword
	}
	opts.BackupPassword = backupPassword

	st, release, err := f.store.openForInstall(env, t, f.dryRun)
	defer release()
	if err != nil {
		return c.finish(out, err, ExitUsage)
	}
	unlock, err := f.lockToApply(env, t, st)
	if err != nil {
		return c.finish(out, err, ExitUsage)
	}
	defer unlock()
	if err := who.installOptions(env, t, account, st, &opts, c.json); err != nil {
		return c.finish(out, err, ExitUsage)
	}
	plan, err := install.PlanInstall(exp, st, opts)
	if err != nil {
		return c.finish(out, err, ExitUsage)
	}
	if forOther && f.dryRun && !c.json {
		// Said once, in one sentence: what to run elevated to apply it.
		if err := who.requireAdministrator("install", withoutFlag(args, "dry-run")); err != nil {
			writeProblem(env.Stderr, output.ProblemOf(t, err))
		}
	}
	return c.applyPlan(&f, st, plan, out)
}

// lockToApply takes the store's writer lock before the plan is made when
// nobody will be asked to confirm it (--yes): a fleet script's install then
// waits for another qscert and plans from what that one left, rather than
// planning first and finding the store changed (plan-stale). A dry run, or
// a plan a person reads before saying yes, holds no lock meanwhile: Apply
// takes it and checks the plan is still fresh.
func (f *changeFlags) lockToApply(env *Env, t *i18n.Translator, st store.Store) (func(), error) {
	if !f.yes || f.dryRun {
		return func() {}, nil
	}
	return lockForChange(env, t, st)
}

// applyPlan shows a plan, asks for confirmation and applies it; install and
// restore share it.
func (c *commandFlags) applyPlan(f *changeFlags, st store.Store, plan *install.Plan, out *output.Install) int {
	t, env := c.translator(), c.env
	out.Plan = output.PlanOf(t, st.Name(), plan)
	if !c.json {
		output.WritePlan(env.Stdout, t, out.Plan)
	}
	if plan.Empty() || f.dryRun {
		return c.finish(out, nil, ExitOK)
	}
	if err := confirm(env, t, f.yes, len(plan.Steps)); err != nil {
		return c.finish(out, err, ExitUsage)
	}
	progress := func(done, total int, s install.Step) {
		if !c.json {
			fmt.Fprintf(env.Stdout, "  [%d/%d] %s\n", done, total, output.StepSentence(t, s))
		}
	}
	res, err := plan.Apply(progress)
	out.Result = output.ResultOf(t, res)
	if !c.json && out.Result != nil {
		output.WriteRecoveries(env.Stderr, out.Result.Recovered)
	}
	if err != nil {
		code := ExitFindings
		if res == nil || !res.RolledBack {
			code = ExitUsage // refused before any change
		}
		return c.finish(out, err, code)
	}
	if !c.json {
		fmt.Fprintln(env.Stdout, t.N("cli.install.done", len(res.Done)))
		if res.BackupDir != "" {
			fmt.Fprintln(env.Stdout, t.T("cli.install.backup", map[string]string{"backup": res.BackupDir}))
		}
		output.WriteAccountParts(env.Stdout, t, out.Result.Accounts)
	}
	return c.finish(out, nil, ExitOK)
}

// finish prints the JSON document, or the error for people, and returns
// code.
func (c *commandFlags) finish(out *output.Install, err error, code int) int {
	if err != nil {
		out.Error = output.ProblemOf(c.translator(), withElevationAdvice(err, c.name, c.args))
	}
	if c.json {
		c.writeJSON(out)
		return code
	}
	if out.Error != nil {
		writeProblem(c.env.Stderr, out.Error)
	}
	return code
}
