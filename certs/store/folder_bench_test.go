package store_test

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"os"
	"path/filepath"
	"testing"
	"time"

	"qscert/certs/qlik"
	"qscert/certs/store"
	"qscert/certs/store/storetest"
)

// benchBundle writes a location of n certificates straight to disk (adding
// them one by one would take minutes of fsyncs).
func benchBundle(b *testing.B, n int) string {
	b.Helper()
	dir := b.TempDir()
	loc := filepath.Join(dir, "LocalMachine", "Root")
	if err := os.MkdirAll(loc, 0o700); err != nil {
		b.Fatal(err)
	}
	key, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	var buf []byte
	for i := range n {
		tmpl := &x509.Certificate{SerialNumber: big.NewInt(int64(i + 1)), Subject: pkix.Name{CommonName: "bench"},
			NotBefore: time.Now(), NotAfter: time.Now().Add(time.Hour)}
		der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
		if err != nil {
			b.Fatal(err)
		}
		buf = append(buf, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})...)
	}
	if err := os.WriteFile(filepath.Join(loc, store.FolderBundleName), buf, 0o644); err != nil {
		b.Fatal(err)
	}
	return dir
}

func BenchmarkFolderList10000(b *testing.B) {
	dir := benchBundle(b, 10000)
	f, err := store.OpenFolder(dir)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		if entries, err := f.List(store.LocalMachineRoot); err != nil || len(entries) != 10000 {
			b.Fatal(len(entries), err)
		}
	}
}

// An Add and a Remove of a keyed certificate: the fsyncs are the cost.
func BenchmarkFolderAddRemoveWithKey(b *testing.B) {
	dir := b.TempDir()
	f, err := store.OpenFolder(dir)
	if err != nil {
		b.Fatal(err)
	}
	exp := storetest.TestExport(b)
	tp := qlik.Thumbprint(exp.Client.Cert)
	b.ResetTimer()
	for b.Loop() {
		if err := f.Add(store.CurrentUserMy, exp.Client.Cert, exp.Client.Key, "QlikClient"); err != nil {
			b.Fatal(err)
		}
		if err := f.Remove(store.CurrentUserMy, tp); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkOpenFolder(b *testing.B) {
	dir := benchBundle(b, 10)
	for b.Loop() {
		if _, err := store.OpenFolder(dir); err != nil {
			b.Fatal(err)
		}
	}
}
