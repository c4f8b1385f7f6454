package store_test

import (
	"os"
	"os/exec"
	"testing"

	"qscert/certs/certstest"
	"qscert/certs/qlik"
	"qscert/certs/store"
	"qscert/certs/store/storetest"
)

// runPersistence adds a certificate in a child process and checks this
// process sees it through a fresh store, then removes it the same way.
func runPersistence(t *testing.T, open func(t *testing.T) store.Store, env ...string) {
	exp := storetest.TestExport(t)
	tp := qlik.Thumbprint(exp.Server.Cert)
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
	e, ok := storetest.FindEntry(t, s, store.CurrentUserMy, tp)
	s.Close()
	if !ok || !e.HasPrivateKey {
		t.Fatalf("certificate added by another process: listed=%v key=%v", ok, e.HasPrivateKey)
	}
	child("remove")
	s = open(t)
	defer s.Close()
	if _, ok := storetest.FindEntry(t, s, store.CurrentUserMy, tp); ok {
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
		err = s.Remove(store.CurrentUserMy, qlik.Thumbprint(cert))
	}
	if err != nil {
		t.Fatal(err)
	}
}
