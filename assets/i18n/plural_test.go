package i18n_test

import (
	"strings"
	"testing"

	"qscert/assets/i18n"
)

// TestPluralFollowsEachLanguagesRules: English says "1 warning" and "0
// warnings", French "0 erreur", "1 erreur" and "2 erreurs" (CLDR: 0 and 1
// are singular in French).
func TestPluralFollowsEachLanguagesRules(t *testing.T) {
	for _, c := range []struct {
		lang, key string
		count     int
		want      string
	}{
		{"en", "cli.count.errors", 0, "0 errors"},
		{"en", "cli.count.errors", 1, "1 error"},
		{"en", "cli.count.errors", 2, "2 errors"},
		{"en", "cli.count.warnings", 1, "1 warning"},
		{"fr", "cli.count.errors", 0, "0 erreur"},
		{"fr", "cli.count.errors", 1, "1 erreur"},
		{"fr", "cli.count.errors", 2, "2 erreurs"},
		{"fr", "cli.count.warnings", 1, "1 avertissement"},
		{"fr", "cli.count.warnings", 1000000, "1000000 d'avertissements"},
	} {
		if got := i18n.New(c.lang).N(c.key, c.count); got != c.want {
			t.Errorf("%s N(%s, %d) = %q, want %q", c.lang, c.key, c.count, got, c.want)
		}
	}
}

func TestCommandLineWordingOfACode(t *testing.T) {
	params := map[string]string{"file": "client.pfx"}
	for _, lang := range i18n.Languages {
		window := i18n.New(lang).Code("wrong-password", params)
		cli := i18n.New(lang).CommandLine().Code("wrong-password", params)
		if window == cli {
			t.Errorf("%s: the command line says what the window says: %q", lang, cli)
		}
		if !strings.Contains(cli, "--password-file") {
			t.Errorf("%s: the command line's sentence names no flag: %q", lang, cli)
		}
		// A code without a command-line wording reads as everywhere.
		if a, b := i18n.New(lang).Code("partial-export", nil), i18n.New(lang).CommandLine().Code("partial-export", nil); a != b {
			t.Errorf("%s: %q != %q", lang, a, b)
		}
	}
}

func TestResolveTellsAnUnknownLanguage(t *testing.T) {
	for in, want := range map[string]struct {
		lang string
		ok   bool
	}{
		"fr": {"fr", true}, "FR": {"fr", true}, "fr_CA": {"fr", true}, "en-GB": {"en", true},
		"de": {"en", false}, "français": {"en", false}, "zz-top": {"en", false},
	} {
		if lang, ok := i18n.Resolve(in); lang != want.lang || ok != want.ok {
			t.Errorf("Resolve(%q) = %q, %v; want %q, %v", in, lang, ok, want.lang, want.ok)
		}
	}
	if _, ok := i18n.Resolve(""); !ok {
		t.Error("an empty --lang is the system's language, not an unknown one")
	}
}

// TestAMissingParameterNeverShowsNoValue: text/template's "<no value>"
// never reaches a sentence.
func TestAMissingParameterNeverShowsNoValue(t *testing.T) {
	for _, lang := range i18n.Languages {
		got := i18n.New(lang).T("cli.step.add", map[string]string{"subject": "CN=QlikClient"})
		if strings.Contains(got, "no value") || !strings.Contains(got, "CN=QlikClient") {
			t.Errorf("%s: %q", lang, got)
		}
	}
}
