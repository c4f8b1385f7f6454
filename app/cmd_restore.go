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
	// The same flags as the export's, but what they read is the backup's
	// password: say so in the help.
	for _, name := range []string{"password-file", "password-env", "password-stdin"} {
		c.set.Lookup(name).Usage = "flag.restore." + name
	}
	password.prompt = "cli.restore.password.prompt"
	positional, err := c.parse(args)
	if err != nil {
		return c.fail(err, ExitUsage)
	}
	t := c.translator()
	if len(positional) != 1 {
		return c.fail(coded.New(CodeBadUsage, nil, "command", "restore", "detail", t.T("cli.restore.needs-dir")), ExitUsage)
	}
	pw, given, err := password.read(env, t)
	if err != nil {
		return c.fail(err, ExitUsage)
	}
	if !given && env.ReadSecret != nil {
		// Every backup has a password: at a terminal, ask for it rather
		// than fail with backup-wrong-password.
		if pw, err = env.ReadSecret(t.T(password.prompt)); err != nil {
			return c.fail(coded.New(CodePasswordUnreadable, err), ExitUsage)
		}
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
