package console

import (
	"path/filepath"
	"testing"
	"time"

	"qscert/certs/qrs/qrstest"
	"qscert/certs/store"
	"qscert/wizard/flow"
	"qscert/wizard/flow/flowtest"
)

// site is a Qlik site on disk, with a folder store holding the
// certificates of an older export of it (which the install replaces) and
// a simulated QRS that trusts it.
type site struct {
	*flowtest.Site
	store  *store.Folder
	backup string
}

func newSite(t *testing.T, opts qrstest.Options) *site {
	t.Helper()
	s := &site{Site: flowtest.NewSite(t, opts), backup: filepath.Join(t.TempDir(), "backups")}
	var err error
	if s.store, err = store.CreateFolder(filepath.Join(t.TempDir(), "store")); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.store.Close() })
	old := flowtest.NewExport(t, flowtest.Host, flowtest.Machine, flowtest.Now.AddDate(-3, 0, 0))
	if err := s.store.Add(store.LocalMachineRoot, old.Root.Cert, nil, "old root"); err != nil {
		t.Fatal(err)
	}
	if err := s.store.Add(store.CurrentUserMy, old.Client.Cert, old.Client.Key, "old client"); err != nil {
		t.Fatal(err)
	}
	return s
}

// deps is what the app gives the wizard, on the site.
func (s *site) deps(lang string) flow.Deps {
	return flow.Deps{
		Store:       s.store,
		ClientScope: store.CurrentUser,
		Machine:     flowtest.MachineInfo,
		Now:         func() time.Time { return flowtest.Now },
		QRSAddress:  s.QRS.Addr,
		Lang:        lang,
		BackupRoot:  s.backup,
	}
}
