package centraltest

import (
	"context"
	"crypto/rsa"
	"errors"
	"fmt"
	"path/filepath"
	"sync"
	"time"

	"qscert/certs/central"
	"qscert/certs/certstest"
	"qscert/certs/coded"
	"qscert/certs/qlik"
	"qscert/certs/qrs"
	"qscert/certs/qrs/qrstest"
	"qscert/certs/store"
)

// simQRS is the simulated node's Repository Service: a qrstest server on
// loopback, started when the procedure connects (the Repository service
// must "run"), presenting the server certificate of LocalMachine\My and
// trusting the root of LocalMachine\Root, as the real one does, with the
// central node's certificate API.
type simQRS struct {
	dir  string
	mu   sync.Mutex
	srvs []*qrstest.Server
}

// LastCentral is the API of the last server started, for tests: what was
// distributed and exported.
var (
	lastCentralMu sync.Mutex
	lastCentral   *qrstest.Central
)

// LastCentral returns the certificate API the simulated QRS served last.
func LastCentral() *qrstest.Central {
	lastCentralMu.Lock()
	defer lastCentralMu.Unlock()
	return lastCentral
}

func (q *simQRS) open(ctx context.Context, id *qrs.Identity) (central.QRS, error) {
	nf, err := ReadNode(q.dir)
	if err != nil {
		return nil, err
	}
	if !running(q.dir, central.ServiceRepository) {
		return nil, coded.New(qrs.CodeConnectionRefused, errors.New("the simulated Repository Service is stopped"), "host", nf.FQDN, "port", "4242")
	}
	machine, err := store.OpenFolder(filepath.Join(q.dir, MachineStore))
	if err != nil {
		return nil, err
	}
	server, err := withKey(machine, store.LocalMachineMy, func(e store.Entry) bool {
		c, err := e.Certificate()
		return err == nil && c.Subject.CommonName == nf.FQDN && qlik.SignedBy(c, id.Root)
	})
	if err != nil {
		return nil, err
	}
	root, err := withKey(machine, store.LocalMachineRoot, func(e store.Entry) bool { return e.Thumbprint() == qlik.Thumbprint(id.Root) })
	if err != nil {
		return nil, err
	}
	site := &certstest.Site{Host: nf.FQDN, Style: nf.Style, Root: root.Cert, RootKey: root.Key, Now: time.Now()}
	api := &qrstest.Central{Nodes: []qrstest.ServerNode{{ID: "6a1f0e32-7b1c-4d4e-9c1a-2f3b4c5d6e00", Name: "Central", HostName: nf.FQDN, IsCentral: true}},
		Export: func(p qrstest.ExportParameters) (string, error) { return q.export(site, p) }}
	for _, r := range nf.RimNodes {
		api.Nodes = append(api.Nodes, qrstest.ServerNode{ID: r.ID, Name: r.Name, HostName: r.HostName})
	}
	if ReadBehaviour(q.dir).FailAt == "qrs" {
		api.Refuse = 503
	}
	srv, err := qrstest.Start(&certstest.Export{Site: site, Root: &certstest.Issued{Cert: root.Cert, Key: root.Key}},
		qrstest.Options{Host: nf.FQDN, ServerCert: server, Central: api})
	if err != nil {
		return nil, err
	}
	q.mu.Lock()
	q.srvs = append(q.srvs, srv)
	q.mu.Unlock()
	lastCentralMu.Lock()
	lastCentral = api
	lastCentralMu.Unlock()
	return &central.QRSAPI{ID: id, Options: qrs.Options{Host: nf.FQDN, Port: srv.Port, Address: srv.Addr, Timeout: 10 * time.Second}}, nil
}

// export writes what exportcertificates asks for into Exported
// Certificates, made from the new root, as the QMC does.
func (q *simQRS) export(site *certstest.Site, p qrstest.ExportParameters) (string, error) {
	dir := filepath.Join(q.dir, exportedPath)
	format := qlik.FormatWindows
	if p.PEM() {
		format = qlik.FormatPEM
	}
	for _, m := range p.MachineNames {
		if !qlik.ValidHostName(m) {
			return "", fmt.Errorf("%q is not a machine name", m)
		}
		exp, err := site.NewExport(m)
		if err != nil {
			return "", err
		}
		if err := exp.Write(filepath.Join(dir, m), certstest.WriteOptions{Format: format, Password: p.CertificatePassword}); err != nil {
			return "", err
		}
	}
	return dir, nil
}

func (q *simQRS) close() error {
	q.mu.Lock()
	defer q.mu.Unlock()
	for _, s := range q.srvs {
		_ = s.Close()
	}
	q.srvs = nil
	return nil
}

// withKey finds the certificate of loc that match accepts, with its key.
func withKey(s store.Store, loc store.Location, match func(store.Entry) bool) (*certstest.Issued, error) {
	entries, err := s.List(loc)
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		if !e.HasPrivateKey || !match(e) {
			continue
		}
		pfx, err := s.ExportPFX(loc, e.Thumbprint(), "simulated")
		if err != nil {
			return nil, err
		}
		cert, key, err := store.DecodePFX(pfx, "simulated")
		if err != nil {
			return nil, err
		}
		rk, ok := key.(*rsa.PrivateKey)
		if !ok {
			return nil, errors.New("not an RSA key")
		}
		return &certstest.Issued{Cert: cert, Key: rk}, nil
	}
	return nil, coded.New(store.CodeCertNotFound, nil, "store", s.Name(), "location", loc.String())
}
