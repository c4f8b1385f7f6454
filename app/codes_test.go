package app

import (
	"testing"

	"qscert/app/glprobe"
	"qscert/certs"
	"qscert/certs/coded"
	"qscert/certs/qrs"
	"qscert/certs/store"
	"qscert/i18n"
)

// allCodes are the codes a user can meet, from every part of the program.
func allCodes() []coded.Code {
	var all []coded.Code
	for _, list := range [][]coded.Code{certs.FindingCodes, certs.ErrorCodes, certs.InstallCodes, store.Codes, qrs.Codes, qrs.SetupCodes, Codes, glprobe.Codes} {
		all = append(all, list...)
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
