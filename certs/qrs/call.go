package qrs

import (
	"context"
	"errors"
	"net"
	"strconv"

	"qscert/certs/coded"
	"qscert/certs/qlik"
)

// Call makes one request to the QRS API (method, a path such as
// "/qrs/servernodeconfiguration/full", and a JSON body or nil) with the
// identity's client certificate, and returns the body of a 2xx reply. The
// connection is made and verified exactly as Test makes it: the server's
// certificate must come from the identity's pinned root and name the host
// (qscert's own verifier, never Go's, which refuses Qlik's CA; never none),
// with a fresh xrfkey and X-Qlik-User as sa_repository. Any other outcome
// is the diagnosis's coded error: connection-refused, tls-untrusted-server,
// http-403, ... The central node's recreate procedure lists the rim nodes
// and redistributes certificates with it.
func Call(ctx context.Context, id *Identity, opts Options, method, path string, body any) ([]byte, error) {
	o := opts.withDefaults()
	url := "https://" + net.JoinHostPort(o.Host, strconv.Itoa(o.Port)) + path
	if !qlik.ValidHostName(o.Host) {
		return nil, coded.New(CodeDNSFailed, errors.New("not a host name"), "host", o.Host)
	}
	if id == nil || id.Client == nil || id.Signer == nil || id.Root == nil {
		return nil, coded.New(CodeTLSHandshakeFailed, errors.New("incomplete identity"), "host", o.Host)
	}
	ctx, cancel := context.WithTimeout(ctx, o.Timeout)
	defer cancel()
	st := &handshakeState{}
	key := NewXrfkey()
	req := newClient(id, o, st).R().
		SetContext(ctx).
		SetQueryParam("xrfkey", key).
		SetHeader("X-Qlik-Xrfkey", key).
		SetHeader("X-Qlik-User", QlikUser).
		SetHeader("Accept", "application/json")
	if body != nil {
		req.SetHeader("Content-Type", "application/json").SetBody(body)
	}
	resp, err := req.Execute(method, url)
	if err != nil {
		return nil, diagnoseError(err, st, o, o.Port)
	}
	if s := resp.StatusCode(); s >= 200 && s < 300 {
		return resp.Body(), nil
	}
	d := &Diagnosis{Check: qrsService.name, URL: url}
	return nil, diagnoseResponse(resp.StatusCode(), resp.Header(), resp.Body(), d, qrsService, o)
}
