//go:build !windows

package store

import "qscert/certs/coded"

// OpenWindows reports that the Windows certificate store exists only on
// Windows; elsewhere qscert uses a folder store.
func OpenWindows() (Store, error) {
	return nil, coded.New(CodeStoreUnsupported, nil)
}
