package storetest

import (
	"bytes"
	"crypto"
	"crypto/rsa"
	"crypto/sha256"
	"sync"
	"testing"
	"time"

	"qscert/certs/certstest"
	"qscert/certs/coded"
	"qscert/certs/qlik"
	"qscert/certs/store"
)

// Contract is what every Store passes: memory (memory_test.go), folder
// (certs/store/folder_test.go) and windows under Wine
// (certs/store/windows_test.go). Tests work with certificates they make themselves
// and compare with what was there before, so they also run against a real
// Windows store that already holds certificates.

var (
	fixtureOnce sync.Once
	fixture     *certstest.Export
	fixtureErr  error
)

// TestExport is the export the contract works with, made once per test binary.
func TestExport(t testing.TB) *certstest.Export {
	t.Helper()
	fixtureOnce.Do(func() {
		fixture, fixtureErr = certstest.NewExport("contract-central.example", "contract-machine.example",
			certstest.StyleLegacy, time.Now())
	})
	if fixtureErr != nil {
		t.Fatal(fixtureErr)
	}
	return fixture
}

// FindEntry returns the entry of thumbprint in loc, failing the test if it
// is listed twice.
func FindEntry(t *testing.T, s store.Store, loc store.Location, thumbprint string) (store.Entry, bool) {
	t.Helper()
	entries, err := s.List(loc)
	if err != nil {
		t.Fatalf("List(%s): %v", loc, err)
	}
	found := 0
	var got store.Entry
	for _, e := range entries {
		if e.Thumbprint() == thumbprint {
			found++
			got = e
		}
	}
	if found > 1 {
		t.Fatalf("%s holds %s %d times", loc, thumbprint, found)
	}
	return got, found == 1
}

// WantCode fails the test unless err has code.
func WantCode(t *testing.T, err error, code coded.Code) {
	t.Helper()
	if got := coded.CodeOf(err); got != code {
		t.Fatalf("error = %v (code %q), want code %q", err, got, code)
	}
}

// Contract runs the store contract against the stores open returns;
// each call of open must give a store over the same data.
func Contract(t *testing.T, open func(t *testing.T) store.Store) {
	exp := TestExport(t)
	root, client := exp.Root.Cert, exp.Client
	rootTP, clientTP := qlik.Thumbprint(root), qlik.Thumbprint(client.Cert)

	s := open(t)
	defer s.Close()
	t.Cleanup(func() {
		// Leave a real store as we found it even when a step fails.
		_ = s.Remove(store.CurrentUserRoot, rootTP)
		_ = s.Remove(store.CurrentUserMy, clientTP)
	})

	t.Run("check", func(t *testing.T) {
		for _, loc := range []store.Location{store.CurrentUserMy, store.CurrentUserRoot} {
			if err := s.Check(loc, true); err != nil {
				t.Fatalf("Check(%s, write): %v", loc, err)
			}
		}
		WantCode(t, s.Check(store.Location{Scope: store.CurrentUser, Name: "Nonsense"}, false), store.CodeBadLocation)
	})

	t.Run("add-certificate-without-key", func(t *testing.T) {
		if err := s.Add(store.CurrentUserRoot, root, nil, "qscert contract root"); err != nil {
			t.Fatal(err)
		}
		e, ok := FindEntry(t, s, store.CurrentUserRoot, rootTP)
		if !ok {
			t.Fatal("root not listed after Add")
		}
		if e.HasPrivateKey {
			t.Error("root listed with a private key")
		}
		if !bytes.Equal(e.Raw, root.Raw) {
			t.Error("listed certificate differs from the one added")
		}
		if e.FriendlyName != "qscert contract root" {
			t.Errorf("friendly name = %q", e.FriendlyName)
		}
		if c, err := e.Certificate(); err != nil || c.Subject.CommonName != root.Subject.CommonName {
			t.Errorf("Certificate() = %v, %v", c, err)
		}
		if e.Location != store.CurrentUserRoot {
			t.Errorf("location = %v", e.Location)
		}
		// Adding again is not an error and does not duplicate.
		if err := s.Add(store.CurrentUserRoot, root, nil, "qscert contract root"); err != nil {
			t.Fatal(err)
		}
		FindEntry(t, s, store.CurrentUserRoot, rootTP)
		_, err := s.Signer(store.CurrentUserRoot, rootTP)
		WantCode(t, err, store.CodeNoKey)
	})

	t.Run("add-certificate-with-key-and-sign", func(t *testing.T) {
		if err := s.Add(store.CurrentUserMy, client.Cert, client.Key, "qscert contract client"); err != nil {
			t.Fatal(err)
		}
		e, ok := FindEntry(t, s, store.CurrentUserMy, clientTP)
		if !ok || !e.HasPrivateKey {
			t.Fatalf("client listed=%v with key=%v, want both", ok, e.HasPrivateKey)
		}
		signer, err := s.Signer(store.CurrentUserMy, clientTP)
		if err != nil {
			t.Fatal(err)
		}
		digest := sha256.Sum256([]byte("qscert contract"))
		sig, err := signer.Sign(nil, digest[:], crypto.SHA256)
		if err != nil {
			t.Fatal(err)
		}
		pub := client.Cert.PublicKey.(*rsa.PublicKey)
		if err := rsa.VerifyPKCS1v15(pub, crypto.SHA256, digest[:], sig); err != nil {
			t.Fatalf("signature from the store's key does not verify: %v", err)
		}
	})

	t.Run("export-remove-import-round-trip", func(t *testing.T) {
		pfx, err := s.ExportPFX(store.CurrentUserMy, clientTP, "round-trip-pass")
		if err != nil {
			t.Fatal(err)
		}
		cert, key, err := store.DecodePFX(pfx, "round-trip-pass")
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(cert.Raw, client.Cert.Raw) {
			t.Fatal("exported certificate differs")
		}
		if !client.Key.Equal(key) {
			t.Fatal("exported key differs")
		}
		if _, _, err := store.DecodePFX(pfx, "not-the-password"); err == nil {
			t.Fatal("exported PFX opens with any password")
		}
		if err := s.Remove(store.CurrentUserMy, clientTP); err != nil {
			t.Fatal(err)
		}
		if _, ok := FindEntry(t, s, store.CurrentUserMy, clientTP); ok {
			t.Fatal("client still listed after Remove")
		}
		WantCode(t, s.Remove(store.CurrentUserMy, clientTP), store.CodeCertNotFound)
		_, err = s.ExportPFX(store.CurrentUserMy, clientTP, "x")
		WantCode(t, err, store.CodeCertNotFound)
		if err := s.Add(store.CurrentUserMy, cert, key, "qscert contract client"); err != nil {
			t.Fatal(err)
		}
		if e, ok := FindEntry(t, s, store.CurrentUserMy, clientTP); !ok || !e.HasPrivateKey {
			t.Fatal("re-imported client missing or without key")
		}
	})

	t.Run("remove", func(t *testing.T) {
		for _, c := range []struct {
			loc store.Location
			tp  string
		}{{store.CurrentUserRoot, rootTP}, {store.CurrentUserMy, clientTP}} {
			if err := s.Remove(c.loc, c.tp); err != nil {
				t.Fatal(err)
			}
			if _, ok := FindEntry(t, s, c.loc, c.tp); ok {
				t.Fatalf("%s still in %s", c.tp, c.loc)
			}
		}
	})
}
