package app

import (
	"bufio"
	"context"
	"os"
	"os/signal"
	"strings"
	"time"

	"qscert/certs/central"
	"qscert/certs/central/centraltest"
	"qscert/certs/coded"
	"qscert/certs/durable"
	"qscert/certs/output"
)

// recreateFlags are `qscert recreate`'s flags.
type recreateFlags struct {
	dryRun, yes, resume, restore bool
	backupDir                    string
	simulate, simulateBootstrap  string
	stuckAfter, bootstrapTimeout time.Duration
	serviceTimeout               time.Duration
	redistribute                 bool
	exportFor                    string
	exportFormat                 string
	backupPassword               passwordFlags
	accountPassword              passwordFlags
	exportPassword               passwordFlags
}

func (f *recreateFlags) register(c *commandFlags) {
	s := c.set
	s.BoolVar(&f.dryRun, "dry-run", false, "recreate.flag.dry-run")
	s.BoolVar(&f.yes, "yes", false, "recreate.flag.yes")
	s.BoolVar(&f.resume, "resume", false, "recreate.flag.resume")
	s.BoolVar(&f.restore, "restore", false, "recreate.flag.restore")
	s.StringVar(&f.backupDir, "backup-dir", DefaultBackupDir(), "recreate.flag.backup-dir")
	s.StringVar(&f.simulate, "simulate", "", "recreate.flag.simulate")
	s.StringVar(&f.simulateBootstrap, "simulate-bootstrap", "", "recreate.flag.simulate-bootstrap")
	s.DurationVar(&f.stuckAfter, "stuck-after", 60*time.Second, "recreate.flag.stuck-after")
	s.DurationVar(&f.bootstrapTimeout, "bootstrap-timeout", 20*time.Minute, "recreate.flag.bootstrap-timeout")
	s.DurationVar(&f.serviceTimeout, "service-timeout", 3*time.Minute, "recreate.flag.service-timeout")
	s.BoolVar(&f.redistribute, "redistribute", false, "recreate.flag.redistribute")
	s.StringVar(&f.exportFor, "export-for", "", "recreate.flag.export-for")
	s.StringVar(&f.exportFormat, "export-format", "windows", "recreate.flag.export-format")
	for prefix, p := range map[string]*passwordFlags{"backup-": &f.backupPassword, "account-": &f.accountPassword, "export-": &f.exportPassword} {
		p.register(c, prefix)
		for _, suffix := range []string{"password-file", "password-env"} {
			s.Lookup(prefix + suffix).Usage = "recreate.flag." + prefix + suffix
		}
	}
}

// runRecreate is `qscert recreate`: the seven steps of flow B on the
// central node, or its dry run, its resumption or its restore.
func runRecreate(env *Env, args []string) int {
	if code, ok := runHidden(args); ok {
		return code
	}
	c := newCommandFlags(env, "recreate")
	var f recreateFlags
	f.register(c)
	positional, err := c.parse(args)
	if err != nil {
		return c.fail(err, ExitUsage)
	}
	t := c.translator()
	switch {
	case len(positional) > 1 || (len(positional) == 1 && !f.restore):
		return c.fail(coded.New(CodeBadUsage, nil, "command", "recreate", "detail", t.T("recreate.usage.positional")), ExitUsage)
	case f.resume && f.restore, (f.resume || f.restore) && f.dryRun:
		return c.fail(coded.New(CodeBadUsage, nil, "command", "recreate", "detail", t.T("recreate.usage.one-mode")), ExitUsage)
	case f.exportFormat != "windows" && f.exportFormat != "pem":
		return c.fail(coded.New(CodeBadFlagValue, nil, "command", "recreate", "flag", "--export-format", "value", f.exportFormat, "reason", "recreate-export-format"), ExitUsage)
	}
	// The procedure's children (the sub-command as the service account,
	// a simulated Repository.exe) are processes of their own: a crash
	// test's kill counter is this process's alone.
	_ = os.Unsetenv(durable.KillAtWriteEnv)
	_ = os.Unsetenv(durable.WriteTraceEnv)

	r := &recreateRun{c: c, f: &f, doc: &recreateDoc{Header: output.HeaderOf("recreate"), Mode: "run"}}
	node, err := r.openNode()
	if err != nil {
		return r.finish(err, ExitUsage)
	}
	defer func() {
		if node.Close != nil {
			_ = node.Close()
		}
	}()
	r.node = node
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	r.ctx = ctx
	switch {
	case f.restore:
		folder := ""
		if len(positional) == 1 {
			folder = positional[0]
		}
		return r.restore(folder)
	case f.resume:
		return r.resume()
	}
	return r.run()
}

// recreateRun is one `qscert recreate`.
type recreateRun struct {
	c     *commandFlags
	f     *recreateFlags
	doc   *recreateDoc
	node  *central.Node
	ctx   context.Context
	stdin *bufio.Reader // the answers typed at the terminal
}

// openNode is the node to work on: this Windows machine, or the
// simulated node of --simulate (made on first use).
func (r *recreateRun) openNode() (*central.Node, error) {
	child, err := selfCommand(hiddenChild)
	if err != nil {
		return nil, err
	}
	dir := r.f.simulate
	if dir == "" {
		return central.OpenWindows(child)
	}
	r.doc.Simulated = dir
	if !centraltest.Exists(dir) {
		if err := centraltest.Create(dir, centraltest.CreateOptions{Now: r.c.env.Now()}); err != nil {
			return nil, coded.New(CodeBadFlagValue, err, "command", "recreate", "flag", "--simulate", "value", dir, "reason", "recreate-simulate")
		}
		r.say("recreate.simulated-made", map[string]string{"folder": dir})
	}
	if mode := r.f.simulateBootstrap; mode != "" {
		known := false
		for _, m := range centraltest.BootstrapModes {
			known = known || string(m) == mode
		}
		if !known {
			return nil, coded.New(CodeBadFlagValue, nil, "command", "recreate", "flag", "--simulate-bootstrap", "value", mode, "reason", "recreate-simulate-bootstrap")
		}
		b := centraltest.ReadBehaviour(dir)
		b.Bootstrap = centraltest.BootstrapMode(mode)
		if err := centraltest.SetBehaviour(dir, b); err != nil {
			return nil, err
		}
	}
	repo, err := selfCommand(hiddenRepository)
	if err != nil {
		return nil, err
	}
	return centraltest.Open(dir, centraltest.OpenOptions{Child: child, Repository: repo})
}

// options are the procedure's options from the flags.
func (r *recreateRun) options(backupPassword string, accountPassword []byte) central.Options {
	return central.Options{BackupDir: r.f.backupDir, BackupPassword: backupPassword, AccountPassword: accountPassword,
		StuckAfter: r.f.stuckAfter, BootstrapTimeout: r.f.bootstrapTimeout, ServiceTimeout: r.f.serviceTimeout,
		Now: r.c.env.Now, Translator: r.c.translator(), OnEvent: r.progress}
}

// say prints a sentence for people on standard error (standard output is
// the result).
func (r *recreateRun) say(key string, params map[string]string) {
	if !r.c.json {
		writeLine(r.c.env.Stderr, r.c.translator().T(key, params))
	}
}

// finish prints the document (JSON) or the error (text) and returns code.
func (r *recreateRun) finish(err error, code int) int {
	if err != nil {
		r.doc.Error = output.ProblemOf(r.c.translator(), err)
	}
	if r.c.json {
		r.c.writeJSON(r.doc)
		return code
	}
	if r.doc.Error != nil {
		writeProblem(r.c.env.Stderr, r.doc.Error)
	}
	return code
}

// exportMachines are the machines of --export-for, "old" standing for the
// machines the old Exported Certificates named.
func (r *recreateRun) exportMachines(old []string) []string {
	var out []string
	for _, m := range strings.Split(r.f.exportFor, ",") {
		m = strings.TrimSpace(m)
		switch {
		case m == "":
		case m == "old":
			out = append(out, old...)
		default:
			out = append(out, m)
		}
	}
	return out
}
