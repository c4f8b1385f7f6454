package app

import (
	"qscert/certs/coded"
	"qscert/certs/install"
)

// runRestore puts a backup back exactly: the backed-up certificates return
// to where they were, and the certificates of the same site installed since
// are backed up in turn and removed.
func runRestore(env *Env, args []string) int {
	c := newCommandFlags("restore")
	var f changeFlags
	f.register(c)
	var password passwordFlags
	password.register(c, "")
	positional, err := c.parse(args)
	t := c.translator()
	if err != nil {
		return fail(env, t, err, ExitUsage)
	}
	if len(positional) != 1 {
		return fail(env, t, coded.New(CodeBadUsage, nil, "command", "restore", "detail", t.T("cli.restore.needs-dir")), ExitUsage)
	}
	pw, _, err := password.read(env)
	if err != nil {
		return fail(env, t, err, ExitUsage)
	}
	out := &installOutput{}
	st, err := f.store.open(env, t)
	if err != nil {
		return finish(env, t, c.json, out, err, ExitUsage)
	}
	defer st.Close()
	plan, err := install.PlanRestore(positional[0], st, install.InstallOptions{BackupDir: f.backupDir, BackupPassword: pw, Now: env.Now(), OnLockWait: lockWaitNotice(env, t)})
	if err != nil {
		return finish(env, t, c.json, out, err, ExitUsage)
	}
	return applyPlan(env, t, c.json, &f, st, plan, out)
}
