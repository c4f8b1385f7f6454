//go:build !windows

package store_test

import (
	"testing"

	"qscert/certs/store"
	"qscert/certs/store/storetest"
)

func TestOpenWindowsUnsupportedHere(t *testing.T) {
	s, err := store.OpenWindows()
	if s != nil {
		t.Fatal("OpenWindows returned a store off Windows")
	}
	storetest.WantCode(t, err, store.CodeStoreUnsupported)
}
