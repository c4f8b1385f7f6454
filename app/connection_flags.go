package app

import (
	"flag"
	"strconv"
	"strings"
	"time"

	"qscert/assets/i18n"
	"qscert/certs/coded"
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
	// address is dialled instead of resolving host: the wizard's demo
	// gives it to a test run as a simulated account, whose simulated QRS
	// listens on loopback under a name no DNS knows. Hidden (no usage):
	// the server's certificate must still name host.
	address string
}

func (f *connectionFlags) register(c *commandFlags) {
	f.command = c.name
	c.set.StringVar(&f.host, "host", "", "flag.host."+c.name)
	c.set.IntVar(&f.port, "port", qrs.DefaultPort, "flag.port")
	c.set.StringVar(&f.dir, "dir", "", "flag.dir."+c.name)
	c.set.StringVar(&f.storeSpec, "store", "", "flag.store."+c.name)
	c.set.DurationVar(&f.timeout, "timeout", qrs.DefaultTimeout, "flag.timeout")
	c.set.BoolVar(&f.engine, "engine", false, "flag.engine")
	c.set.IntVar(&f.enginePort, "engine-port", qrs.DefaultEnginePort, "flag.engine-port")
	f.password.register(c, "")
	// Hidden (no description): the address to dial instead of resolving
	// --host, as curl's --resolve does. The certificate is still checked
	// against --host. The demo's child run as another account needs it to
	// reach the simulated QRS on loopback; it is no user's flag.
	c.set.StringVar(&f.address, "qrs-address", "", "")
}

// check validates the flags after parsing: a host, and one source of
// certificates. A host pasted as a URL ("https://qlik:4242/qmc") is
// accepted: its port is used unless --port was given.
func (f *connectionFlags) check(c *commandFlags) error {
	if err := f.normalize(c); err != nil {
		return err
	}
	if (f.dir == "") == (f.storeSpec == "") {
		return coded.New(CodeBadUsage, nil, "command", f.command, "detail", c.translator().T("cli.test.dir-or-store"))
	}
	return nil
}

// normalize checks what `test` and `report` have in common: a host (for
// report, only when given), ports and timeout in range.
func (f *connectionFlags) normalize(c *commandFlags) error {
	t := c.translator()
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
		return coded.New(CodeBadUsage, nil, "command", f.command, "detail", t.T("cli.test.needs-host"))
	}
	f.host = h.Name
	if h.Port != 0 && !f.portSet {
		f.port = h.Port
	}
	for _, p := range []struct {
		name string
		port int
	}{{"--port", f.port}, {"--engine-port", f.enginePort}} {
		if p.port <= 0 || p.port > 65535 {
			return coded.New(CodeBadFlagValue, nil, "command", f.command, "flag", p.name, "value", strconv.Itoa(p.port), "reason", "flag-port")
		}
	}
	if f.timeout <= 0 {
		return coded.New(CodeBadFlagValue, nil, "command", f.command, "flag", "--timeout", "value", f.timeout.String(), "reason", "flag-duration")
	}
	return nil
}

// identity loads the client certificate and root to test with, from the
// export folder when there is one, else from the store. The report, for an
// export, holds its validation findings; nil for a store. Call release
// when the test is done: a store's signer may need the store open.
func (f *connectionFlags) identity(env *Env, t *i18n.Translator) (id *qrs.Identity, report *validate.Report, release func(), err error) {
	release = func() {}
	if f.dir == "" {
		s, err := openStoreRecovered(env, t, f.storeSpec)
		if err != nil {
			return nil, nil, release, err
		}
		id, err := qrs.IdentityFromStore(s, env.Now())
		return id, nil, func() { id.Close(); _ = s.Close() }, err
	}
	exp, err := loadExport(env, t, f.dir, &f.password)
	if err != nil {
		return nil, nil, release, err
	}
	report = validate.Validate(exp, validate.Options{Now: env.Now(), Host: f.host})
	id, err = qrs.IdentityFromExport(exp)
	return id, report, release, err
}

func (f *connectionFlags) options(env *Env) qrs.Options {
	return qrs.Options{Host: f.host, Port: f.port, EnginePort: f.enginePort, Timeout: f.timeout, Now: env.Now, Address: f.address}
}
