package app

import (
	"strings"

	"qscert/certs/coded"
	"qscert/certs/store"
)

// openStore opens the store that --store names: "windows" (the system
// stores, on Windows) or "folder:PATH" (a folder of PEM files).
//
// Neither store is in this build yet: they are being finished on another
// branch (store.OpenFolder, the crypt32 store). Until they are merged,
// --store says so, with its own code, instead of failing obscurely.
func openStore(spec string) (store.Store, error) {
	kind, _, _ := strings.Cut(spec, ":")
	switch kind {
	case "windows", "folder":
		return nil, coded.New(CodeStoreNotAvailable, nil, "store", spec)
	}
	return nil, coded.New(CodeBadUsage, nil, "command", "test", "detail", "--store "+spec)
}
