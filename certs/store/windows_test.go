//go:build windows

package store_test

import (
	"testing"

	"qscert/certs/store"
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
	runContract(t, openWindows)
}

func TestWindowsPersistence(t *testing.T) {
	runPersistence(t, openWindows, "QSCERT_CHILD_STORE=windows")
}
