package install_test

import (
	"crypto/ed25519"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"testing"
	"time"

	"qscert/certs/certstest"
	"qscert/certs/install"
	"qscert/certs/store"
	"qscert/certs/store/storetest"
)

// Goal (issue 3): classifying a store of 10,000 mostly unrelated
// certificates takes under 100 ms on the memory and folder stores, and
// grows linearly (1k, 10k, 100k).

// unrelatedCerts makes n distinct non-Qlik certificates quickly (Ed25519).
func unrelatedCerts(b *testing.B, n int) []*x509.Certificate {
	_, key, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		b.Fatal(err)
	}
	out := make([]*x509.Certificate, n)
	for i := range out {
		tmpl := &x509.Certificate{SerialNumber: big.NewInt(int64(i + 1)),
			Subject:   pkix.Name{CommonName: fmt.Sprintf("service-%d.corp.example", i), Organization: []string{"Corp"}},
			NotBefore: testNow.Add(-time.Hour), NotAfter: testNow.AddDate(1, 0, 0)}
		der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, key.Public(), key)
		if err != nil {
			b.Fatal(err)
		}
		out[i] = mustParse(der)
	}
	return out
}

// fillStore puts n-3 unrelated certificates and a Qlik install in s. For a
// folder store the unrelated ones are written straight into its bundles:
// adding 100,000 one by one would rewrite a bundle 100,000 times.
func fillStore(b *testing.B, s store.Store, n int) {
	exp1, _, _ := exports(b)
	bundles := map[store.Location][]byte{}
	for i, c := range unrelatedCerts(b, n-3) {
		loc := store.Locations[i%len(store.Locations)]
		if _, ok := s.(*store.Folder); ok {
			bundles[loc] = append(bundles[loc], certstest.CertPEM(c)...)
			continue
		}
		if err := s.Add(loc, c, nil, ""); err != nil {
			b.Fatal(err)
		}
	}
	if f, ok := s.(*store.Folder); ok {
		for loc, data := range bundles {
			dir := filepath.Join(f.Root(), string(loc.Scope), loc.Name)
			if err := os.MkdirAll(dir, 0o700); err != nil {
				b.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, store.FolderBundleName), data, 0o644); err != nil {
				b.Fatal(err)
			}
		}
	}
	plan, err := install.PlanInstall(exp1, s, install.InstallOptions{})
	if err != nil {
		b.Fatal(err)
	}
	if _, err := plan.Apply(nil); err != nil {
		b.Fatal(err)
	}
}

func benchmarkClassify(b *testing.B, s store.Store, n int) {
	fillStore(b, s, n)
	_, exp2, _ := exports(b)
	b.ResetTimer()
	for b.Loop() {
		found, err := install.Classify(exp2, s)
		if err != nil {
			b.Fatal(err)
		}
		if len(found) != n {
			b.Fatalf("found %d, want %d", len(found), n)
		}
	}
}

func BenchmarkClassifyMemory(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 100_000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) { benchmarkClassify(b, storetest.NewMemory(), n) })
	}
}

func BenchmarkClassifyFolder(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 100_000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			f, err := store.OpenFolder(b.TempDir())
			if err != nil {
				b.Fatal(err)
			}
			benchmarkClassify(b, f, n)
		})
	}
}
