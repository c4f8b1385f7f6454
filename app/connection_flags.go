package app

import (
	"flag"
	"strings"
	"time"

	"qscert/assets/i18n"
	"qscert/certs/coded"
	"qscert/certs/export"
	"qscert/certs/qlik"
	"qscert/certs/qrs"
	"qscert/certs/validate"
)

// connectionFlags say which server to test and with which certificates;
// `qscert test` and `qscert report` take them.
type connectionFlags struct {
	command    string
	host       string
	port       int
	dir        string
	storeSpec  string
	timeout    time.Duration
	engine     bool
	enginePort int
	password   passwordFlags
	portSet    bool
	t          *i18n.Translator // the command's language, once parsed
}

// readPassword reads the export's password; passwordFlags reads it once,
// since --password-stdin cannot be read twice and `qscert report` opens
// the export twice.
func (f *connectionFlags) readPassword(env *Env) (string, error) {
	pw, _, err := f.password.read(env)
	return pw, err
}

func (f *connectionFlags) register(c *commandFlags) {
	f.command = c.name
	c.set.StringVar(&f.host, "host", "", "the Qlik Sense server, by the name its certificate carries")
	c.set.IntVar(&f.port, "port", qrs.DefaultPort, "the QRS port")
	c.set.StringVar(&f.dir, "dir", "", "the export folder whose client certificate and root are used")
	c.set.StringVar(&f.storeSpec, "store", "", "use the installed certificates instead: windows or folder:PATH")
	c.set.DurationVar(&f.timeout, "timeout", qrs.DefaultTimeout, "how long the test may take")
	c.set.BoolVar(&f.engine, "engine", false, "also check the Engine (https://HOST:4747/engine/healthcheck)")
	c.set.IntVar(&f.enginePort, "engine-port", qrs.DefaultEnginePort, "the Engine port")
	f.password.register(c, "")
}

// check validates the flags after parsing: a host, and one source of
// certificates. A host pasted as a URL ("https://qlik:4242/qmc") is
// accepted: its port is used unless --port was given.
func (f *connectionFlags) check(c *commandFlags) error {
	if err := f.normalize(c); err != nil {
		return err
	}
	if (f.dir == "") == (f.storeSpec == "") {
		return coded.New(CodeBadUsage, nil, "command", f.command, "detail", f.t.T("cli.test.dir-or-store"))
	}
	return nil
}

// normalize checks what `test` and `report` have in common: a host (for
// report, only when given), ports and timeout in range.
func (f *connectionFlags) normalize(c *commandFlags) error {
	f.t = c.translator()
	if f.password.plainText != "" {
		// Refused even when no export is opened: it is already in the
		// process list, and the user must learn the right way.
		return coded.New(CodePasswordOnCommandLine, nil, "flag", "--password")
	}
	c.set.Visit(func(fl *flag.Flag) {
		if fl.Name == "port" {
			f.portSet = true
		}
	})
	h, ok := qlik.ParseHost(f.host)
	if !ok {
		// Not a host name: the test refuses it itself (dns-failed, "not a
		// host name") rather than dial anything.
		h = qlik.Host{Name: strings.TrimSpace(f.host)}
	}
	if h.Name == "" && (f.command == "test" || f.host != "") {
		return coded.New(CodeBadUsage, nil, "command", f.command, "detail", f.t.T("cli.test.needs-host"))
	}
	f.host = h.Name
	if h.Port != 0 && !f.portSet {
		f.port = h.Port
	}
	if f.port <= 0 || f.port > 65535 || f.enginePort <= 0 || f.enginePort > 65535 || f.timeout <= 0 {
		return coded.New(CodeBadUsage, nil, "command", f.command, "detail", "--port, --engine-port, --timeout")
	}
	return nil
}

// identity loads the client certificate and root to test with, from the
// export folder when there is one, else from the store. The report, for an export, holds its
// validation findings; nil for a store. Call release when the test is done:
// a store's signer may need the store open.
func (f *connectionFlags) identity(env *Env) (id *qrs.Identity, report *validate.Report, release func(), err error) {
	release = func() {}
	if f.dir == "" {
		if f.storeSpec == "" {
			return nil, nil, release, coded.New(CodeBadUsage, nil, "command", f.command, "detail", f.translator().T("cli.test.dir-or-store"))
		}
		s, err := openStoreRecovered(env, f.translator(), f.storeSpec)
		if err != nil {
			return nil, nil, release, err
		}
		id, err := qrs.IdentityFromStore(s, env.Now())
		return id, nil, func() { id.Close(); _ = s.Close() }, err
	}
	password, err := f.readPassword(env)
	if err != nil {
		return nil, nil, release, err
	}
	exp, err := export.LoadExport(f.dir, password)
	if err != nil {
		return nil, nil, release, err
	}
	report = validate.Validate(exp, validate.Options{Now: env.Now(), Host: f.host})
	id, err = qrs.IdentityFromExport(exp)
	return id, report, release, err
}

func (f *connectionFlags) translator() *i18n.Translator {
	if f.t == nil {
		return i18n.New("")
	}
	return f.t
}

func (f *connectionFlags) options(env *Env) qrs.Options {
	return qrs.Options{Host: f.host, Port: f.port, EnginePort: f.enginePort, Timeout: f.timeout, Now: env.Now}
}
