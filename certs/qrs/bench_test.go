package qrs_test

import (
	"testing"

	"qscert/certs/certstest"
	"qscert/certs/qrs"
	"qscert/certs/qrs/qrstest"
)

// BenchmarkTest is one whole connection test against the simulated QRS:
// dial, a full TLS 1.3 handshake with the client certificate (RSA 2048 on
// both sides), one request, the JSON parsed. Nothing is reused between
// iterations; the server counts connections to prove it.
func BenchmarkTest(b *testing.B) {
	site := legacy(b)
	s := startQRS(b, site, qrstest.Options{})
	id, o := identityOf(b, site), optionsFor(s)
	for b.Loop() {
		if d := qrs.Test(b.Context(), id, o); !d.OK() {
			b.Fatalf("diagnosis %s: %s", d.Code, d.Detail)
		}
	}
	if s.Connections() != s.Requests() {
		b.Fatalf("%d connections for %d requests: a connection was reused", s.Connections(), s.Requests())
	}
}

// BenchmarkTestAgainstNginx is the same against nginx (OpenSSL) with a
// modern export.
func BenchmarkTestAgainstNginx(b *testing.B) {
	site := siteExport(b, certstest.StyleModern, "site")
	p := startNginx(b, site, site)
	id, o := identityOf(b, site), nginxOptions(p)
	for b.Loop() {
		if d := qrs.Test(b.Context(), id, o); !d.OK() {
			b.Fatalf("diagnosis %s: %s", d.Code, d.Detail)
		}
	}
}
