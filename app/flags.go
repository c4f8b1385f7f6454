package app

import (
	"flag"
	"io"
	"strings"

	"qscert/assets/i18n"
	"qscert/certs/coded"
)

// commandFlags are the flags every command has, and its flag set.
type commandFlags struct {
	name string
	set  *flag.FlagSet
	lang string
	json bool
}

func newCommandFlags(name string) *commandFlags {
	c := &commandFlags{name: name, set: flag.NewFlagSet(name, flag.ContinueOnError)}
	c.set.SetOutput(io.Discard) // errors are reported translated, by us
	c.set.StringVar(&c.lang, "lang", "", "language of the messages: en or fr (default: the system's)")
	c.set.BoolVar(&c.json, "json", false, "print the result as JSON")
	return c
}

// parse parses flags wherever they stand among the positional arguments
// ("validate DIR --host H" as well as "validate --host H DIR"), which Go's
// flag package alone does not.
func (c *commandFlags) parse(args []string) ([]string, error) {
	var positional []string
	for {
		if err := c.set.Parse(args); err != nil {
			return nil, coded.New(CodeBadUsage, err, "command", c.name, "detail", strings.TrimPrefix(err.Error(), "flag provided but not defined: "))
		}
		rest := c.set.Args()
		if len(rest) == 0 {
			return positional, nil
		}
		// Go's parser stops at "--" and drops it; everything after is data.
		if len(args) > len(rest) && args[len(args)-len(rest)-1] == "--" {
			return append(positional, rest...), nil
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
}

func (c *commandFlags) translator() *i18n.Translator { return i18n.New(c.lang) }
