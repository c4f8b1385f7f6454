package app

import (
	"bufio"
	"errors"
	"io"
	"os"

	"qscert/assets/i18n"
	"qscert/certs/coded"
	"qscert/certs/secretfile"
)

// passwordFlags read a password from a file, an environment variable or
// standard input, never from the command line, where any user of the
// machine can read it in the process list. On a terminal, standard input
// is read without echo, and a password that is needed but was not given
// is asked for (see loadExport).
type passwordFlags struct {
	prefix    string // "" for the export password, "backup-" for the backup's
	prompt    string // the translation key of --password-stdin's prompt; default cli.password.prompt
	file      string
	envVar    string
	stdin     bool
	plainText string // set when someone tries --password=...; refused

	// read memoises: standard input can be read only once.
	done    bool
	value   string
	given   bool
	readErr error
}

func (p *passwordFlags) register(c *commandFlags, prefix string) {
	p.prefix = prefix
	c.set.StringVar(&p.file, prefix+"password-file", "", "flag."+prefix+"password-file")
	c.set.StringVar(&p.envVar, prefix+"password-env", "", "flag."+prefix+"password-env")
	if prefix == "" {
		c.set.BoolVar(&p.stdin, "password-stdin", false, "flag.password-stdin")
		c.secretFlag("password-stdin") // --password-stdin=hunter2: the value is the password
	}
	// No description: the flag exists only to be refused, and help hides it.
	c.set.StringVar(&p.plainText, prefix+"password", "", "")
	c.secretFlag(prefix + "password")
}

// read returns the password and whether one was given at all.
func (p *passwordFlags) read(env *Env, t *i18n.Translator) (string, bool, error) {
	if !p.done {
		p.value, p.given, p.readErr = p.readOnce(env, t)
		p.done = true
	}
	return p.value, p.given, p.readErr
}

// typed records a password asked for at the terminal, so that a second
// read (the support report opens the export twice) does not ask again.
func (p *passwordFlags) typed(password string) {
	p.done, p.value, p.given, p.readErr = true, password, true, nil
}

func (p *passwordFlags) readOnce(env *Env, t *i18n.Translator) (string, bool, error) {
	if p.plainText != "" {
		return "", false, coded.New(CodePasswordOnCommandLine, nil, "flag", "--"+p.prefix+"password")
	}
	given := 0
	for _, set := range []bool{p.file != "", p.envVar != "", p.stdin} {
		if set {
			given++
		}
	}
	if given > 1 {
		return "", false, coded.New(CodePasswordSources, nil)
	}
	switch {
	case p.file != "":
		// Bounded, never blocking on a FIFO, and decoded the ways Notepad
		// (a UTF-8 BOM) and PowerShell 5.1's > (UTF-16LE with a BOM) write.
		pw, err := secretfile.ReadPassword(p.file)
		if coded.CodeOf(err) == secretfile.CodeEncoding {
			return "", false, err
		}
		if err != nil {
			return "", false, coded.New(CodePasswordFile, err, "file", p.file)
		}
		return pw, true, nil
	case p.envVar != "":
		v := env.Getenv(p.envVar)
		if v == "" {
			return "", false, coded.New(CodePasswordEnv, nil, "variable", p.envVar)
		}
		return v, true, nil
	case p.stdin && env.ReadSecret != nil:
		// A person types it: it must not show on the screen, which may be
		// shared with a support engineer.
		prompt := p.prompt
		if prompt == "" {
			prompt = "cli.password.prompt"
		}
		pw, err := env.ReadSecret(t.T(prompt))
		if err != nil && !errors.Is(err, io.EOF) {
			return "", false, coded.New(CodePasswordUnreadable, err)
		}
		return pw, true, nil
	case p.stdin:
		line, err := bufio.NewReader(env.Stdin).ReadString('\n')
		if err != nil && line == "" && !errors.Is(err, os.ErrClosed) {
			// An empty standard input is an empty password: the QMC's
			// password is optional.
			return "", true, nil
		}
		pw, err := secretfile.Password([]byte(line))
		if err != nil {
			return "", false, err
		}
		return pw, true, nil
	}
	return "", false, nil
}
