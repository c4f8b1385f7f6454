package app

import (
	"flag"
	"strings"
	"time"

	"github.com/agnivade/levenshtein"

	"qscert/certs/coded"
)

// flagValueError is a value a flag's Set refused.
type flagValueError struct {
	name  string
	value string
}

// checkedValue records which flag refused its value, so that the error
// names the flag (and its value, unless it is secret) from what happened,
// not from the English text of Go's flag package.
type checkedValue struct {
	flag.Value
	name string
	c    *commandFlags
}

func (v *checkedValue) Set(s string) error {
	if err := v.Value.Set(s); err != nil {
		v.c.badValue = &flagValueError{name: v.name, value: s}
		return err
	}
	return nil
}

// IsBoolFlag keeps a switch a switch: Go's parser asks the value.
func (v *checkedValue) IsBoolFlag() bool {
	b, ok := v.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

func (c *commandFlags) wrapValues() {
	c.set.VisitAll(func(f *flag.Flag) {
		if _, done := f.Value.(*checkedValue); !done {
			f.Value = &checkedValue{Value: f.Value, name: f.Name, c: c}
		}
	})
}

// kindOf is the reason a value was refused: what the flag takes.
func kindOf(v flag.Value) string {
	if cv, ok := v.(*checkedValue); ok {
		v = cv.Value
	}
	g, ok := v.(flag.Getter)
	if !ok {
		return ""
	}
	switch g.Get().(type) {
	case bool:
		return "flag-switch"
	case int, int64, uint, uint64:
		return "flag-number"
	case time.Duration:
		return "flag-duration"
	}
	return ""
}

// parseError turns a failed parse of args into a coded error.
func (c *commandFlags) parseError(args []string, err error) error {
	if bad := c.badValue; bad != nil {
		params := []string{"command", c.name, "flag", "--" + bad.name}
		if f := c.set.Lookup(bad.name); f != nil {
			params = append(params, "reason", kindOf(f.Value))
		}
		if !c.secret[bad.name] {
			params = append(params, "value", bad.value)
		}
		return coded.New(CodeBadFlagValue, nil, params...)
	}
	consumed := len(args) - len(c.set.Args())
	// A token Go calls bad syntax ("---x", "-=x") is not consumed.
	if consumed < len(args) && isBadFlagSyntax(args[consumed]) {
		return c.unknownFlag(args[consumed])
	}
	if consumed <= 0 || consumed > len(args) {
		return coded.New(CodeBadUsage, err, "command", c.name, "detail", strings.Join(args, " "))
	}
	token := args[consumed-1]
	name, _, _ := strings.Cut(strings.TrimLeft(token, "-"), "=")
	if c.set.Lookup(name) != nil {
		return coded.New(CodeFlagNeedsValue, nil, "command", c.name, "flag", "--"+name)
	}
	return c.unknownFlag(token)
}

func isBadFlagSyntax(token string) bool {
	name := strings.TrimPrefix(strings.TrimPrefix(token, "-"), "-")
	return strings.HasPrefix(token, "-") && token != "--" && (name == "" || name[0] == '-' || name[0] == '=')
}

// unknownFlag is the error for a flag the command does not have, with the
// closest one it has when the token looks like a typo of it. The token's
// value part (after "=") is never shown: it may be a password typed where
// a flag name was expected.
func (c *commandFlags) unknownFlag(token string) error {
	name, _, _ := strings.Cut(strings.TrimLeft(token, "-"), "=")
	var names []string
	c.set.VisitAll(func(f *flag.Flag) {
		if f.Usage != "" {
			names = append(names, f.Name)
		}
	})
	params := []string{"command", c.name, "flag", "--" + name}
	if s := closest(name, names); s != "" {
		params = append(params, "suggestion", "--"+s)
	}
	return coded.New(CodeUnknownFlag, nil, params...)
}

// closest returns the candidate nearest to name by edit distance, when it
// is near enough to be a typo of it ("hots" for "host", "dryrun" for
// "dry-run"), else "".
func closest(name string, candidates []string) string {
	best, bestDistance := "", 3 // at most two edits
	for _, c := range candidates {
		d := levenshtein.ComputeDistance(strings.ToLower(name), c)
		if d < bestDistance && d < len(c) {
			best, bestDistance = c, d
		}
	}
	return best
}
