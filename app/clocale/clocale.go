// Package clocale keeps the desktop build quiet in the "C" locale of
// containers, CI machines and many SSH sessions (LANG=C.UTF-8).
//
// Fyne's lang package, at its init, asks go-locale for the user's locales.
// go-locale hands back "C" for LANG=C.UTF-8 (it recognises only the bare
// "C" and "POSIX" as "no locale"), golang.org/x/text cannot parse that as
// a language tag, and Fyne logs "Error parsing user locale C" on standard
// error (fyne.io/fyne/v2@v2.7.1/lang/lang.go init → updateLocalizer →
// closestSupportedLocale, lang/locale.go:35). It happens before main runs,
// for every command of a build that links the window, so it cannot be
// caught later.
//
// This package's init runs first: Go initialises packages in the order of
// their import paths among those whose imports are ready (the spec's
// "Package initialization"), and this package imports only os, while
// Fyne's lang waits for text/template, which sorts after "qscert/". It
// changes the deciding variable from "C.UTF-8" to the bare "C", which
// means the same language (none: untranslated, English) and which
// go-locale accepts silently. Restore, called at the start of main's
// work, puts the variable back, so that child processes and everything
// else see the environment the user set.
package clocale

import "os"

// hidden is the variable changed at init and its original value.
var hidden struct {
	name, value string
}

func init() { hide() }

// hide replaces an encoding-suffixed C or POSIX locale ("C.UTF-8",
// "POSIX.utf8", "C@euro") in the variable go-locale reads by the bare name.
func hide() {
	name, value := deciding(os.Getenv)
	if bare := bareCLocale(value); bare != "" && bare != value {
		hidden.name, hidden.value = name, value
		_ = os.Setenv(name, bare)
	}
}

// Restore puts back the variable hide changed, if any.
func Restore() {
	if hidden.name != "" {
		_ = os.Setenv(hidden.name, hidden.value)
		hidden.name = ""
	}
}

// deciding returns the variable that decides the language of messages, as
// go-locale and gettext read them: the first of LC_ALL, LC_MESSAGES and
// LANG that is set.
func deciding(getenv func(string) string) (name, value string) {
	for _, name := range [...]string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(name); v != "" {
			return name, v
		}
	}
	return "", ""
}

// bareCLocale returns "C" or "POSIX" when locale is one of them, with or
// without an encoding or modifier; "" otherwise.
func bareCLocale(locale string) string {
	base := locale
	for i := 0; i < len(locale); i++ {
		if locale[i] == '.' || locale[i] == '@' {
			base = locale[:i]
			break
		}
	}
	if base == "C" || base == "POSIX" {
		return base
	}
	return ""
}
