// Package coded holds the error value that every part of qscert returns to
// its users: a stable code plus named parameters. The CLI and the wizard turn
// the code into an English or French sentence (see package i18n); nothing
// parses the text of an error to decide what to do.
package coded

import (
	"errors"
	"sort"
	"strings"
)

// Code is a stable, kebab-case identifier such as "wrong-password". Codes are
// part of the JSON output and of the translation keys, so never rename one.
type Code string

// Error is an error a user can meet. Params fill the placeholders of the
// translated sentence ({{.file}}, {{.host}}, ...). Err keeps the underlying
// cause for logs and for errors.Is; it is never shown as the explanation.
type Error struct {
	Code   Code              `json:"code"`
	Params map[string]string `json:"params,omitempty"`
	Err    error             `json:"-"`
}

// New builds an Error. params are key, value pairs; an odd trailing key is
// dropped rather than panicking, because errors are built on failure paths
// that must never crash.
func New(code Code, cause error, params ...string) *Error {
	e := &Error{Code: code, Err: cause}
	if len(params) >= 2 {
		e.Params = make(map[string]string, len(params)/2)
		for i := 0; i+1 < len(params); i += 2 {
			e.Params[params[i]] = params[i+1]
		}
	}
	return e
}

// Error gives a developer-facing text: the code, the parameters in a stable
// order and the cause. Users see the translated sentence instead.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(string(e.Code))
	keys := make([]string, 0, len(e.Params))
	for k := range e.Params {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		b.WriteString(" ")
		b.WriteString(k)
		b.WriteString("=")
		b.WriteString(e.Params[k])
	}
	if e.Err != nil {
		b.WriteString(": ")
		b.WriteString(e.Err.Error())
	}
	return b.String()
}

func (e *Error) Unwrap() error { return e.Err }

// Is lets errors.Is(err, coded.New(code, nil)) match on the code alone.
func (e *Error) Is(target error) bool {
	var t *Error
	if errors.As(target, &t) {
		return t.Code == e.Code && t.Err == nil && len(t.Params) == 0
	}
	return false
}

// CodeOf returns the code of the first coded Error in err's chain, or "" when
// there is none (an internal error that has no sentence of its own).
func CodeOf(err error) Code {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return ""
}

// As returns the first coded Error in err's chain, or nil.
func As(err error) *Error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	return nil
}
