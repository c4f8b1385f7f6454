package app

import (
	"strings"
	"testing"

	"qscert/certs/certstest"
	"qscert/certs/qlik"
)

// leaks are what a missing sentence or parameter shows instead of words.
var leaks = []string{"<no value>", "flag.", "cli.", "code.", "reason.", "flag: help requested"}

func assertNoLeak(t *testing.T, what, text string) {
	t.Helper()
	for _, l := range leaks {
		if strings.Contains(text, l) {
			t.Errorf("%s shows %q:\n%s", what, l, text)
		}
	}
}

// TestEveryCommandHasHelp: `qscert COMMAND --help`, `-h` and `qscert help
// COMMAND` print the command's usage and every flag it has, described in
// the language asked for, and exit 0.
func TestEveryCommandHasHelp(t *testing.T) {
	for _, cmd := range commands() {
		for _, lang := range []string{"en", "fr"} {
			var first string
			for _, args := range [][]string{{cmd.name, "--help"}, {cmd.name, "-h"}, {"help", cmd.name}, {"--lang", lang, cmd.name, "-help"}} {
				env, out, errOut := testEnv("", nil)
				code := Run(env, append(append([]string{}, args...), "--lang", lang))
				if code != ExitOK || errOut.Len() != 0 {
					t.Fatalf("qscert %s: exit %d, stderr %q", strings.Join(args, " "), code, errOut)
				}
				text := out.String()
				want := map[string]string{"en": "Usage: qscert " + cmd.name, "fr": "Utilisation : qscert " + cmd.name}[lang]
				if !strings.Contains(text, want) || !strings.Contains(text, "--lang") {
					t.Fatalf("qscert %s (%s):\n%s", strings.Join(args, " "), lang, text)
				}
				assertNoLeak(t, "help of "+cmd.name, text)
				if first == "" {
					first = text
				} else if text != first {
					t.Errorf("%s: %v prints another help than --help", cmd.name, args)
				}
			}
		}
	}
}

// TestHelpListsEveryFlagInBothLanguages: each flag of validate appears,
// with its French description in French.
func TestHelpListsEveryFlagInBothLanguages(t *testing.T) {
	env, out, _ := testEnv("", nil)
	Run(env, []string{"help", "install", "--lang", "fr"})
	for _, want := range []string{
		"--host SERVEUR", "--store MAGASIN", "--backup-dir DOSSIER", "--dry-run", "--yes", "--scope PORTÉE",
		"--password-file FICHIER", "--backup-password-file FICHIER", "afficher le plan sans rien modifier", "(par défaut : user)",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("French help of install lacks %q:\n%s", want, out)
		}
	}
	// The flags that exist only to be refused are not offered.
	if strings.Contains(out.String(), "--password ") || strings.Contains(out.String(), "--backup-password ") {
		t.Errorf("help offers --password:\n%s", out)
	}
}

func TestFlagsBeforeTheCommand(t *testing.T) {
	env, out, errOut := testEnv("", nil)
	if code := Run(env, []string{"--lang", "fr", "help"}); code != ExitOK || !strings.Contains(out.String(), "Commandes :") {
		t.Fatalf("--lang fr help: exit %d\n%s%s", code, out, errOut)
	}
	env, out, _ = testEnv("", nil)
	if code := Run(env, []string{"--version"}); code != ExitOK || !strings.Contains(out.String(), "qscert "+Version) {
		t.Fatalf("--version: exit %d %q", code, out)
	}
	env, out, _ = testEnv("", nil)
	if code := Run(env, []string{"--lang=fr", "--help"}); code != ExitOK || !strings.Contains(out.String(), "Commandes :") {
		t.Fatalf("--lang=fr --help: exit %d %q", code, out)
	}
	// A --lang after the command wins over one before it.
	env, out, _ = testEnv("", nil)
	if code := Run(env, []string{"--lang", "fr", "help", "--lang", "en"}); code != ExitOK || !strings.Contains(out.String(), "Commands:") {
		t.Fatalf("--lang fr help --lang en: exit %d %q", code, out)
	}
	// --demo is the window's.
	env, _, errOut = testEnv("", nil)
	if code := Run(env, []string{"--demo", "validate", "x"}); code != ExitUsage || !strings.Contains(errOut.String(), "--demo") {
		t.Fatalf("--demo validate: exit %d %q", code, errOut)
	}
}

func TestAnUnknownLanguageWarns(t *testing.T) {
	for _, args := range [][]string{{"--lang", "de", "help"}, {"help", "--lang", "de"}, {"version", "--lang=xx"}} {
		env, out, errOut := testEnv("", nil)
		if code := Run(env, args); code != ExitOK {
			t.Fatalf("%v: exit %d", args, code)
		}
		if !strings.Contains(errOut.String(), "Warning: qscert speaks English and French") || strings.Count(errOut.String(), "\n") != 1 {
			t.Errorf("%v: stderr %q", args, errOut)
		}
		if out.Len() == 0 {
			t.Errorf("%v printed nothing", args)
		}
	}
	// A known language does not warn.
	env, _, errOut := testEnv("", nil)
	Run(env, []string{"help", "--lang", "fr_FR.UTF-8"})
	if errOut.Len() != 0 {
		t.Errorf("fr_FR.UTF-8 warned: %q", errOut)
	}
}

// TestTyposGetTheClosestName: a mistyped flag or command is answered with
// the one meant.
func TestTyposGetTheClosestName(t *testing.T) {
	dir := writeExport(t, certstest.WriteOptions{Format: qlik.FormatPEM})
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"validate", dir, "--hots", "x"}, "has no flag --hots. Did you mean --host?"},
		{[]string{"install", dir, "--dryrun"}, "Did you mean --dry-run?"},
		{[]string{"validate", dir, "--pasword-file", "x"}, "Did you mean --password-file?"},
		{[]string{"instal", dir}, "Did you mean “install”?"},
		{[]string{"--verison"}, "Did you mean --version?"},
		{[]string{"validate", dir, "--zzzzzz"}, "has no flag --zzzzzz. Run"},
	} {
		env, _, errOut := testEnv("", nil)
		if code := Run(env, append(c.args, "--lang", "en")); code != ExitUsage || !strings.Contains(errOut.String(), c.want) {
			t.Errorf("%v: exit %d, stderr %q; want %q", c.args, code, errOut, c.want)
		}
	}
	env, _, errOut := testEnv("", nil)
	Run(env, []string{"validate", dir, "--hots", "x", "--lang", "fr"})
	if !strings.Contains(errOut.String(), "Vouliez-vous dire --host ?") {
		t.Errorf("French: %q", errOut)
	}
}

// TestFlagErrorsAreTranslated: Go's English flag messages never reach a
// French user.
func TestFlagErrorsAreTranslated(t *testing.T) {
	dir := writeExport(t, certstest.WriteOptions{Format: qlik.FormatPEM})
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"validate", dir, "--host"}, "--host attend une valeur"},
		{[]string{"test", "--host", "q", "--dir", dir, "--port", "abc"}, "« abc » n'est pas une valeur valable pour --port : indiquez un nombre entier"},
		{[]string{"test", "--host", "q", "--dir", dir, "--timeout", "soon"}, "indiquez une durée"},
		{[]string{"test", "--host", "q", "--dir", dir, "--port", "0"}, "indiquez un numéro de port de 1 à 65535"},
		{[]string{"install", dir, "--scope", "everyone"}, "indiquez user (CurrentUser\\My) ou machine"},
		{[]string{"validate", dir, "--at", "yesterday"}, "RFC 3339"},
	} {
		env, _, errOut := testEnv("", nil)
		code := Run(env, append([]string{"--lang", "fr"}, c.args...))
		if code != ExitUsage || !strings.Contains(errOut.String(), c.want) {
			t.Errorf("%v: exit %d, stderr %q; want %q", c.args, code, errOut, c.want)
		}
		for _, english := range []string{"invalid value", "flag needs", "parse error", "provided but not defined"} {
			if strings.Contains(errOut.String(), english) {
				t.Errorf("%v: Go's English %q shows: %q", c.args, english, errOut)
			}
		}
	}
}
