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
	c.set.StringVar(&f.backupDir, "backup-dir", DefaultBackupDir(), "folder in which the backup of replaced certificates is made")
	c.set.BoolVar(&f.dryRun, "dry-run", false, "print the plan and change nothing")
	c.set.BoolVar(&f.yes, "yes", false, "apply without asking for confirmation")
}

// installOutput is the --json output of install and restore.
type installOutput struct {
	Report *output.Report  `json:"validation,omitempty"`
	Plan   *output.Plan    `json:"plan,omitempty"`
	Result *install.Result `json:"result,omitempty"`
	Error  *coded.Problem  `json:"error,omitempty"`
}

func runInstall(env *Env, args []string) int {
	c := newCommandFlags("install")
	var v validateFlags
	v.register(c)
	var f changeFlags
	f.register(c)
	f.backupPassword.register(c, "backup-")
	scope := c.set.String("scope", "user", "where the client certificate goes: user (CurrentUser\\My) or machine (LocalMachine\\My)")
	positional, err := c.parse(args)
	t := c.translator()
	if err != nil {
		return fail(env, t, err, ExitUsage)
	}
	if len(positional) != 1 {
		return fail(env, t, coded.New(CodeBadUsage, nil, "command", "install", "detail", t.T("cli.validate.needs-dir")), ExitUsage)
	}
	opts := install.InstallOptions{ClientScope: store.CurrentUser, BackupDir: f.backupDir, Now: env.Now(), OnLockWait: lockWaitNotice(env, t)}
	switch *scope {
	case "user":
	case "machine":
		opts.ClientScope = store.LocalMachine
	default:
		return fail(env, t, coded.New(CodeBadUsage, nil, "command", "install", "detail", "--scope "+*scope), ExitUsage)
	}
	out := &installOutput{}
	exp, report, err := v.load(env, positional[0])
	if err != nil {
		return fail(env, t, err, ExitUsage)
	}
	out.Report = output.ReportOf(t, report)
	if !c.json {
		output.WriteReport(env.Stdout, t, report)
	}
	if report.Blocking() {
		return finish(env, t, c.json, out, nil, ExitFindings)
	}
	// The backup is protected by the export's password unless another is
	// given; a short or empty one is refused by the plan when a backup is
	// needed.
	exportPassword, _, _ := v.password.read(env)
	backupPassword, given, err := f.backupPassword.read(env)
	if err != nil {
		return fail(env, t, err, ExitUsage)
	}
	if !given {
		backupPassword = exportPassword
	}
	opts.BackupPassword = backupPassword

	st, err := f.store.open(env, t)
	if err != nil {
		return finish(env, t, c.json, out, err, ExitUsage)
	}
	defer st.Close()
	plan, err := install.PlanInstall(exp, st, opts)
	if err != nil {
		return finish(env, t, c.json, out, err, ExitUsage)
	}
	return applyPlan(env, t, c.json, &f, st, plan, out)
}

// applyPlan shows a plan, asks for confirmation and applies it; install and
// restore share it.
func applyPlan(env *Env, t *i18n.Translator, asJSON bool, f *changeFlags, st store.Store, plan *install.Plan, out *installOutput) int {
	out.Plan = output.PlanOf(t, st.Name(), plan)
	if !asJSON {
		output.WritePlan(env.Stdout, t, st.Name(), plan)
	}
	if plan.Empty() || f.dryRun {
		return finish(env, t, asJSON, out, nil, ExitOK)
	}
	if err := confirm(env, t, f.yes, len(plan.Steps)); err != nil {
		return finish(env, t, asJSON, out, err, ExitUsage)
	}
	progress := func(done, total int, s install.Step) {
		if !asJSON {
			fmt.Fprintf(env.Stdout, "  [%d/%d] %s\n", done, total, output.StepSentence(t, s))
		}
	}
	res, err := plan.Apply(progress)
	out.Result = res
	if !asJSON {
		writeRecoveries(env.Stderr, t, res.Recovered)
	}
	if err != nil {
		code := ExitFindings
		if !res.RolledBack {
			code = ExitUsage // refused before any change
		}
		return finish(env, t, asJSON, out, err, code)
	}
	if !asJSON {
		fmt.Fprintln(env.Stdout, t.T("cli.install.done", map[string]string{"count": fmt.Sprint(len(res.Done))}))
		if res.BackupDir != "" {
			fmt.Fprintln(env.Stdout, t.T("cli.install.backup", map[string]string{"backup": res.BackupDir}))
		}
	}
	return finish(env, t, asJSON, out, nil, ExitOK)
}

// finish prints the JSON output, or the error for people, and returns code.
func finish(env *Env, t *i18n.Translator, asJSON bool, out *installOutput, err error, code int) int {
	if err != nil {
		out.Error = output.ProblemOf(t, err)
	}
	if asJSON {
		output.WriteJSON(env.Stdout, out)
		return code
	}
	if out.Error != nil {
		fmt.Fprintln(env.Stderr, out.Error.Message)
		if out.Error.Cause != nil {
			fmt.Fprintln(env.Stderr, out.Error.Cause.Message)
		}
	}
	return code
}
