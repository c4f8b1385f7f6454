//go:build windows

package store_test

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"math/big"
	"testing"
	"time"

	"qscert/certs/qlik"
	"qscert/certs/store"
)

// BenchmarkWindowsList lists LocalMachine\Root as the machine has it
// (under Wine: the host's CA certificates) and CurrentUser\My filled with
// 1,000 generated certificates, removed again at the end. Run it with
// tools/wine/test-windows.sh -run '^$' -bench WindowsList ./certs/store
func BenchmarkWindowsList(b *testing.B) {
	s, err := store.OpenWindows()
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()

	b.Run("LocalMachineRoot", func(b *testing.B) {
		benchList(b, s, store.LocalMachineRoot)
	})

	b.Run("CurrentUserMy-1000", func(b *testing.B) {
		certs := generateCerts(b, 1000)
		tps := make([]string, len(certs))
		for i, c := range certs {
			tps[i] = qlik.Thumbprint(c)
		}
		start := time.Now()
		if err := store.FillStore(store.CurrentUserMy, certs); err != nil {
			b.Fatal(err)
		}
		b.Logf("filled with %d certificates in %v", len(certs), time.Since(start))
		b.Cleanup(func() {
			start := time.Now()
			if err := store.EmptyStore(store.CurrentUserMy, tps); err != nil {
				b.Error(err)
			}
			b.Logf("emptied in %v", time.Since(start))
		})
		benchList(b, s, store.CurrentUserMy)
		// One Add and one Remove in a store that big, as an install does.
		extra := generateCerts(b, 1)[0]
		start = time.Now()
		if err := s.Add(store.CurrentUserMy, extra, nil, "qscert bench"); err != nil {
			b.Fatal(err)
		}
		added := time.Since(start)
		start = time.Now()
		if err := s.Remove(store.CurrentUserMy, qlik.Thumbprint(extra)); err != nil {
			b.Fatal(err)
		}
		b.Logf("in that store: Add %v, Remove %v", added, time.Since(start))
	})
}

func benchList(b *testing.B, s store.Store, loc store.Location) {
	// The first open can be much slower (Wine imports the host's root
	// certificates then); b.Loop times the steady state.
	if _, err := s.List(loc); err != nil {
		b.Fatal(err)
	}
	var n int
	for b.Loop() {
		entries, err := s.List(loc)
		if err != nil {
			b.Fatal(err)
		}
		n = len(entries)
	}
	if n == 0 {
		b.Fatalf("%s listed no certificate", loc)
	}
	b.ReportMetric(float64(n), "certs")
}

// generateCerts makes n distinct small certificates quickly: one P-256
// key signs them all.
func generateCerts(b *testing.B, n int) []*x509.Certificate {
	b.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		b.Fatal(err)
	}
	out := make([]*x509.Certificate, 0, n)
	for i := range n {
		tmpl := &x509.Certificate{
			SerialNumber: big.NewInt(int64(i) + 1),
			Subject:      pkix.Name{CommonName: "qscert bench " + time.Now().Format(time.RFC3339Nano)},
			NotBefore:    time.Now().Add(-time.Hour),
			NotAfter:     time.Now().Add(24 * time.Hour),
		}
		der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
		if err != nil {
			b.Fatal(err)
		}
		c, err := x509.ParseCertificate(der)
		if err != nil {
			b.Fatal(err)
		}
		out = append(out, c)
	}
	return out
}
