package install_test

import (
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"math/big"
	"testing"
	"time"

	"qscert/certs/certstest"
	"qscert/certs/install"
	"qscert/certs/qlik"
	"qscert/certs/store"
	"qscert/certs/store/storetest"
)

// A root whose Qlik extension was stripped (or that predates it) is still
// a Qlik root when it issued QlikClient; an Active Directory CA, also named
// "...-CA", is not.
func TestClassifyRecognisesRootsByWhatTheyIssued(t *testing.T) {
	key, err := certstest.NewKey(2048)
	if err != nil {
		t.Fatal(err)
	}
	rootTmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "old-central.example-CA"},
		NotBefore: testNow.Add(-time.Hour), NotAfter: testNow.AddDate(5, 0, 0)}
	rootDER, err := x509.CreateCertificate(rand.Reader, rootTmpl, rootTmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	root := mustParse(rootDER)
	clientTmpl := &x509.Certificate{SerialNumber: big.NewInt(2), Subject: pkix.Name{CommonName: qlik.ClientName},
		NotBefore: testNow.Add(-time.Hour), NotAfter: testNow.AddDate(5, 0, 0)}
	clientDER, err := x509.CreateCertificate(rand.Reader, clientTmpl, root, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	s := storetest.NewMemory()
	for _, c := range []struct {
		loc  store.Location
		cert *x509.Certificate
	}{
		{store.LocalMachineRoot, root},
		{store.CurrentUserMy, mustParse(clientDER)},
		{store.LocalMachineRoot, unrelatedCA(t, "corp-DC01-CA")},
	} {
		if err := s.Add(c.loc, c.cert, nil, ""); err != nil {
			t.Fatal(err)
		}
	}
	found, err := install.Classify(nil, s)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]install.Class{}
	for _, f := range found {
		c, _ := f.Certificate()
		got[c.Subject.CommonName] = f.Class
	}
	want := map[string]install.Class{"old-central.example-CA": install.ClassQlik, qlik.ClientName: install.ClassQlik, "corp-DC01-CA": install.ClassUnrelated}
	for cn, class := range want {
		if got[cn] != class {
			t.Errorf("%s: class %q, want %q", cn, got[cn], class)
		}
	}
}
