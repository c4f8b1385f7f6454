package app

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"qscert/assets/i18n"
	"qscert/certs/install"
	"qscert/certs/store"
)

// storeFlag chooses the certificate store: the Windows system stores, or a
// folder store (Linux, macOS, tests, a sandbox).
type storeFlag struct{ spec string }

func (f *storeFlag) register(c *commandFlags) {
	c.set.StringVar(&f.spec, "store", "", "flag.store")
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

// openForInstall opens the store an install changes. A folder store that
// does not exist yet is made (0700: it will hold private keys) when the
// folder it goes in exists, as a new user's first install needs; a
// mistyped parent is still reported (store-missing) rather than made. A
// dry run changes nothing: the empty folder made to plan against is
// removed again by release.
func (f *storeFlag) openForInstall(env *Env, t *i18n.Translator, dryRun bool) (st store.Store, release func(), err error) {
	made := ""
	if path, ok := strings.CutPrefix(f.spec, "folder:"); ok && path != "" {
		if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
			if parent, perr := os.Stat(filepath.Dir(filepath.Clean(path))); perr == nil && parent.IsDir() {
				if err := os.Mkdir(path, 0o700); err == nil {
					made = path
				}
			}
		}
	}
	release = func() {
		if st != nil {
			_ = st.Close()
		}
		if made != "" && dryRun {
			_ = os.Remove(made) // only if still empty, which a dry run leaves it
		}
	}
	st, err = openStoreRecovered(env, t, f.spec)
	return st, release, err
}
