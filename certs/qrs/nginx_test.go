package qrs_test

import (
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"qscert/certs/certstest"
	"qscert/certs/qlik"
	"qscert/certs/qrs"
	"qscert/certs/qrs/nginxtest"
)

// startNginx runs nginx with a server certificate for localhost from
// server's site and clientCA as ssl_client_certificate.
func startNginx(t testing.TB, server *certstest.Export, clientCA *certstest.Export) *nginxtest.Peer {
	t.Helper()
	if _, err := nginxtest.Binary(); errors.Is(err, nginxtest.ErrNotInstalled) {
		// scripts/test.sh installs nginx and sets this, so that CI never
		// passes by skipping the real peer.
		if os.Getenv("QSCERT_REQUIRE_NGINX") != "" {
			t.Fatal("nginx is required here: " + err.Error())
		}
		t.Skip("nginx tests skipped: " + err.Error())
	}
	now := time.Now()
	cert, err := server.Site.Issue(qlik.RoleServer, "localhost", now.Add(-time.Hour), now.AddDate(1, 0, 0))
	if err != nil {
		t.Fatal(err)
	}
	p, err := nginxtest.Start(t.TempDir(), nginxtest.Config{Server: cert, ClientCA: clientCA.Root.Cert})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = p.Stop() })
	return p
}

func nginxOptions(p *nginxtest.Peer) qrs.Options {
	return qrs.Options{Host: "localhost", Port: p.Port, Address: p.Addr, Timeout: 5 * time.Second}
}

func TestNginxAcceptsAModernExport(t *testing.T) {
	site := siteExport(t, certstest.StyleModern, "site")
	p := startNginx(t, site, site)
	d := test(t, identityOf(t, site), nginxOptions(p))
	if !d.OK() {
		t.Fatalf("diagnosis %s %v: %s\nnginx log:\n%s", d.Code, d.Params, d.Detail, p.Log())
	}
	if d.About == nil || d.About.BuildVersion != "14.173.4" || !d.ClientCertificateSent {
		t.Errorf("about %+v, client certificate sent %v", d.About, d.ClientCertificateSent)
	}
	// One full handshake ("."), one request, as the benchmark assumes.
	lines := strings.Split(strings.TrimSpace(waitForAccessLog(p)), "\n")
	if len(lines) != 1 || !strings.Contains(lines[0], " . TLSv1.3 \"GET /qrs/about?xrfkey=") || !strings.HasSuffix(lines[0], " 200") {
		t.Errorf("nginx access log:\n%s", p.AccessLog())
	}
}

// TestNginxRejectsAClientFromAnotherSite: nginx checks client certificates
// after the handshake and answers its own 400 page; the diagnosis must
// still say the server refused our certificate.
func TestNginxRejectsAClientFromAnotherSite(t *testing.T) {
	site, other := siteExport(t, certstest.StyleModern, "site"), exportFor(t, certstest.StyleModern, "qlik-other.corp.example", "other")
	p := startNginx(t, site, site)
	id := identityOf(t, site)
	id.Client, id.Signer = other.Client.Cert, other.Client.Key
	d := test(t, id, nginxOptions(p))
	if d.Code != qrs.CodeTLSClientRejected || d.Params["reason"] != qrs.ReasonProxyRefused || !strings.HasPrefix(d.Params["server"], "nginx") {
		t.Fatalf("diagnosis %s %v: %s", d.Code, d.Params, d.Detail)
	}
	if !strings.Contains(p.Log(), "client SSL certificate verify error") {
		t.Errorf("nginx did not log a verify error:\n%s", p.Log())
	}
}

func TestNginxServerFromAnotherRootIsUntrusted(t *testing.T) {
	site, other := siteExport(t, certstest.StyleModern, "site"), exportFor(t, certstest.StyleModern, "qlik-other.corp.example", "other")
	p := startNginx(t, site, site)
	id := identityOf(t, site)
	id.Root = other.Root.Cert
	d := test(t, id, nginxOptions(p))
	if d.Code != qrs.CodeTLSUntrustedServer || d.Params["reason"] != qrs.ReasonNotSignedByRoot {
		t.Fatalf("diagnosis %s %v: %s", d.Code, d.Params, d.Detail)
	}
}

// TestNginxByIPAddress: the modern server certificate names localhost in a
// DNS SAN; connecting by 127.0.0.1 must be refused with localhost suggested.
func TestNginxByIPAddress(t *testing.T) {
	site := siteExport(t, certstest.StyleModern, "site")
	p := startNginx(t, site, site)
	o := nginxOptions(p)
	o.Host, o.Address = "127.0.0.1", ""
	d := test(t, identityOf(t, site), o)
	if d.Code != qrs.CodeTLSHostMismatch || d.Params["suggest"] != "localhost" {
		t.Fatalf("diagnosis %s %v: %s", d.Code, d.Params, d.Detail)
	}
}

func TestNginxStoppedRefusesConnections(t *testing.T) {
	site := siteExport(t, certstest.StyleModern, "site")
	p := startNginx(t, site, site)
	_ = p.Stop()
	d := test(t, identityOf(t, site), nginxOptions(p))
	if d.Code != qrs.CodeConnectionRefused {
		t.Fatalf("diagnosis %s %v: %s", d.Code, d.Params, d.Detail)
	}
}

// TestNginxRefusesTheLegacyCA documents what a real Qlik export meets at an
// OpenSSL peer. nginx starts with Qlik's CA (no basicConstraints, no
// keyUsage) as ssl_client_certificate and serves a server certificate it
// signed; the handshake completes (nginx's verify callback defers the
// verdict), then nginx answers the request with its 400 "The SSL
// certificate error" page and logs OpenSSL's verdict on the chain: "(26:
// unsuitable certificate purpose)" with OpenSSL 3, because a certificate
// without basicConstraints cannot act as a CA for client authentication.
// qscert, checking the signature itself, accepts nginx's certificate from
// the same CA, so the diagnosis is that the server refused ours.
func TestNginxRefusesTheLegacyCA(t *testing.T) {
	site := legacy(t)
	p := startNginx(t, site, site)
	d := test(t, identityOf(t, site), nginxOptions(p))
	if d.Code != qrs.CodeTLSClientRejected || d.Params["reason"] != qrs.ReasonProxyRefused {
		t.Fatalf("diagnosis %s %v: %s\nnginx log:\n%s", d.Code, d.Params, d.Detail, p.Log())
	}
	log := p.Log()
	t.Logf("nginx says: %s", verifyErrorLine(log))
	// With nginx's sslclient purpose OpenSSL 3.0 reports 26 (unsuitable
	// certificate purpose); `openssl verify` without a purpose reports 79
	// (invalid CA certificate). Either is the legacy CA refused.
	if !strings.Contains(log, "unsuitable certificate purpose") && !strings.Contains(log, "invalid CA certificate") {
		t.Errorf("nginx log does not show OpenSSL refusing the legacy CA:\n%s", log)
	}
}

func verifyErrorLine(log string) string {
	for _, l := range strings.Split(log, "\n") {
		if strings.Contains(l, "verify error") {
			return l
		}
	}
	return ""
}

// waitForAccessLog returns the access log once it has a line: nginx writes
// it after it has sent the answer, so it may lag behind the client a little.
func waitForAccessLog(p *nginxtest.Peer) string {
	for range 100 {
		if log := p.AccessLog(); strings.HasSuffix(log, "\n") {
			return log
		}
		time.Sleep(10 * time.Millisecond)
	}
	return p.AccessLog()
}
