package qrs_test

import (
	"testing"

	"qscert/certs/qrs/qrstest"
)

// TestOneConnectionOneRequest: a test proves a fresh handshake each time,
// so nothing may be reused between two tests, and nothing retried.
func TestOneConnectionOneRequest(t *testing.T) {
	site := legacy(t)
	s := startQRS(t, site, qrstest.Options{})
	id := identityOf(t, site)
	for i := 1; i <= 3; i++ {
		d := test(t, id, optionsFor(s))
		if !d.OK() {
			t.Fatalf("diagnosis %s: %s", d.Code, d.Detail)
		}
		if !d.ClientCertificateSent || d.TLSVersion != "TLS 1.3" {
			t.Errorf("client certificate sent %v, TLS version %q", d.ClientCertificateSent, d.TLSVersion)
		}
		if d.About == nil || d.About.BuildVersion != "14.173.4" || d.About.NodeType != 1 || d.About.BuildDate == "" {
			t.Errorf("about = %+v", d.About)
		}
		if got := s.Connections(); got != int64(i) {
			t.Errorf("after %d tests the server saw %d connections", i, got)
		}
		if got := s.Requests(); got != int64(i) {
			t.Errorf("after %d tests the server saw %d requests", i, got)
		}
	}
}
