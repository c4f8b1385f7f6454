package qrs

import (
	"net/http"
	"testing"
)

// FuzzDiagnoseResponse: whatever a server answers, the diagnosis is one of
// the codes and nothing panics.
func FuzzDiagnoseResponse(f *testing.F) {
	f.Add(200, []byte(`{"buildVersion":"14.173.4","nodeType":1}`), "application/json")
	f.Add(200, []byte(`{"buildVersion":null}`), "application/json")
	f.Add(400, []byte("<center>The SSL certificate error</center>"), "text/html")
	f.Add(401, []byte(""), "")
	f.Add(599, []byte("\xff\xfe"), "x")
	known := map[string]bool{}
	for _, c := range Codes.Codes() {
		known[string(c)] = true
	}
	f.Fuzz(func(t *testing.T, status int, body []byte, contentType string) {
		h := http.Header{"Content-Type": {contentType}}
		for _, s := range []service{qrsService, engineService} {
			d := &Diagnosis{URL: "https://qlik:4242/qrs/about"}
			e := diagnoseResponse(status, h, body, d, s, Options{Host: "qlik"}.withDefaults())
			if !known[string(e.Code)] {
				t.Fatalf("unknown code %q", e.Code)
			}
			if (e.Code == CodeOK) != (d.About != nil || d.Engine != nil) {
				t.Fatalf("code %s with about %v engine %v", e.Code, d.About, d.Engine)
			}
		}
	})
}
