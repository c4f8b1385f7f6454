package qrs_test

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"qscert/certs/certstest"
	"qscert/certs/coded"
	"qscert/certs/qlik"
	"qscert/certs/qrs"
	"qscert/certs/qrs/qrstest"
)

// scenario is one situation a user can meet, and the diagnosis it must get.
type scenario struct {
	name   string
	server qrstest.Options
	// client changes the identity or the options after the server started.
	client func(t *testing.T, s *qrstest.Server, id *qrs.Identity, o *qrs.Options)
	engine bool // run the Engine check instead of the QRS's
	want   coded.Code
	params map[string]string // params the diagnosis must carry
	// requests is how many requests must reach the server; -1 skips.
	requests int64
}

func scenarios(t *testing.T) []scenario {
	site, other, recreated := legacy(t), otherSite(t), recreatedSite(t)
	now := time.Now()
	issue := func(cn string, from, to time.Time) *certstest.Issued {
		is, err := site.Site.Issue(qlik.RoleServer, cn, from, to)
		if err != nil {
			t.Fatal(err)
		}
		return is
	}
	issueWith := func(cn string, change func(*x509.Certificate)) *certstest.Issued {
		key, err := certstest.NewKey(2048)
		if err != nil {
			t.Fatal(err)
		}
		is, err := site.Site.IssueWithTemplate(qlik.RoleServer, cn, key, now.Add(-time.Hour), now.AddDate(1, 0, 0), change)
		if err != nil {
			t.Fatal(err)
		}
		return is
	}
	useOtherClient := func(_ *testing.T, _ *qrstest.Server, id *qrs.Identity, _ *qrs.Options) {
		id.Client, id.Signer = other.Client.Cert, other.Client.Key
	}
	return []scenario{
		{name: "legacy site over TLS 1.3", want: qrs.CodeOK, requests: 1},
		{name: "legacy site over TLS 1.2", server: qrstest.Options{MaxTLSVersion: tls.VersionTLS12}, want: qrs.CodeOK, requests: 1},
		{name: "engine health check", engine: true, want: qrs.CodeOK, requests: 1},
		{name: "engine port answered by something else", engine: true, server: qrstest.Options{RespondNotQRS: true}, want: qrs.CodeNotEngine, requests: 1},
		{
			name: "host does not resolve", want: qrs.CodeDNSFailed, requests: 0,
			client: func(_ *testing.T, _ *qrstest.Server, _ *qrs.Identity, o *qrs.Options) {
				o.Host, o.Address = "qlik-central.invalid", "" // .invalid never resolves (RFC 6761)
			},
			params: map[string]string{"host": "qlik-central.invalid"},
		},
		{
			name: "closed port", want: qrs.CodeConnectionRefused, requests: 0,
			client: func(t *testing.T, _ *qrstest.Server, _ *qrs.Identity, o *qrs.Options) {
				o.Address = closedPort(t)
			},
		},
		{
			name: "server never answers", server: qrstest.Options{Hang: true}, want: qrs.CodeTimeout, requests: -1,
			client: func(_ *testing.T, _ *qrstest.Server, _ *qrs.Identity, o *qrs.Options) {
				o.Timeout = 300 * time.Millisecond
			},
			params: map[string]string{"seconds": "0.3"},
		},
		{
			name: "server certificate from another site", server: qrstest.Options{ServerCert: other.Server},
			want: qrs.CodeTLSUntrustedServer, requests: 0,
			client: func(_ *testing.T, _ *qrstest.Server, _ *qrs.Identity, o *qrs.Options) { o.Host = other.Machine },
			params: map[string]string{"reason": qrs.ReasonNotSignedByRoot, "issuer": other.Root.Cert.Subject.CommonName, "root": site.Root.Cert.Subject.CommonName},
		},
		{
			name: "site recreated since the export", server: qrstest.Options{ServerCert: recreated.Server},
			want: qrs.CodeTLSUntrustedServer, requests: 0,
			client: func(_ *testing.T, _ *qrstest.Server, _ *qrs.Identity, o *qrs.Options) { o.Host = recreated.Machine },
			params: map[string]string{"reason": qrs.ReasonRootRecreated, "root": site.Root.Cert.Subject.CommonName},
		},
		{
			name: "wrong root pinned", want: qrs.CodeTLSUntrustedServer, requests: 0,
			client: func(_ *testing.T, _ *qrstest.Server, id *qrs.Identity, _ *qrs.Options) { id.Root = other.Root.Cert },
			params: map[string]string{"reason": qrs.ReasonNotSignedByRoot},
		},
		{
			name: "server certificate expired", server: qrstest.Options{ServerCert: issue("localhost", now.AddDate(-2, 0, 0), now.AddDate(-1, 0, 0))},
			want: qrs.CodeTLSUntrustedServer, requests: 0,
			params: map[string]string{"reason": qrs.ReasonExpired, "to": now.AddDate(-1, 0, 0).UTC().Format(time.DateOnly)},
		},
		{
			name: "server certificate not yet valid", server: qrstest.Options{ServerCert: issue("localhost", now.AddDate(0, 0, 2), now.AddDate(1, 0, 0))},
			want: qrs.CodeTLSUntrustedServer, requests: 0,
			params: map[string]string{"reason": qrs.ReasonNotYetValid},
		},
		{
			name: "server certificate signed with SHA-1", want: qrs.CodeTLSWeakSignature, requests: 0,
			server: qrstest.Options{ServerCert: issueWith("localhost", func(c *x509.Certificate) { c.SignatureAlgorithm = x509.SHA1WithRSA })},
			params: map[string]string{"algorithm": "SHA1-RSA"},
		},
		{
			name: "server certificate for clients only", want: qrs.CodeTLSUntrustedServer, requests: 0,
			server: qrstest.Options{ServerCert: issueWith("localhost", func(c *x509.Certificate) { c.ExtKeyUsage = []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth} })},
			params: map[string]string{"reason": qrs.ReasonNotForServer},
		},
		{
			name: "server certificate whose key may only sign certificates", want: qrs.CodeTLSUntrustedServer, requests: 0,
			server: qrstest.Options{ServerCert: issueWith("localhost", func(c *x509.Certificate) { c.KeyUsage = x509.KeyUsageCertSign })},
			params: map[string]string{"reason": qrs.ReasonNotForServer},
		},
		{
			// RFC 6125: with a DNS SAN present the CN is not a name of the
			// certificate, even when it is the host.
			name: "CN names the host, DNS SANs do not", want: qrs.CodeTLSHostMismatch, requests: 0,
			server: qrstest.Options{ServerCert: issueWith("localhost", func(c *x509.Certificate) { c.DNSNames = []string{"qlik-other.corp.example"} })},
		},
		{
			name: "connected by IP address", want: qrs.CodeTLSHostMismatch, requests: 0,
			client: func(_ *testing.T, s *qrstest.Server, _ *qrs.Identity, o *qrs.Options) {
				o.Host, o.Address = "127.0.0.1", ""
			},
			params: map[string]string{"host": "127.0.0.1", "names": "localhost", "suggest": "localhost"},
		},
		{
			name: "connected by short name", server: qrstest.Options{Host: siteHost}, want: qrs.CodeTLSHostMismatch, requests: 0,
			client: func(_ *testing.T, _ *qrstest.Server, _ *qrs.Identity, o *qrs.Options) { o.Host = "qlik-central" },
			params: map[string]string{"suggest": siteHost},
		},
		{
			name: "connected by an alias", server: qrstest.Options{Host: siteHost}, want: qrs.CodeTLSHostMismatch, requests: 0,
			client: func(_ *testing.T, _ *qrstest.Server, _ *qrs.Identity, o *qrs.Options) { o.Host = "qlik.corp.example" },
			params: map[string]string{"suggest": siteHost},
		},
		{
			name: "client certificate from another site, TLS 1.3", want: qrs.CodeTLSClientRejected, requests: 0, client: useOtherClient,
			params: map[string]string{"reason": qrs.ReasonAlert, "alert": "bad certificate"},
		},
		{
			name: "client certificate from another site, TLS 1.2", server: qrstest.Options{MaxTLSVersion: tls.VersionTLS12},
			want: qrs.CodeTLSClientRejected, requests: 0, client: useOtherClient,
			params: map[string]string{"reason": qrs.ReasonAlert},
		},
		{
			name: "client certificate expired", want: qrs.CodeTLSClientRejected, requests: 0,
			// The server lives 20 years on, past the client certificate's end.
			server: qrstest.Options{Now: func() time.Time { return now.AddDate(20, 0, 0) }, ServerCert: issue("localhost", now.AddDate(0, 0, -1), now.AddDate(1, 0, 0))},
			params: map[string]string{"reason": qrs.ReasonAlert},
		},
		{
			name: "server drops the connection after the certificate", server: qrstest.Options{CloseAfterHandshake: true},
			want: qrs.CodeTLSClientRejected, requests: 1,
			params: map[string]string{"reason": qrs.ReasonClosed},
		},
		{name: "server speaks only TLS 1.0 and 1.1", server: qrstest.Options{OldTLSOnly: true}, want: qrs.CodeTLSHandshakeFailed, requests: 0},
		{
			name: "plain HTTP on the port", want: qrs.CodeTLSHandshakeFailed, requests: -1,
			client: func(t *testing.T, _ *qrstest.Server, _ *qrs.Identity, o *qrs.Options) { o.Address = plainHTTP(t) },
		},
		{name: "proxy drops the xrfkey header", server: qrstest.Options{StripXrfkeyHeader: true}, want: qrs.CodeHTTP400Xrfkey, requests: 1},
		{name: "windows authentication asked", server: qrstest.Options{Respond401: true}, want: qrs.CodeHTTP401, requests: 1, params: map[string]string{"authenticate": "Negotiate"}},
		{name: "forbidden", server: qrstest.Options{Respond403: true}, want: qrs.CodeHTTP403, requests: 1, params: map[string]string{"user": qrs.QlikUser}},
		{name: "service unavailable", server: qrstest.Options{RespondStatus: http.StatusServiceUnavailable}, want: qrs.CodeHTTPError, requests: 1, params: map[string]string{"status": "503 Service Unavailable"}},
		{name: "another web server on the port", server: qrstest.Options{RespondNotQRS: true}, want: qrs.CodeNotQRS, requests: 1, params: map[string]string{"contentType": "text/html"}},
	}
}

// TestDiagnosis runs every scenario against the simulated QRS, and checks
// that together they produce every diagnosis code.
func TestDiagnosis(t *testing.T) {
	produced := map[coded.Code]bool{}
	site := legacy(t)
	for _, sc := range scenarios(t) {
		t.Run(sc.name, func(t *testing.T) {
			t.Parallel()
			s := startQRS(t, site, sc.server)
			id, o := identityOf(t, site), optionsFor(s)
			if sc.client != nil {
				sc.client(t, s, id, &o)
			}
			var d *qrs.Diagnosis
			if sc.engine {
				d = qrs.TestEngine(t.Context(), id, o)
			} else {
				d = qrs.Test(t.Context(), id, o)
			}
			if d.Code != sc.want {
				t.Fatalf("code = %s, want %s (params %v, detail %q)", d.Code, sc.want, d.Params, d.Detail)
			}
			for k, v := range sc.params {
				if d.Params[k] != v {
					t.Errorf("param %s = %q, want %q (all: %v)", k, d.Params[k], v, d.Params)
				}
			}
			if sc.requests >= 0 && s.Requests() != sc.requests {
				t.Errorf("requests reaching the server = %d, want %d", s.Requests(), sc.requests)
			}
			if d.OK() != (d.Err() == nil) {
				t.Errorf("OK() = %v but Err() = %v", d.OK(), d.Err())
			}
		})
		produced[sc.want] = true
	}
	for _, c := range qrs.Codes.Codes() {
		if c == qrs.CodeStoreNoClient || c == qrs.CodeStoreNoRoot {
			continue // set-up codes, not diagnoses: identity_test.go produces them
		}
		if !produced[c] {
			t.Errorf("no scenario produces %s", c)
		}
	}
}

func closedPort(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	_ = ln.Close()
	return addr
}

func plainHTTP(t *testing.T) string {
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { _, _ = w.Write([]byte("hello")) }))
	t.Cleanup(s.Close)
	return strings.TrimPrefix(s.URL, "http://")
}

// A refused connection names the port that was called: the Engine's for the
// Engine check, the QRS's for the QRS check.
func TestConnectionRefusedNamesThePortOfTheCheck(t *testing.T) {
	id := identityOf(t, legacy(t))
	o := qrs.Options{Host: "qlik.corp.example", Address: closedPort(t), Port: 4242, EnginePort: 4747, Timeout: 2 * time.Second}
	for _, c := range []struct {
		name string
		test func(context.Context, *qrs.Identity, qrs.Options) *qrs.Diagnosis
		port string
	}{{"qrs", qrs.Test, "4242"}, {"engine", qrs.TestEngine, "4747"}} {
		d := c.test(t.Context(), id, o)
		if d.Code != qrs.CodeConnectionRefused || d.Params["port"] != c.port {
			t.Errorf("%s: %s port=%q, want connection-refused port=%s", c.name, d.Code, d.Params["port"], c.port)
		}
	}
}
