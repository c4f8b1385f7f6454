package app

import (
	"bufio"
	"errors"
	"os"
	"strings"

	"qscert/certs/coded"
)

// passwordFlags read a password from a file, an environment variable or
// standard input, never from the command line, where any user of the
// machine can read it in the process list.
type passwordFlags struct {
	prefix    string // "" for the export password, "backup-" for the backup's
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
	c.set.StringVar(&p.file, prefix+"password-file", "", "read the "+prefix+"password from the first line of this file")
	c.set.StringVar(&p.envVar, prefix+"password-env", "", "read the "+prefix+"password from this environment variable")
	if prefix == "" {
		c.set.BoolVar(&p.stdin, "password-stdin", false, "read the password from the first line of standard input")
	}
	c.set.StringVar(&p.plainText, prefix+"password", "", "refused: a password on the command line shows in the process list")
}

// read returns the password and whether one was given at all.
func (p *passwordFlags) read(env *Env) (string, bool, error) {
	if !p.done {
		p.value, p.given, p.readErr = p.readOnce(env)
		p.done = true
	}
	return p.value, p.given, p.readErr
}

func (p *passwordFlags) readOnce(env *Env) (string, bool, error) {
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
		data, err := os.ReadFile(p.file)
		if err != nil {
			return "", false, coded.New(CodePasswordFile, err, "file", p.file)
		}
		return firstLine(string(data)), true, nil
	case p.envVar != "":
		v := env.Getenv(p.envVar)
		if v == "" {
			return "", false, coded.New(CodePasswordEnv, nil, "variable", p.envVar)
		}
		return v, true, nil
	case p.stdin:
		line, err := bufio.NewReader(env.Stdin).ReadString('\n')
		if err != nil && line == "" && !errors.Is(err, os.ErrClosed) {
			// An empty standard input is an empty password: the QMC's
			// password is optional.
			return "", true, nil
		}
		return firstLine(line), true, nil
	}
	return "", false, nil
}

// firstLine keeps the first line without its line ending, so that a file
// written by `echo` or Notepad gives the password typed.
func firstLine(s string) string {
	if i := strings.IndexAny(s, "\r\n"); i >= 0 {
		return s[:i]
	}
	return s
}
