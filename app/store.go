package app

import (
	"os"
	"path/filepath"

	"qscert/assets/i18n"
	"qscert/certs/install"
	"qscert/certs/store"
)

// storeFlag chooses the certificate store: the Windows system stores, or a
// folder store (Linux, macOS, tests, a sandbox).
type storeFlag struct{ spec string }

func (f *storeFlag) register(c *commandFlags) {
	c.set.StringVar(&f.spec, "store", "", "windows, or folder:PATH (default: windows on Windows, a folder store in your configuration folder elsewhere)")
}

// DefaultFolderStore is where the folder store lives when none is named.
func DefaultFolderStore() string {
	return filepath.Join(configDir(), "qscert", "store")
}

// DefaultBackupDir is where backups go when --backup-dir is not given.
func DefaultBackupDir() string { return install.DefaultBackupDir() }

func configDir() string {
	if dir, err := os.UserConfigDir(); err == nil {
		return dir
	}
	return os.TempDir()
}

// open opens the store, finishing first what a killed qscert left
// unfinished in it.
func (f *storeFlag) open(env *Env, t *i18n.Translator) (store.Store, error) {
	return openStoreRecovered(env, t, f.spec)
}
