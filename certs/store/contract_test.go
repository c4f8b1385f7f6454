package store_test

import (
	"bytes"
	"crypto"
	"crypto/rsa"
	"crypto/sha256"
	"os"
	"os/exec"
	"sync"
	"testing"
	"time"

	"qscert/certs/certstest"
	"qscert/certs/coded"
	"qscert/certs/store"
)

// The contract every Store passes: memory and folder here, windows under
// Wine (windows_test.go). Tests work with certificates they make themselves
// and compare with what was there before, so they also run against a real
// Windows store that already holds certificates.

var (
	fixtureOnce sync.Once
	fixture     *certstest.Export
	fixtureErr  error
)

func testExport(t testing.TB) *certstest.Export {
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

func findEntry(t *testing.T, s store.Store, loc store.Location, thumbprint string) (store.Entry, bool) {
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

func wantCode(t *testing.T, err error, code coded.Code) {
	t.Helper()
	if got := coded.CodeOf(err); got != code {
		t.Fatalf("error = %v (code %q), want code %q", err, got, code)
	}
}

// runContract runs the store contract against the stores open returns;
// each call of open must give a store over the same data.
func runContract(t *testing.T, open func(t *testing.T) store.Store) {
	exp := testExport(t)
	root, client := exp.Root.Cert, exp.Client
	rootTP, clientTP := store.Thumbprint(root), store.Thumbprint(client.Cert)

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
		wantCode(t, s.Check(store.Location{Scope: store.CurrentUser, Name: "Nonsense"}, false), store.CodeBadLocation)
	})

	t.Run("add-certificate-without-key", func(t *testing.T) {
		if err := s.Add(store.CurrentUserRoot, root, nil, "qscert contract root"); err != nil {
			t.Fatal(err)
		}
		e, ok := findEntry(t, s, store.CurrentUserRoot, rootTP)
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
		findEntry(t, s, store.CurrentUserRoot, rootTP)
		_, err := s.Signer(store.CurrentUserRoot, rootTP)
		wantCode(t, err, store.CodeNoKey)
	})

	t.Run("add-certificate-with-key-and-sign", func(t *testing.T) {
		if err := s.Add(store.CurrentUserMy, client.Cert, client.Key, "qscert contract client"); err != nil {
			t.Fatal(err)
		}
		e, ok := findEntry(t, s, store.CurrentUserMy, clientTP)
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
		if _, ok := findEntry(t, s, store.CurrentUserMy, clientTP); ok {
			t.Fatal("client still listed after Remove")
		}
		wantCode(t, s.Remove(store.CurrentUserMy, clientTP), store.CodeCertNotFound)
		_, err = s.ExportPFX(store.CurrentUserMy, clientTP, "x")
		wantCode(t, err, store.CodeCertNotFound)
		if err := s.Add(store.CurrentUserMy, cert, key, "qscert contract client"); err != nil {
			t.Fatal(err)
		}
		if e, ok := findEntry(t, s, store.CurrentUserMy, clientTP); !ok || !e.HasPrivateKey {
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
			if _, ok := findEntry(t, s, c.loc, c.tp); ok {
				t.Fatalf("%s still in %s", c.tp, c.loc)
			}
		}
	})
}

// runPersistence adds a certificate in a child process and checks this
// process sees it through a fresh store, then removes it the same way.
func runPersistence(t *testing.T, open func(t *testing.T) store.Store, env ...string) {
	exp := testExport(t)
	tp := store.Thumbprint(exp.Server.Cert)
	dir := t.TempDir()
	if err := certstest.WriteFile(dir, "server.pfx", mustPFX(t, exp.Server), 0o600); err != nil {
		t.Fatal(err)
	}
	child := func(action string) {
		cmd := exec.Command(os.Args[0], "-test.run=^TestPersistenceChild$", "-test.v")
		cmd.Env = append(os.Environ(), append(env, "QSCERT_CHILD_ACTION="+action, "QSCERT_CHILD_PFX="+dir+"/server.pfx")...)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("child %s: %v\n%s", action, err, out)
		}
	}
	child("add")
	s := open(t)
	e, ok := findEntry(t, s, store.CurrentUserMy, tp)
	s.Close()
	if !ok || !e.HasPrivateKey {
		t.Fatalf("certificate added by another process: listed=%v key=%v", ok, e.HasPrivateKey)
	}
	child("remove")
	s = open(t)
	defer s.Close()
	if _, ok := findEntry(t, s, store.CurrentUserMy, tp); ok {
		t.Fatal("certificate removed by another process is still listed")
	}
}

func mustPFX(t *testing.T, is *certstest.Issued) []byte {
	t.Helper()
	data, err := store.EncodePFX(is.Cert, is.Key, "child-pass")
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// childStore is set by the test file of each persistent store kind to open
// the store a child process should change.
var childStore = map[string]func() (store.Store, error){}

// TestPersistenceChild is the child half of runPersistence; it does nothing
// unless run by it.
func TestPersistenceChild(t *testing.T) {
	action := os.Getenv("QSCERT_CHILD_ACTION")
	if action == "" {
		t.Skip("run by runPersistence only")
	}
	openStore := childStore[os.Getenv("QSCERT_CHILD_STORE")]
	if openStore == nil {
		t.Fatalf("unknown child store %q", os.Getenv("QSCERT_CHILD_STORE"))
	}
	s, err := openStore()
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	data, err := os.ReadFile(os.Getenv("QSCERT_CHILD_PFX"))
	if err != nil {
		t.Fatal(err)
	}
	cert, key, err := store.DecodePFX(data, "child-pass")
	if err != nil {
		t.Fatal(err)
	}
	switch action {
	case "add":
		err = s.Add(store.CurrentUserMy, cert, key, "qscert persistence")
	case "remove":
		err = s.Remove(store.CurrentUserMy, store.Thumbprint(cert))
	}
	if err != nil {
		t.Fatal(err)
	}
}

func TestMemoryContract(t *testing.T) {
	m := store.NewMemory()
	runContract(t, func(*testing.T) store.Store { return m })
}

func TestMemoryReportsMissingAndReadOnly(t *testing.T) {
	m := store.NewMemory()
	m.Missing[store.LocalMachineRoot] = true
	m.ReadOnly[store.CurrentUserMy] = true
	wantCode(t, m.Check(store.LocalMachineRoot, false), store.CodeStoreMissing)
	wantCode(t, m.Check(store.CurrentUserMy, true), store.CodeStoreReadOnly)
	if err := m.Check(store.CurrentUserMy, false); err != nil {
		t.Fatalf("reading a read-only store: %v", err)
	}
	wantCode(t, m.Add(store.CurrentUserMy, testExport(t).Root.Cert, nil, ""), store.CodeStoreReadOnly)
}
