package app

import (
	"path/filepath"
	"sync"

	"qscert/app/elevation"
	"qscert/assets/i18n"
	"qscert/certs/install"
	"qscert/certs/output"
	"qscert/certs/store"
	"qscert/wizard/flow"
)

// wizardDeps is what the wizard works with, in a window or a console: the
// system's store (or, in demo mode, the demo's sandbox store, export and
// simulated QRS), the backup folder and the support report. release
// closes the store and removes what the demo made; it may be called more
// than once.
//
// A store that a killed qscert left halfway is finished first
// (install.RecoverIfIdle); what was done becomes a notice the wizard
// shows when it starts.
func wizardDeps(env *Env, opts guiOptions) (deps flow.Deps, release func(), err error) {
	deps = flow.Deps{
		Lang:        opts.lang,
		Machine:     env.Machine,
		Now:         env.Now,
		ClientScope: store.CurrentUser,
		Version:     Version,
		Folder:      opts.folder,
		Host:        opts.host,
		StartFlow:   opts.flow,
		Elevated:    elevation.IsElevated(),
	}
	demo := opts.demo
	release = func() {}
	if demo {
		d, err := startDemo(env.Now())
		if err != nil {
			return deps, release, err
		}
		release = sync.OnceFunc(func() { _ = d.Close() })
		deps.Demo = &d.info
		deps.Store = newDemoStore(d.store) // access lists on its machine keys, for the machine choice
		deps.BackupRoot = d.backup
		deps.QRSAddress = d.qrs.Addr
		if deps.Accounts, err = demoAccounts(d.root, d.store); err != nil {
			deps.AccountsErr = err
		}
	} else {
		// Without a store the wizard still guides and checks the files;
		// the old certificates step says why it cannot go further.
		st, err := env.OpenStore("")
		if err == nil {
			release = sync.OnceFunc(func() { _ = st.Close() })
			deps.Store = st
			recs, err := install.RecoverIfIdle(st)
			t := i18n.New(opts.lang)
			for _, r := range output.RecoveriesOf(t, recs) {
				deps.Notices = append(deps.Notices, r.Message)
			}
			if err != nil {
				deps.Notices = append(deps.Notices, t.Error(err))
			}
		} else {
			deps.StoreErr = err
		}
		deps.BackupRoot = DefaultBackupDir()
		// Who uses the certificate: this machine's accounts and services
		// (Windows); elsewhere only "me", and the step says why.
		open := env.Accounts
		if open == nil {
			open = systemAccounts
		}
		deps.Accounts, deps.AccountsErr = open()
	}
	// Flow B: this Windows machine, --simulate's node, or the demo's.
	demoDir, backups := "", deps.BackupRoot
	if deps.Demo != nil {
		demoDir = filepath.Dir(deps.BackupRoot)
	}
	rd, closeNode := recreateDeps(env, opts, demoDir, backups)
	deps.Recreate = rd
	before := release
	release = sync.OnceFunc(func() {
		closeNode()
		before()
	})
	deps.SaveReport = wizardReportSaver(env, deps.Store)
	deps.ReportDir = reportFolder()
	return deps, release, nil
}
