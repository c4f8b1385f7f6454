//go:build !windows

package store_test

import (
	"testing"

	"qscert/certs/store"
)

func TestOpenWindowsUnsupportedHere(t *testing.T) {
	s, err := store.OpenWindows()
	if s != nil {
		t.Fatal("OpenWindows returned a store off Windows")
	}
	wantCode(t, err, store.CodeStoreUnsupported)
}
