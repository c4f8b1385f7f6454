package i18n_test

import (
	"strings"
	"testing"

	"qscert/assets/i18n"
	"qscert/certs/coded"
	"qscert/certs/qrs"
)

// sampleParams holds every parameter the connection test's diagnoses set.
var sampleParams = map[string]string{
	"host": "qlik", "port": "4242", "seconds": "10", "alert": "bad certificate", "names": "qlik.corp.example",
	"suggest": "qlik.corp.example", "url": "https://qlik:4242/qrs/about", "status": "503 Service Unavailable",
	"contentType": "text/html", "server": "nginx", "user": qrs.QlikUser, "store": "windows", "subject": "qlik",
	"issuer": "other-CA", "root": "qlik-CA", "from": "2026-01-01", "to": "2036-01-01", "authenticate": "NTLM",
	"reason": qrs.ReasonAlert, "algorithm": "SHA1-RSA",
}

func TestEveryDiagnosisHasAdviceInEveryLanguage(t *testing.T) {
	codes := qrs.Codes.Codes()
	for _, lang := range i18n.Languages {
		tr := i18n.New(lang)
		for _, c := range codes {
			if !tr.Has("code." + string(c)) {
				t.Errorf("%s: code.%s is missing", lang, c)
				continue
			}
			checkSentence(t, lang, string(c), tr.Code(c, sampleParams))
		}
		for _, r := range qrs.Reasons {
			if !tr.Has("reason." + r) {
				t.Errorf("%s: reason.%s is missing", lang, r)
				continue
			}
			params := map[string]string{}
			for k, v := range sampleParams {
				params[k] = v
			}
			params["reason"] = r
			reason := tr.T("reason."+r, params)
			for _, c := range []coded.Code{qrs.CodeTLSUntrustedServer, qrs.CodeTLSClientRejected} {
				got := tr.Code(c, params)
				if !strings.Contains(got, reason) {
					t.Errorf("%s: reason %s was not translated in %q", lang, r, got)
				}
				checkSentence(t, lang, string(c)+"/"+r, got)
			}
		}
	}
}

func checkSentence(t *testing.T, lang, what, s string) {
	t.Helper()
	if strings.Contains(s, "<no value>") || strings.Contains(s, "{{") || strings.HasPrefix(s, "code.") {
		t.Errorf("%s: %s renders as %q", lang, what, s)
	}
}
