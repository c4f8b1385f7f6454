package app

import (
	"time"

	"qscert/assets/i18n"
	"qscert/certs/coded"
	"qscert/certs/export"
	"qscert/certs/output"
	"qscert/certs/validate"
)

// validateFlags are the flags that say what an export is checked against;
// install takes them too.
type validateFlags struct {
	host     string
	machine  string
	at       string
	password passwordFlags
}

func (v *validateFlags) register(c *commandFlags) {
	c.set.StringVar(&v.host, "host", "", "flag.host.validate")
	c.set.StringVar(&v.machine, "machine", "", "flag.machine")
	c.set.StringVar(&v.at, "at", "", "flag.at")
	v.password.register(c, "")
}

// load reads the export in dir and validates it. The error is for an
// export that could not be read, or not with the password given; the
// report is there in the second case.
func (v *validateFlags) load(env *Env, t *i18n.Translator, command, dir string) (*export.Export, *validate.Report, error) {
	opts := validate.Options{Now: env.Now(), Host: v.host}
	if v.at != "" {
		at, err := time.Parse(time.RFC3339, v.at)
		if err != nil {
			return nil, nil, coded.New(CodeBadFlagValue, nil, "command", command, "flag", "--at", "value", v.at, "reason", "flag-time")
		}
		opts.Now = at
	}
	exp, err := loadExport(env, t, dir, &v.password)
	if exp == nil {
		return nil, nil, err
	}
	if v.machine != "" {
		opts.Machines = []string{v.machine}
	} else if exp.Server != nil {
		// Finding this computer's FQDN may take a DNS round trip; only the
		// server certificate's check needs it.
		opts.Machines = env.Machine().Names()
	}
	return exp, validate.Validate(exp, opts), err
}

func runValidate(env *Env, args []string) int {
	c := newCommandFlags(env, "validate")
	var v validateFlags
	v.register(c)
	positional, err := c.parse(args)
	if err != nil {
		return c.fail(err, ExitUsage)
	}
	t := c.translator()
	if len(positional) != 1 {
		return c.fail(coded.New(CodeBadUsage, nil, "command", "validate", "detail", t.T("cli.validate.needs-dir")), ExitUsage)
	}
	_, report, err := v.load(env, t, "validate", positional[0])
	if report == nil {
		return c.fail(err, ExitUsage)
	}
	doc := output.Validate{Header: output.HeaderOf("validate"), Validation: output.ValidationOf(t, report)}
	code := ExitOK
	if !doc.Installable {
		code = ExitFindings
	}
	if err != nil {
		// Checked without the password it needs: not a verdict on the
		// export, the command could not do its job.
		doc.Error, code = output.ProblemOf(t, err), ExitUsage
	}
	if c.json {
		c.writeJSON(doc)
	} else {
		// The report's own line says what the password problem is.
		output.WriteReport(env.Stdout, t, doc.Validation)
	}
	return code
}
