package qrs_test

import (
	"context"
	"crypto"
	"crypto/x509"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"qscert/certs/certstest"
	"qscert/certs/qrs"
	"qscert/certs/qrs/qrstest"
	"qscert/certs/store"
)

const (
	siteHost = "qlik-central.corp.example"
	machine  = "reporting01.corp.example"
)

// Generating RSA keys is the slow part of these tests; each style's export
// is made once.
var (
	exportsMu sync.Mutex
	exports   = map[string]*certstest.Export{}
)

func siteExport(t testing.TB, style certstest.Style, name string) *certstest.Export {
	t.Helper()
	return exportFor(t, style, siteHost, name)
}

func exportFor(t testing.TB, style certstest.Style, host, name string) *certstest.Export {
	t.Helper()
	exportsMu.Lock()
	defer exportsMu.Unlock()
	key := string(style) + "/" + host + "/" + name
	if e, ok := exports[key]; ok {
		return e
	}
	e, err := certstest.NewExport(host, machine, style, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	exports[key] = e
	return e
}

// legacy is the export of the site every test server belongs to.
func legacy(t testing.TB) *certstest.Export { return siteExport(t, certstest.StyleLegacy, "site") }

// otherSite is an export of an unrelated Qlik site.
func otherSite(t testing.TB) *certstest.Export {
	return exportFor(t, certstest.StyleLegacy, "qlik-other.corp.example", "other")
}

// recreatedSite is the same site after its certificates were recreated:
// same names, new keys.
func recreatedSite(t testing.TB) *certstest.Export {
	return siteExport(t, certstest.StyleLegacy, "recreated")
}

func identityOf(t testing.TB, e *certstest.Export) *qrs.Identity {
	t.Helper()
	return &qrs.Identity{Client: e.Client.Cert, Signer: e.Client.Key, Root: e.Root.Cert, Source: "test"}
}

func startQRS(t testing.TB, e *certstest.Export, o qrstest.Options) *qrstest.Server {
	t.Helper()
	s, err := qrstest.Start(e, o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

// optionsFor connects to the server by its certificate's name.
func optionsFor(s *qrstest.Server) qrs.Options {
	return qrs.Options{Host: s.Host, Port: s.Port, EnginePort: s.Port, Address: s.Addr, Timeout: 5 * time.Second}
}

func test(t testing.TB, id *qrs.Identity, o qrs.Options) *qrs.Diagnosis {
	t.Helper()
	return qrs.Test(context.Background(), id, o)
}

func mustAdd(t *testing.T, s store.Store, loc store.Location, c *x509.Certificate, key crypto.PrivateKey) {
	t.Helper()
	if err := s.Add(loc, c, key, ""); err != nil {
		t.Fatal(err)
	}
}

func removeFile(t *testing.T, dir, name string) {
	t.Helper()
	if err := os.Remove(filepath.Join(dir, name)); err != nil {
		t.Fatal(err)
	}
}
