package store_test

import (
	"testing"
	"time"

	"qscert/certs/qlik"
	"qscert/certs/store"
	"qscert/certs/store/storetest"
)

// A reader takes no lock, yet never sees half a change: while another
// process adds and removes a certificate with its key as fast as it can,
// every listing shows the certificate with its key or not at all, and
// every Signer either finds the key or says cert-not-found.
func TestReaderNeverSeesHalfAChange(t *testing.T) {
	if testing.Short() {
		t.Skip("races a writer process")
	}
	c := newLockCase(t, "folder")
	exp := storetest.TestExport(t)
	tp := qlik.Thumbprint(exp.Server.Cert)
	writer := startLockChild(t, c, "churn", "QSCERT_CHILD_PFX="+writePFXFile(t, exp.Server))
	writer.expect(t, "churning")
	f := openFolder(t, c.dir)
	store.SlowReads(t, 2*time.Millisecond) // a writer's whole change fits in the pause
	var with, without int
	deadline := time.Now().Add(3 * time.Second)
	for time.Now().Before(deadline) || with < 20 || without < 20 {
		if time.Now().After(deadline.Add(30 * time.Second)) {
			t.Fatalf("the writer's changes were seen %d/%d times: it does not churn", with, without)
		}
		entries, err := f.List(store.CurrentUserMy)
		if err != nil {
			t.Fatal(err)
		}
		switch len(entries) {
		case 0:
			without++
		case 1:
			if !entries[0].HasPrivateKey || entries[0].Thumbprint() != tp || entries[0].FriendlyName != "churn" {
				t.Fatalf("half a change seen: %s key=%v name=%q", entries[0].Thumbprint(), entries[0].HasPrivateKey, entries[0].FriendlyName)
			}
			with++
		default:
			t.Fatalf("%d entries", len(entries))
		}
		if _, err := f.Signer(store.CurrentUserMy, tp); err != nil && !isCode(err, store.CodeCertNotFound) {
			t.Fatalf("Signer during a change: %v", err)
		}
	}
	t.Logf("%d listings with the certificate, %d without", with, without)
}
