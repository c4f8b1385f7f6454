package app

import (
	"sync"

	"qscert/certs/store"
	"qscert/wizard/flow"
)

// wizardDeps is what the wizard works with, in a window or a console: the
// system's store (or, in demo mode, the demo's sandbox store, export and
// simulated QRS), the backup folder and the support report. release
// closes the store and removes what the demo made; it may be called more
// than once.
func wizardDeps(env *Env, demo bool, lang string) (deps flow.Deps, release func(), err error) {
	deps = flow.Deps{
		Lang:        lang,
		Machine:     env.Machine,
		Now:         env.Now,
		ClientScope: store.CurrentUser,
	}
	release = func() {}
	if demo {
		d, err := startDemo(env.Now())
		if err != nil {
			return deps, release, err
		}
		release = sync.OnceFunc(func() { _ = d.Close() })
		deps.Demo = &d.info
		deps.Store = d.store
		deps.BackupRoot = d.backup
		deps.QRSAddress = d.qrs.Addr
	} else {
		// Without a store the wizard still guides and checks the files;
		// the old certificates step says why it cannot go further.
		st, err := env.OpenStore("")
		if err == nil {
			release = sync.OnceFunc(func() { _ = st.Close() })
			deps.Store = st
		} else {
			deps.StoreErr = err
		}
		deps.BackupRoot = DefaultBackupDir()
	}
	deps.SaveReport = wizardReportSaver(env, deps.Store)
	return deps, release, nil
}
