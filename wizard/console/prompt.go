package console

import (
	"errors"
	"strings"
)

// question is one field to answer, as a step asks it.
type question struct {
	Title       string
	Hint        string // the sentence under it
	Placeholder string // an example value, drawn in an empty field (Forms)
	Value       *string
	Secret      bool
	// Check refuses an answer, saying why; nil accepts anything.
	Check func(string) error
	// KeepIfEmpty: in Lines mode an empty answer keeps the value, for a
	// secret that cannot be empty anyway (the proposed backup password).
	KeepIfEmpty bool
}

// choice is one option of a menu.
type choice struct {
	Key, Label string
}

// prompter asks questions: with huh's forms (Forms) or huh's accessible
// line prompts (Lines).
type prompter interface {
	// ask answers the questions, in order, into their Values.
	ask(qs []question) error
	// choose asks for one of options; def is the key Enter picks.
	choose(title string, options []choice, def string) (string, error)
	// pick asks which of options to tick; selected are ticked at first.
	pick(title string, options []choice, selected []string) ([]string, error)
}

// errAborted: Ctrl+C (or Escape) in a form; the wizard asks whether to
// leave, as the window's Cancel does.
var errAborted = errors.New("console: aborted")

// unquote takes the quotes off a path pasted or dropped onto the
// terminal ("C:\Exports\rep 01" comes quoted from Explorer, 'path' from a
// Linux file manager).
func unquote(s string) string {
	s = strings.TrimSpace(s)
	if len(s) >= 2 && (s[0] == '"' && s[len(s)-1] == '"' || s[0] == '\'' && s[len(s)-1] == '\'') {
		return s[1 : len(s)-1]
	}
	return s
}
