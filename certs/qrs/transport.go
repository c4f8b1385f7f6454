package qrs

import (
	"context"
	"crypto/tls"
	"net"
	"net/http"
	"sync/atomic"

	"github.com/go-resty/resty/v2"
)

// handshakeState records what happened during the TLS handshake, which the
// error alone does not say: whether the server asked for our certificate
// (and so got it) and whether we accepted the server's.
type handshakeState struct {
	clientCertSent atomic.Bool
	serverVerified atomic.Bool
}

// tlsConfig is the TLS configuration of a connection test.
//
// InsecureSkipVerify is true only to replace Go's verifier, never to skip
// verification: Go's verifier rejects every real Qlik site (its CA has no
// basicConstraints, its server certificates may name the host only in the
// CN), and setting RootCAs does not change that. crypto/tls calls
// VerifyConnection whether or not InsecureSkipVerify is set, on full
// handshakes and resumptions alike, and aborts the handshake when it
// returns an error; verifyServer does the complete check there (pinned
// root signature, issuer, validity, host name). The tls-untrusted-server
// and tls-host-mismatch scenarios of TestDiagnosis prove that it refuses,
// and that no request reaches a refused server.
func tlsConfig(id *Identity, o Options, st *handshakeState) *tls.Config {
	verify := verifyServer(id.Root, o.Host, o.Now)
	cert := id.tlsCertificate()
	return &tls.Config{
		MinVersion:         tls.VersionTLS12,
		ServerName:         sniName(o.Host),
		InsecureSkipVerify: true, // replaced by VerifyConnection, see above
		VerifyConnection: func(cs tls.ConnectionState) error {
			if err := verify(cs); err != nil {
				return err
			}
			st.serverVerified.Store(true)
			return nil
		},
		// Always present the certificate when asked, even if the server's
		// list of acceptable CAs does not name our root: a refusal then
		// shows as tls-client-rejected instead of a confusing 401.
		GetClientCertificate: func(*tls.CertificateRequestInfo) (*tls.Certificate, error) {
			st.clientCertSent.Store(true)
			return cert, nil
		},
	}
}

// sniName is the server name sent in the handshake; IP addresses are not
// sent (RFC 6066 forbids them).
func sniName(host string) string {
	if net.ParseIP(host) != nil {
		return ""
	}
	return host
}

// newClient builds a resty client that makes exactly one connection: no
// keep-alive, no session cache (every test is a full handshake), no proxy
// (the product connects directly), no redirects (the QRS does not redirect;
// a 3xx is diagnosed, not followed).
func newClient(id *Identity, o Options, st *handshakeState) *resty.Client {
	dialer := &net.Dialer{}
	transport := &http.Transport{
		TLSClientConfig:   tlsConfig(id, o, st),
		DisableKeepAlives: true,
		Proxy:             nil,
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			if o.Address != "" {
				addr = o.Address
			}
			return dialer.DialContext(ctx, network, addr)
		},
	}
	return resty.NewWithClient(&http.Client{Transport: transport}).
		SetRedirectPolicy(resty.RedirectPolicyFunc(func(*http.Request, []*http.Request) error {
			return http.ErrUseLastResponse
		})).
		SetResponseBodyLimit(maxBody).
		SetDisableWarn(true).
		SetHeader("User-Agent", "qscert")
}
