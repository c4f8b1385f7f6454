//go:build windows

package store_test

import (
	"bytes"
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"strings"
	"testing"

	"qscert/certs/qlik"
	"qscert/certs/store"
	"qscert/certs/store/storetest"
)

// These run on real crypt32: under Wine in CI (tools/wine/test-windows.sh)
// and on Windows itself. They change the account's and the machine's
// stores and clean up after themselves.

func init() {
	childStore["windows"] = store.OpenWindows
}

func openWindows(t *testing.T) store.Store {
	t.Helper()
	s, err := store.OpenWindows()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestWindowsContract(t *testing.T) {
	storetest.Contract(t, openWindows)
}

func TestWindowsPersistence(t *testing.T) {
	runPersistence(t, openWindows, "QSCERT_CHILD_STORE=windows")
}

// cleanupRemove removes tp from loc when the test ends, whatever happened.
func cleanupRemove(t *testing.T, s store.Store, loc store.Location, tp string) {
	t.Cleanup(func() { _ = s.Remove(loc, tp) })
}

func signAndVerify(t *testing.T, signer crypto.Signer, pub *rsa.PublicKey) {
	t.Helper()
	for _, h := range []crypto.Hash{crypto.SHA256, crypto.SHA384, crypto.SHA512, crypto.SHA1} {
		hh := h.New()
		hh.Write([]byte("qscert windows"))
		digest := hh.Sum(nil)
		sig, err := signer.Sign(rand.Reader, digest, h)
		if err != nil {
			t.Fatalf("Sign(%v): %v", h, err)
		}
		if err := rsa.VerifyPKCS1v15(pub, h, digest, sig); err != nil {
			t.Fatalf("%v signature does not verify: %v", h, err)
		}
	}
	// RSA-PSS needs a CNG key: Windows hands one out, Wine a CryptoAPI
	// key that refuses PSS. Either a good signature or an error, never a
	// bad signature.
	digest := sha256.Sum256([]byte("qscert windows"))
	opts := &rsa.PSSOptions{SaltLength: rsa.PSSSaltLengthEqualsHash, Hash: crypto.SHA256}
	if sig, err := signer.Sign(rand.Reader, digest[:], opts); err == nil {
		if err := rsa.VerifyPSS(pub, crypto.SHA256, digest[:], sig, opts); err != nil {
			t.Fatalf("PSS signature does not verify: %v", err)
		}
	} else {
		t.Logf("PSS: %v", err)
	}
}

// The server certificate goes to LocalMachine\My with its key in the
// machine key set; the key must then sign for it.
func TestWindowsLocalMachineKeySigns(t *testing.T) {
	s := openWindows(t)
	defer s.Close()
	server := storetest.TestExport(t).Server
	tp := qlik.Thumbprint(server.Cert)
	cleanupRemove(t, s, store.LocalMachineMy, tp)
	if err := s.Check(store.LocalMachineMy, true); err != nil {
		t.Fatal(err)
	}
	if err := s.Add(store.LocalMachineMy, server.Cert, server.Key, "qscert server"); err != nil {
		t.Fatal(err)
	}
	if e, ok := storetest.FindEntry(t, s, store.LocalMachineMy, tp); !ok || !e.HasPrivateKey || e.FriendlyName != "qscert server" {
		t.Fatalf("listed=%v key=%v name=%q", ok, e.HasPrivateKey, e.FriendlyName)
	}
	// Not in the user's store: the scopes are apart.
	if _, ok := storetest.FindEntry(t, s, store.CurrentUserMy, tp); ok {
		t.Fatal("LocalMachine certificate listed in CurrentUser\\My")
	}
	signer, err := s.Signer(store.LocalMachineMy, tp)
	if err != nil {
		t.Fatal(err)
	}
	if !server.Key.PublicKey.Equal(signer.Public()) {
		t.Fatal("signer's public key is not the certificate's")
	}
	signAndVerify(t, signer, &server.Key.PublicKey)
	// The key lives in the machine key set and goes with the certificate.
	name, exists := store.KeyContainerOf(t, store.LocalMachineMy, tp)
	if !exists() {
		t.Fatalf("key container %s not found before Remove", name)
	}
	if err := s.Remove(store.LocalMachineMy, tp); err != nil {
		t.Fatal(err)
	}
	if exists() {
		t.Fatalf("key container %s left behind by Remove", name)
	}
	_, err = s.Signer(store.LocalMachineMy, tp)
	storetest.WantCode(t, err, store.CodeCertNotFound)
}

// A key imported without "exportable" cannot be backed up, yet still signs:
// what lets a TLS check use a key the administrator locked in.
func TestWindowsNonExportableKey(t *testing.T) {
	s := openWindows(t)
	defer s.Close()
	client := storetest.TestExport(t).Client
	tp := qlik.Thumbprint(client.Cert)
	cleanupRemove(t, s, store.CurrentUserMy, tp)
	if err := store.AddNonExportable(s, store.CurrentUserMy, client.Cert, client.Key, "qscert locked"); err != nil {
		t.Fatal(err)
	}
	_, err := s.ExportPFX(store.CurrentUserMy, tp, "pass")
	storetest.WantCode(t, err, store.CodeKeyNotExportable)
	signer, err := s.Signer(store.CurrentUserMy, tp)
	if err != nil {
		t.Fatal(err)
	}
	signAndVerify(t, signer, &client.Key.PublicKey)
}

// A certificate already there without its key gains the key when added
// again with it, and a certificate alone exports as a certificate-only PFX.
func TestWindowsAddKeyToExistingCertificate(t *testing.T) {
	s := openWindows(t)
	defer s.Close()
	client := storetest.TestExport(t).Client
	tp := qlik.Thumbprint(client.Cert)
	cleanupRemove(t, s, store.CurrentUserMy, tp)
	const name = "qscert clé ünïcode"
	if err := s.Add(store.CurrentUserMy, client.Cert, nil, name); err != nil {
		t.Fatal(err)
	}
	pfx, err := s.ExportPFX(store.CurrentUserMy, tp, "pass")
	if err != nil {
		t.Fatal(err)
	}
	cert, key, err := store.DecodePFX(pfx, "pass")
	if err != nil || key != nil || !bytes.Equal(cert.Raw, client.Cert.Raw) {
		t.Fatalf("certificate-only export: cert=%v key=%v err=%v", cert != nil, key != nil, err)
	}
	_, err = s.Signer(store.CurrentUserMy, tp)
	storetest.WantCode(t, err, store.CodeNoKey)
	if err := s.Add(store.CurrentUserMy, client.Cert, client.Key, name); err != nil {
		t.Fatal(err)
	}
	e, ok := storetest.FindEntry(t, s, store.CurrentUserMy, tp)
	if !ok || !e.HasPrivateKey {
		t.Fatalf("after adding the key: listed=%v key=%v", ok, e.HasPrivateKey)
	}
	if e.FriendlyName != name {
		t.Errorf("friendly name = %q, want %q", e.FriendlyName, name)
	}
	signer, err := s.Signer(store.CurrentUserMy, tp)
	if err != nil {
		t.Fatal(err)
	}
	signAndVerify(t, signer, &client.Key.PublicKey)
}

func TestWindowsRejectsBadInput(t *testing.T) {
	s := openWindows(t)
	defer s.Close()
	bad := store.Location{Scope: store.LocalMachine, Name: "CA"}
	_, err := s.List(bad)
	storetest.WantCode(t, err, store.CodeBadLocation)
	storetest.WantCode(t, s.Add(bad, storetest.TestExport(t).Root.Cert, nil, ""), store.CodeBadLocation)
	storetest.WantCode(t, s.Add(store.CurrentUserMy, &x509.Certificate{}, nil, ""), store.CodeStoreFailed)
	storetest.WantCode(t, s.Add(store.CurrentUserMy, nil, nil, ""), store.CodeStoreFailed)
	// A key that is not the certificate's is refused, and nothing is added.
	exp := storetest.TestExport(t)
	cleanupRemove(t, s, store.CurrentUserMy, qlik.Thumbprint(exp.Client.Cert))
	storetest.WantCode(t, s.Add(store.CurrentUserMy, exp.Client.Cert, exp.Server.Key, ""), store.CodeStoreFailed)
	if _, ok := storetest.FindEntry(t, s, store.CurrentUserMy, qlik.Thumbprint(exp.Client.Cert)); ok {
		t.Fatal("certificate added with another certificate's key")
	}
	for _, tp := range []string{"", "zz", "ABCD", strings.Repeat("0", 40)} {
		storetest.WantCode(t, s.Remove(store.CurrentUserMy, tp), store.CodeCertNotFound)
		_, err := s.Signer(store.CurrentUserMy, tp)
		storetest.WantCode(t, err, store.CodeCertNotFound)
		_, err = s.ExportPFX(store.CurrentUserMy, tp, "x")
		storetest.WantCode(t, err, store.CodeCertNotFound)
	}
}
