package app

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"qscert/assets/i18n"
)

// commandFlags are the flags every command has, its flag set, and what the
// command answers in: the language of --lang and, with --json, JSON on
// standard output even when it fails.
type commandFlags struct {
	env  *Env
	name string
	set  *flag.FlagSet
	lang string
	json bool
	t    *i18n.Translator
	// secret flags never have their value shown, even in an error.
	secret map[string]bool
	// badValue is the flag whose value Set refused during the last parse.
	badValue *flagValueError
	// args are the command's arguments as given, for the advice to run
	// the same command elevated.
	args []string
}

func newCommandFlags(env *Env, name string) *commandFlags {
	c := &commandFlags{env: env, name: name, set: flag.NewFlagSet(name, flag.ContinueOnError), secret: map[string]bool{}}
	c.set.SetOutput(io.Discard) // errors are reported translated, by us
	c.set.StringVar(&c.lang, "lang", "", "flag.lang")
	c.set.BoolVar(&c.json, "json", false, "flag.json")
	return c
}

// errHelp is what parse returns for -h, -help and --help: fail prints the
// command's help and exits 0.
var errHelp = errors.New("help requested")

// parse parses flags wherever they stand among the positional arguments
// ("validate DIR --host H" as well as "validate --host H DIR"), which Go's
// flag package alone does not. The usage descriptions of the flags are
// translation keys; a parse error is a coded error that names the flag,
// and never shows the value of a password flag.
func (c *commandFlags) parse(args []string) ([]string, error) {
	c.args = args
	// The language and --json apply to the errors of the parse itself.
	c.lang, c.json = scanOutputFlags(args)
	c.resolveLanguage()
	c.wrapValues()
	var positional []string
	for {
		c.badValue = nil
		err := c.set.Parse(args)
		if errors.Is(err, flag.ErrHelp) {
			return nil, errHelp
		}
		if err != nil {
			return nil, c.parseError(args, err)
		}
		rest := c.set.Args()
		if len(rest) == 0 {
			break
		}
		// Go's parser stops at "--" and drops it; everything after is data.
		if len(args) > len(rest) && args[len(args)-len(rest)-1] == "--" {
			positional = append(positional, rest...)
			break
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
	c.resolveLanguage()
	return positional, nil
}

// resolveLanguage sets the translator for --lang, and warns once, on
// standard error, when qscert does not speak that language.
func (c *commandFlags) resolveLanguage() {
	lang, ok := i18n.Resolve(c.lang)
	if c.t != nil && c.t.Lang() == lang {
		return
	}
	c.t = i18n.New(lang).CommandLine()
	if !ok {
		warnUnknownLanguage(c.env, c.t, c.lang)
	}
}

// warnUnknownLanguage says that --lang named a language qscert does not
// speak, and which one it answers in.
func warnUnknownLanguage(env *Env, t *i18n.Translator, asked string) {
	fmt.Fprintf(env.Stderr, "%s: %s\n", t.T("severity.warning"), t.Code(CodeUnknownLanguage, map[string]string{"lang": asked}))
}

// translator is the language the command answers in.
func (c *commandFlags) translator() *i18n.Translator {
	if c.t == nil {
		c.resolveLanguage()
	}
	return c.t
}

// secretFlag marks a flag whose value must never be shown.
func (c *commandFlags) secretFlag(name string) { c.secret[name] = true }

// scanOutputFlags finds --lang and --json before the flags are parsed, so
// that an error in the flags themselves is said in the language asked for,
// and as JSON when asked for. The last one given wins, as in the parse.
func scanOutputFlags(args []string) (lang string, asJSON bool) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			break
		}
		name, value, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if !strings.HasPrefix(a, "-") {
			continue
		}
		switch name {
		case "lang":
			if hasValue {
				lang = value
			} else if i+1 < len(args) {
				lang = args[i+1]
				i++
			}
		case "json":
			asJSON = !hasValue || value == "true" || value == "1" || value == "t" || value == "TRUE" || value == "True"
		}
	}
	return lang, asJSON
}
