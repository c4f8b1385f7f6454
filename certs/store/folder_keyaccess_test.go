package store_test

import (
	"testing"

	"qscert/certs/store"
	"qscert/certs/store/storetest"
)

func TestFolderKeyAccessUnsupported(t *testing.T) {
	f, err := store.CreateFolder(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	var g store.KeyAccessGranter = f
	undo, err := g.GrantKeyRead(store.LocalMachineMy, "AB", "S-1-5-20")
	if undo != nil {
		t.Error("an undo for a grant that did not happen")
	}
	storetest.WantCode(t, err, store.CodeKeyAccessUnsupported)
	ok, err := g.CanRead(store.LocalMachineMy, "AB", "S-1-5-20")
	if ok {
		t.Error("CanRead said yes")
	}
	storetest.WantCode(t, err, store.CodeKeyAccessUnsupported)
}
