package qrstest

import (
	"time"

	"qscert/certs/certstest"
)

// Options are the switches that make the simulated QRS misbehave, one per
// diagnosis a user can meet. The zero value is a healthy QRS.
type Options struct {
	// Host is the name the server's certificate is issued for, by the
	// export's root, as a central node's own certificate is. Default
	// "localhost". Connecting by any other name gives tls-host-mismatch.
	Host string
	// ServerCert replaces that certificate: one from another site gives
	// tls-untrusted-server, an expired one too.
	ServerCert *certstest.Issued

	Respond401    bool // answer 401 with WWW-Authenticate, as Qlik does when it falls back to Windows authentication
	Respond403    bool // answer 403, as for a user without rights
	RespondNotQRS bool // answer 200 with an HTML page, as another web server would
	RespondStatus int  // answer this status (500, 503...) to every request: http-error
	// StripXrfkeyHeader drops X-Qlik-Xrfkey before the QRS sees it, as a
	// misconfigured reverse proxy does; the QRS then answers 400.
	StripXrfkeyHeader bool
	// Hang accepts connections and never answers: timeout.
	Hang bool
	// OldTLSOnly speaks only TLS 1.0 and 1.1, which qscert refuses:
	// tls-handshake-failed.
	OldTLSOnly bool
	// MaxTLSVersion caps the version (tls.VersionTLS12 exercises the TLS 1.2
	// path, where the client certificate is refused during the handshake).
	MaxTLSVersion uint16
	// CloseAfterHandshake drops every connection once the handshake is done,
	// without an answer or an alert, as servers that refuse a certificate
	// silently do.
	CloseAfterHandshake bool

	// Now is the time client certificates are checked at; default time.Now.
	Now func() time.Time

	// Central, when set, makes the server answer the central node's
	// certificate API too (central.go).
	Central *Central
}
