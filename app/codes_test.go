package app

import (
	"testing"

	"qscert/app/elevation"
	"qscert/assets/i18n"
	"qscert/certs/accounts"
	"qscert/certs/boundedfile"
	"qscert/certs/central"
	"qscert/certs/coded"
	"qscert/certs/export"
	"qscert/certs/install"
	"qscert/certs/qrs"
	"qscert/certs/secretfile"
	"qscert/certs/store"
	"qscert/certs/support"
	"qscert/certs/validate"
	"qscert/wizard/console"
)

// registries are the code tables of every part of the program: each
// package declares its codes once, in its own table.
func registries() map[string]*coded.Registry {
	return map[string]*coded.Registry{
		"export": export.Codes, "validate": validate.Codes, "install": install.Codes,
		"store": store.Codes, "qrs": qrs.Codes, "app": Codes, "support": support.Codes,
		"boundedfile": boundedfile.Codes, "secretfile": secretfile.Codes, "accounts": accounts.Codes, "elevation": elevation.Codes,
		"console": console.Codes, "central": central.Codes,
	}
}

// allCodes are the codes a user can meet, from every part of the program.
func allCodes() []coded.Code {
	var all []coded.Code
	for _, r := range registries() {
		all = append(all, r.Codes()...)
	}
	return all
}

func TestEveryCodeHasAnEnglishAndAFrenchSentence(t *testing.T) {
	for _, lang := range i18n.Languages {
		tr := i18n.New(lang)
		for _, c := range allCodes() {
			if !tr.Has("code." + string(c)) {
				t.Errorf("%s: no sentence for %s", lang, c)
			}
		}
	}
}

func TestNoCodeIsDeclaredTwice(t *testing.T) {
	seen := map[coded.Code]string{}
	for name, r := range registries() {
		for _, c := range r.Codes() {
			if other, ok := seen[c]; ok {
				t.Errorf("%s is declared by %s and %s", c, other, name)
			}
			seen[c] = name
		}
	}
}
