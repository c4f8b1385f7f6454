package qrs_test

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"

	"qscert/certs/coded"
	"qscert/certs/qrs"
	"qscert/certs/qrs/qrstest"
)

func centralQRS(t *testing.T, o qrstest.Options) (*qrstest.Server, *qrstest.Central) {
	t.Helper()
	c := &qrstest.Central{
		Nodes: []qrstest.ServerNode{
			{ID: "c0", Name: "Central", HostName: siteHost, IsCentral: true},
			{ID: "r1", Name: "Rim 1", HostName: "qlik-rim1.corp.example"},
		},
		Export: func(p qrstest.ExportParameters) (string, error) {
			return `C:\ProgramData\Qlik\Sense\Repository\Exported Certificates`, nil
		},
	}
	if o.Central == nil {
		o.Central = c
	}
	return startQRS(t, legacy(t), o), o.Central
}

// Call speaks to the QRS API as Test does: the rim nodes, a
// redistribution's password, an export.
func TestCallReadsNodesDistributesAndExports(t *testing.T) {
	s, c := centralQRS(t, qrstest.Options{})
	id, o, ctx := identityOf(t, legacy(t)), optionsFor(s), context.Background()

	body, err := qrs.Call(ctx, id, o, http.MethodGet, "/qrs/servernodeconfiguration/full", nil)
	if err != nil {
		t.Fatal(err)
	}
	var nodes []qrstest.ServerNode
	if err := json.Unmarshal(body, &nodes); err != nil || len(nodes) != 2 || nodes[1].HostName != "qlik-rim1.corp.example" {
		t.Fatalf("nodes %s: %v", body, err)
	}
	body, err = qrs.Call(ctx, id, o, http.MethodGet, "/qrs/certificatedistribution/distributecertificate/r1", nil)
	var password string
	if err != nil || json.Unmarshal(body, &password) != nil || password == "" || c.Distributed()["r1"] != password {
		t.Fatalf("distribute: %s, %v; recorded %v", body, err, c.Distributed())
	}
	params := map[string]any{"machineNames": []string{"rep01"}, "certificatePassword": "Export-pw-2026", "includeSecretsKey": true, "exportFormat": "Pem"}
	if _, err = qrs.Call(ctx, id, o, http.MethodPost, "/qrs/certificatedistribution/exportcertificates", params); err != nil {
		t.Fatal(err)
	}
	if ex := c.Exports(); len(ex) != 1 || !ex[0].PEM() || ex[0].MachineNames[0] != "rep01" || ex[0].CertificatePassword != "Export-pw-2026" {
		t.Fatalf("exports %+v", ex)
	}
}

// What went wrong has the connection test's codes.
func TestCallFailuresHaveTheDiagnosisCodes(t *testing.T) {
	ctx := context.Background()
	s, _ := centralQRS(t, qrstest.Options{Respond403: true})
	_, err := qrs.Call(ctx, identityOf(t, legacy(t)), optionsFor(s), http.MethodGet, "/qrs/servernodeconfiguration/full", nil)
	if coded.CodeOf(err) != qrs.CodeHTTP403 {
		t.Errorf("403: %v", err)
	}
	s, _ = centralQRS(t, qrstest.Options{Central: &qrstest.Central{Refuse: http.StatusServiceUnavailable}})
	_, err = qrs.Call(ctx, identityOf(t, legacy(t)), optionsFor(s), http.MethodGet, "/qrs/servernodeconfiguration/full", nil)
	if coded.CodeOf(err) != qrs.CodeHTTPError {
		t.Errorf("503: %v", err)
	}
	// A client that trusts the recreated site's root refuses this server:
	// never a request to a server it does not trust.
	s, _ = centralQRS(t, qrstest.Options{})
	_, err = qrs.Call(ctx, identityOf(t, recreatedSite(t)), optionsFor(s), http.MethodGet, "/qrs/servernodeconfiguration/full", nil)
	if coded.CodeOf(err) != qrs.CodeTLSUntrustedServer || s.Requests() != 0 {
		t.Errorf("untrusted: %v, %d requests", err, s.Requests())
	}
	_, err = qrs.Call(ctx, identityOf(t, legacy(t)), qrs.Options{Host: "bad host"}, http.MethodGet, "/qrs/about", nil)
	if coded.CodeOf(err) != qrs.CodeDNSFailed {
		t.Errorf("bad host: %v", err)
	}
}
