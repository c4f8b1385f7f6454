package qrs

import (
	"bytes"
	"context"
	"crypto/tls"
	"errors"
	"net"
	"net/http"
	"reflect"
	"strconv"
	"strings"

	"qscert/certs/coded"
)

// diagnoseError turns a failed call to port into a code. The order
// matters: our own refusal of the server first, then the network, then what
// the server did to our certificate. port is the service's (the QRS's or
// the Engine's), so that the advice names the port that was called.
func diagnoseError(err error, st *handshakeState, o Options, servicePort int) *coded.Error {
	host := o.Host
	port := strconv.Itoa(servicePort)
	if e := coded.As(err); e != nil {
		return e // verifyServer refused the server: tls-untrusted-server or tls-host-mismatch
	}
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) {
		return coded.New(CodeDNSFailed, err, "host", host)
	}
	if isConnectionRefused(err) {
		return coded.New(CodeConnectionRefused, err, "host", host, "port", port)
	}
	if isTimeout(err) {
		return coded.New(CodeTimeout, err, "host", host, "port", port, "seconds", strconv.FormatFloat(o.Timeout.Seconds(), 'f', -1, 64))
	}
	if alert, ok := remoteAlert(err); ok {
		name := strings.TrimPrefix(alert.Error(), "tls: ")
		if aboutOurCertificate(alert) || st.clientCertSent.Load() {
			return coded.New(CodeTLSClientRejected, err, "host", host, "reason", ReasonAlert, "alert", name)
		}
		return coded.New(CodeTLSHandshakeFailed, err, "host", host, "alert", name)
	}
	if st.clientCertSent.Load() {
		// We accepted the server and sent our certificate, and the
		// connection died before any answer: the way a server that checks
		// certificates after the TLS 1.3 handshake, or silently, refuses one.
		return coded.New(CodeTLSClientRejected, err, "host", host, "reason", ReasonClosed)
	}
	return coded.New(CodeTLSHandshakeFailed, err, "host", host)
}

func isTimeout(err error) bool {
	if errors.Is(err, context.DeadlineExceeded) {
		return true
	}
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// remoteAlert returns the TLS alert the server sent, if that is what ended
// the connection. crypto/tls reports it as a *net.OpError "remote error"
// around its unexported alert type, a uint8; the number is read through
// reflection rather than by parsing the text. tls.AlertError is checked too,
// for QUIC and future versions that expose it.
func remoteAlert(err error) (tls.AlertError, bool) {
	var ae tls.AlertError
	if errors.As(err, &ae) {
		return ae, true
	}
	var op *net.OpError
	if errors.As(err, &op) && op.Op == "remote error" && op.Err != nil {
		if v := reflect.ValueOf(op.Err); v.Kind() == reflect.Uint8 {
			return tls.AlertError(v.Uint()), true
		}
	}
	return 0, false
}

// TLS alerts (RFC 8446 section 6.2) by which a server says it refused the
// client's certificate.
const (
	alertBadCertificate         = 42
	alertUnsupportedCertificate = 43
	alertCertificateRevoked     = 44
	alertCertificateExpired     = 45
	alertCertificateUnknown     = 46
	alertUnknownCA              = 48
	alertAccessDenied           = 49
	alertCertificateRequired    = 116
)

func aboutOurCertificate(a tls.AlertError) bool {
	switch a {
	case alertBadCertificate, alertUnsupportedCertificate, alertCertificateRevoked, alertCertificateExpired,
		alertCertificateUnknown, alertUnknownCA, alertAccessDenied, alertCertificateRequired:
		return true
	}
	return false
}

// nginx checks client certificates after the handshake and answers its own
// 400 pages (internally 495 and 496). These sentences are the only sign it
// gives; they are nginx's, not ours, and have not changed since 2010.
var (
	nginxCertError = []byte("The SSL certificate error")
	nginxNoCert    = []byte("No required SSL certificate was sent")
)

// diagnoseResponse turns the server's answer into a code.
func diagnoseResponse(status int, h http.Header, body []byte, d *Diagnosis, s service, o Options) *coded.Error {
	host := o.Host
	server := h.Get("Server")
	switch {
	case status >= 200 && status < 300:
		if s.parse(body, d) {
			return coded.New(CodeOK, nil, "host", host)
		}
		return coded.New(s.notIt, errors.New("reply is not the service's JSON"), "host", host, "url", d.URL,
			"status", statusText(status), "contentType", h.Get("Content-Type"), "server", server)
	case status == 495 || (status == http.StatusBadRequest && bytes.Contains(body, nginxCertError)):
		return coded.New(CodeTLSClientRejected, errors.New(statusText(status)+" from "+server), "host", host, "reason", ReasonProxyRefused, "server", server)
	case status == 496 || (status == http.StatusBadRequest && bytes.Contains(body, nginxNoCert)):
		return coded.New(CodeTLSClientRejected, errors.New(statusText(status)+" from "+server), "host", host, "reason", ReasonProxyNoCert, "server", server)
	case status == http.StatusBadRequest:
		// We send the same key in the query and the header, so a 400 means
		// something on the way changed one of them.
		return coded.New(CodeHTTP400Xrfkey, errors.New(snippet(body)), "host", host)
	case status == http.StatusUnauthorized:
		return coded.New(CodeHTTP401, errors.New(snippet(body)), "host", host, "authenticate", h.Get("WWW-Authenticate"))
	case status == http.StatusForbidden:
		return coded.New(CodeHTTP403, errors.New(snippet(body)), "host", host, "user", QlikUser)
	}
	return coded.New(CodeHTTPError, errors.New(snippet(body)), "host", host, "url", d.URL, "status", statusText(status), "server", server)
}

// snippet keeps the start of a reply for the support detail.
func snippet(body []byte) string {
	const max = 200
	if len(body) > max {
		body = body[:max]
	}
	return strings.ToValidUTF8(strings.TrimSpace(string(body)), "…")
}
