package central

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"

	"qscert/certs/coded"
	"qscert/certs/qrs"
)

// QRSAPI is the Repository Service's certificate API over qrs.Call: the
// connection test's TLS (the pinned new root, qscert's own verifier) and
// headers, with the new QlikClient.
type QRSAPI struct {
	ID      *qrs.Identity
	Options qrs.Options
}

func (q *QRSAPI) Nodes(ctx context.Context) ([]ServerNode, error) {
	body, err := qrs.Call(ctx, q.ID, q.Options, http.MethodGet, "/qrs/servernodeconfiguration/full", nil)
	if err != nil {
		return nil, err
	}
	var nodes []ServerNode
	if err := json.Unmarshal(body, &nodes); err != nil {
		return nil, coded.New(qrs.CodeNotQRS, err, "host", q.Options.Host, "url", "/qrs/servernodeconfiguration/full")
	}
	return nodes, nil
}

func (q *QRSAPI) Distribute(ctx context.Context, nodeID string) (string, error) {
	path := "/qrs/certificatedistribution/distributecertificate/" + url.PathEscape(nodeID)
	body, err := qrs.Call(ctx, q.ID, q.Options, http.MethodGet, path, nil)
	if err != nil {
		return "", err
	}
	var password string
	if err := json.Unmarshal(body, &password); err != nil {
		return "", coded.New(qrs.CodeNotQRS, err, "host", q.Options.Host, "url", path)
	}
	return password, nil
}

func (q *QRSAPI) Export(ctx context.Context, req ExportRequest) (string, error) {
	format := "Windows"
	if req.PEM {
		format = "Pem"
	}
	params := map[string]any{"machineNames": req.Machines, "certificatePassword": req.Password,
		"includeSecretsKey": req.IncludeKey, "exportFormat": format}
	body, err := qrs.Call(ctx, q.ID, q.Options, http.MethodPost, "/qrs/certificatedistribution/exportcertificates", params)
	if err != nil {
		return "", err
	}
	var folder string
	if err := json.Unmarshal(body, &folder); err != nil {
		return "", coded.New(qrs.CodeNotQRS, err, "host", q.Options.Host, "url", "/qrs/certificatedistribution/exportcertificates")
	}
	return folder, nil
}

// Close frees the identity's key handle.
func (q *QRSAPI) Close() error {
	q.ID.Close()
	return nil
}
