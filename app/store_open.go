package app

import (
	"runtime"
	"strings"

	"qscert/certs/coded"
	"qscert/certs/store"
)

// openStore opens the store --store names: "windows" (the system stores),
// "folder:PATH" (a folder store, which must exist: install makes it), or "" for the default:
// windows on Windows, elsewhere a folder store in the user's configuration
// folder, created on first use.
func openStore(spec string) (store.Store, error) {
	if spec == "" {
		if runtime.GOOS == "windows" {
			return store.OpenWindows()
		}
		return store.CreateFolder(DefaultFolderStore())
	}
	switch {
	case spec == "windows":
		return store.OpenWindows()
	case strings.HasPrefix(spec, "folder:"):
		return store.OpenFolder(strings.TrimPrefix(spec, "folder:"))
	}
	return nil, coded.New(CodeBadFlagValue, nil, "flag", "--store", "value", spec, "reason", "flag-store")
}

// defaultStoreName names the store "" opens, for a report that could not
// open it.
func defaultStoreName() string {
	if runtime.GOOS == "windows" {
		return "windows"
	}
	return "folder:" + DefaultFolderStore()
}
