package accounts_test

import (
	"strings"
	"testing"

	"qscert/assets/i18n"
	"qscert/certs/accounts"
	"qscert/certs/store"
)

var sampleParams = map[string]string{
	"account": `CORP\svc_qlik`, "sid": "S-1-5-20", "service": "QalyptusServer", "detail": "Access is denied.",
	"store": "windows", "location": `LocalMachine\My`, "thumbprint": "AB12",
}

func TestEveryCodeHasAnEnglishAndAFrenchSentence(t *testing.T) {
	codes := append(accounts.Codes.Codes(), store.CodeKeyAccessUnsupported, store.CodeKeyNotMachine, store.CodeBadSID)
	for _, lang := range i18n.Languages {
		tr := i18n.New(lang)
		for _, c := range codes {
			if !tr.Has("code." + string(c)) {
				t.Errorf("%s: no sentence for %s", lang, c)
				continue
			}
			s := tr.Code(c, sampleParams)
			if strings.Contains(s, "<no value>") || strings.Contains(s, "{{") {
				t.Errorf("%s: %s renders as %q", lang, c, s)
			}
		}
	}
}
