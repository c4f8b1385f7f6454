package app

import (
	"time"

	"qscert/certs/coded"
	"qscert/certs/export"
	"qscert/certs/output"
	"qscert/certs/validate"
)

// validateFlags are the flags that say what an export is checked against;
// install and report take them too.
type validateFlags struct {
	host     string
	machine  string
	at       string
	password passwordFlags
}

func (v *validateFlags) register(c *commandFlags) {
	c.set.StringVar(&v.host, "host", "", "the Qlik Sense server you will connect to (checks the export comes from its site)")
	c.set.StringVar(&v.machine, "machine", "", "the machine name typed in the QMC export (default: this computer's names)")
	c.set.StringVar(&v.at, "at", "", "check validity at this RFC 3339 time instead of now")
	v.password.register(c, "")
}

// load reads the export in dir and validates it.
func (v *validateFlags) load(env *Env, dir string) (*export.Export, *validate.Report, error) {
	password, _, err := v.password.read(env)
	if err != nil {
		return nil, nil, err
	}
	opts := validate.Options{Now: env.Now(), Host: v.host}
	if v.at != "" {
		at, err := time.Parse(time.RFC3339, v.at)
		if err != nil {
			return nil, nil, coded.New(CodeBadUsage, err, "command", "validate", "detail", "--at "+v.at)
		}
		opts.Now = at
	}
	exp, err := export.LoadExport(dir, password)
	if err != nil {
		return nil, nil, err
	}
	if v.machine != "" {
		opts.Machines = []string{v.machine}
	} else if exp.Server != nil {
		// Finding this computer's FQDN may take a DNS round trip; only the
		// server certificate's check needs it.
		opts.Machines = env.Machine().Names()
	}
	return exp, validate.Validate(exp, opts), nil
}

func runValidate(env *Env, args []string) int {
	c := newCommandFlags("validate")
	var v validateFlags
	v.register(c)
	positional, err := c.parse(args)
	t := c.translator()
	if err != nil {
		return fail(env, t, err, ExitUsage)
	}
	if len(positional) != 1 {
		return fail(env, t, coded.New(CodeBadUsage, nil, "command", "validate", "detail", t.T("cli.validate.needs-dir")), ExitUsage)
	}
	_, report, err := v.load(env, positional[0])
	if err != nil {
		return fail(env, t, err, ExitUsage)
	}
	if c.json {
		output.WriteJSON(env.Stdout, output.ReportOf(t, report))
	} else {
		output.WriteReport(env.Stdout, t, report)
	}
	if report.Blocking() {
		return ExitFindings
	}
	return ExitOK
}
