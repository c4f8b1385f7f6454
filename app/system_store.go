package app

import (
	"runtime"

	"qscert/certs/coded"
	"qscert/certs/store"
)

// systemStore opens the certificate store of this operating system. The
// Windows store (crypt32) and the folder store come from their own issues;
// until they are merged this says so in the user's language.
func systemStore() (store.Store, error) {
	return nil, coded.New(store.CodeStoreUnsupported, nil, "os", runtime.GOOS)
}
