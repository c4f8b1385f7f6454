package qrs

import (
	"context"
	"crypto/tls"
	"errors"
	"net"
	"net/http"
	"strconv"
	"time"

	"qscert/certs/coded"
	"qscert/certs/qlik"
)

// service is what differs between the QRS call and the Engine's.
type service struct {
	name  string
	path  string
	port  func(Options) int
	parse func(body []byte, d *Diagnosis) bool // fills d on a valid reply
	notIt coded.Code                           // a 2xx that is not this service
}

var qrsService = service{
	name: "qrs", path: AboutPath, notIt: CodeNotQRS,
	port: func(o Options) int { return o.Port },
	parse: func(body []byte, d *Diagnosis) bool {
		a, ok := parseAbout(body)
		d.About = a
		return ok
	},
}

var engineService = service{
	name: "engine", path: EngineHealthPath, notIt: CodeNotEngine,
	port: func(o Options) int { return o.EnginePort },
	parse: func(body []byte, d *Diagnosis) bool {
		h, ok := parseEngineHealth(body)
		d.Engine = h
		return ok
	},
}

// Test calls GET https://HOST:PORT/qrs/about with the identity's client
// certificate, trusting only its root, and diagnoses the outcome. It makes
// one connection and one request. It never returns nil.
func Test(ctx context.Context, id *Identity, opts Options) *Diagnosis {
	return run(ctx, id, opts, qrsService)
}

// TestEngine calls GET https://HOST:ENGINEPORT/engine/healthcheck the same
// way. It is a separate check: a QRS that answers does not mean the Engine
// does, and the other way round.
func TestEngine(ctx context.Context, id *Identity, opts Options) *Diagnosis {
	return run(ctx, id, opts, engineService)
}

func run(ctx context.Context, id *Identity, opts Options, s service) *Diagnosis {
	o := opts.withDefaults()
	start := time.Now()
	d := &Diagnosis{Check: s.name, URL: "https://" + net.JoinHostPort(o.Host, strconv.Itoa(s.port(o))) + s.path}
	defer func() { d.ElapsedMS = time.Since(start).Milliseconds() }()
	if !qlik.ValidHostName(o.Host) {
		// An empty host would dial this machine, and a host with a path or
		// a user in it is not a name at all: never call what was not meant.
		d.set(coded.New(CodeDNSFailed, errors.New("not a host name"), "host", o.Host))
		return d
	}
	if id == nil || id.Client == nil || id.Signer == nil || id.Root == nil {
		d.set(coded.New(CodeTLSHandshakeFailed, errors.New("incomplete identity"), "host", o.Host))
		return d
	}
	ctx, cancel := context.WithTimeout(ctx, o.Timeout)
	defer cancel()
	st := &handshakeState{}
	key := NewXrfkey()
	resp, err := newClient(id, o, st).R().
		SetContext(ctx).
		SetQueryParam("xrfkey", key).
		SetHeader("X-Qlik-Xrfkey", key).
		SetHeader("X-Qlik-User", QlikUser).
		SetHeader("Accept", "application/json").
		Get(d.URL)
	d.ClientCertificateSent = st.clientCertSent.Load()
	if err != nil {
		d.set(diagnoseError(err, st, o, s.port(o)))
		return d
	}
	raw := resp.RawResponse
	if raw != nil && raw.TLS != nil {
		d.TLSVersion = tls.VersionName(raw.TLS.Version)
	}
	d.Status = resp.StatusCode()
	d.set(diagnoseResponse(resp.StatusCode(), resp.Header(), resp.Body(), d, s, o))
	return d
}

// statusText is "403 Forbidden".
func statusText(code int) string {
	if t := http.StatusText(code); t != "" {
		return strconv.Itoa(code) + " " + t
	}
	return strconv.Itoa(code)
}
