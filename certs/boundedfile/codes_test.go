package boundedfile_test

import (
	"strings"
	"testing"

	"qscert/certs/boundedfile"
	"qscert/i18n"
)

func TestEveryCodeHasASentenceInEveryLanguage(t *testing.T) {
	params := map[string]string{"file": "client.pem", "kind": "fifo", "size": "2", "limit": "1", "detail": "denied"}
	for _, lang := range i18n.Languages {
		tr := i18n.New(lang)
		for _, c := range boundedfile.Codes {
			s := tr.Code(c, params)
			if !tr.Has("code."+string(c)) || strings.Contains(s, "<no value>") || strings.Contains(s, "{{") {
				t.Errorf("%s: code.%s renders as %q", lang, c, s)
			}
		}
	}
}
