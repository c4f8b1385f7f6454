package app

import (
	"qscert/certs/coded"
	"qscert/certs/install"
	"qscert/certs/output"
)

// runRestore puts a backup back exactly: the backed-up certificates return
// to where they were, and the certificates of the same site installed since
// are backed up in turn and removed.
func runRestore(env *Env, args []string) int {
	c := newCommandFlags(env, "restore")
	var f changeFlags
	f.register(c)
	var password passwordFlags
	password.register(c, "")
	positional, err := c.parse(args)
	if err != nil {
		return c.fail(err, ExitUsage)
	}
	t := c.translator()
	if len(positional) != 1 {
		return c.fail(coded.New(CodeBadUsage, nil, "command", "restore", "detail", t.T("cli.restore.needs-dir")), ExitUsage)
	}
	pw, _, err := password.read(env, t)
	if err != nil {
		return c.fail(err, ExitUsage)
	}
	out := &output.Install{Header: output.HeaderOf("restore")}
	st, err := f.store.open(env, t)
	if err != nil {
		return c.finish(out, err, ExitUsage)
	}
	defer st.Close()
	unlock, err := f.lockToApply(env, t, st)
	if err != nil {
		return c.finish(out, err, ExitUsage)
	}
	defer unlock()
	plan, err := install.PlanRestore(positional[0], st, install.InstallOptions{BackupDir: f.backupDir, BackupPassword: pw, Now: env.Now(), OnLockWait: lockWaitNotice(env, t)})
	if err != nil {
		return c.finish(out, err, ExitUsage)
	}
	return c.applyPlan(&f, st, plan, out)
}
