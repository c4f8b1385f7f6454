//go:build !windows

package store

import "qscert/certs/coded"

// OpenWindows exists on Windows only; elsewhere it says so with a coded
// error, so that callers need no build tags.
func OpenWindows() (Store, error) {
	return nil, coded.New(CodeStoreUnsupported, nil, "store", "windows")
}
