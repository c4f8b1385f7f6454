package install_test

import (
	"slices"
	"sync"
	"testing"

	"qscert/certs/coded"
	"qscert/certs/install"
	"qscert/certs/qlik"
	"qscert/certs/store"
	"qscert/certs/store/storetest"
)

// aclStore is a memory store whose machine keys have access lists, as the
// Windows store's do: the machine choice's grant, simulated.
type aclStore struct {
	*storetest.Memory
	mu      sync.Mutex
	readers map[string][]string // thumbprint -> SIDs that may read the key
	grants  int
	undos   int
}

func newACLStore() *aclStore {
	return &aclStore{Memory: storetest.NewMemory(), readers: map[string][]string{}}
}

func (a *aclStore) GrantKeyRead(loc store.Location, tp, sid string) (func() error, error) {
	if loc != store.LocalMachineMy {
		return nil, coded.New(store.CodeKeyNotMachine, nil, "thumbprint", tp)
	}
	entries, _ := a.Memory.List(loc)
	if !slices.ContainsFunc(entries, func(e store.Entry) bool { return e.Thumbprint() == tp && e.HasPrivateKey }) {
		return nil, coded.New(store.CodeNoKey, nil, "thumbprint", tp)
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	old := slices.Clone(a.readers[tp])
	a.readers[tp] = append(a.readers[tp], sid)
	a.grants++
	return func() error {
		a.mu.Lock()
		defer a.mu.Unlock()
		a.readers[tp] = old
		a.undos++
		return nil
	}, nil
}

func (a *aclStore) CanRead(loc store.Location, tp, sid string) (bool, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	return slices.Contains(a.readers[tp], sid), nil
}

func (a *aclStore) Remove(loc store.Location, tp string) error {
	if err := a.Memory.Remove(loc, tp); err != nil {
		return err
	}
	a.mu.Lock()
	delete(a.readers, tp) // the key goes with its access list
	a.mu.Unlock()
	return nil
}

func machineOptions(t *testing.T) install.InstallOptions {
	return install.InstallOptions{BackupDir: t.TempDir(), BackupPassword: backupPassword, Now: testNow, ForMachine: true, ForAccount: &networkService}
}

// The machine choice: the client in LocalMachine\My, the account granted
// read access to its key; the same install again grants nothing.
func TestInstallForTheMachineGrantsTheAccountItsKey(t *testing.T) {
	exp, _, _ := exports(t)
	s := newACLStore()
	p, err := install.PlanInstall(exp, s, machineOptions(t))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.Apply(nil); err != nil {
		t.Fatal(err)
	}
	tp := qlik.Thumbprint(exp.Client.X509)
	if e, ok := storetest.FindEntry(t, s, store.LocalMachineMy, tp); !ok || !e.HasPrivateKey {
		t.Fatal("the client is not in LocalMachine\\My with its key")
	}
	if can, _ := s.CanRead(store.LocalMachineMy, tp, networkService.SID); !can {
		t.Fatal("NetworkService may not read the key")
	}
	again, err := install.PlanInstall(exp, s, machineOptions(t))
	if err != nil {
		t.Fatal(err)
	}
	if !again.Empty() {
		t.Fatalf("the same install again plans %s", kinds(again))
	}
}

// A step after the grant fails: the grant is undone with the rest.
func TestAFailureAfterTheGrantUndoesIt(t *testing.T) {
	exp1, exp2, _ := exports(t)
	s := newACLStore()
	p, err := install.PlanInstall(exp1, s, install.InstallOptions{BackupDir: t.TempDir(), BackupPassword: backupPassword, Now: testNow, ClientScope: store.LocalMachine})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.Apply(nil); err != nil {
		t.Fatal(err)
	}
	before := take(t, s)
	p, err = install.PlanInstall(exp2, s, machineOptions(t))
	if err != nil {
		t.Fatal(err)
	}
	// The first removal, after the adds and the grant, fails.
	f := &failingACL{aclStore: s, failAt: 1}
	p.Store = f
	_, err = p.Apply(nil)
	wantCode(t, err, install.CodeInstallRolledBack)
	if s.grants != 1 || s.undos != 1 {
		t.Errorf("%d grants, %d undone", s.grants, s.undos)
	}
	if got := take(t, s); !equalSnapshots(got, before) {
		t.Fatalf("after the rollback:\n%s", got)
	}
	for tp, sids := range s.readers {
		if len(sids) != 0 {
			t.Errorf("%s still readable by %v", tp, sids)
		}
	}
}

// failingACL fails its failAt-th change, as storetest.Faulty does, and
// keeps the access lists.
type failingACL struct {
	*aclStore
	failAt, n int
}

func (f *failingACL) count() error {
	f.n++
	if f.n == f.failAt {
		return coded.New(store.CodeStoreFailed, storetest.ErrInjected, "detail", "injected")
	}
	return nil
}

func (f *failingACL) Remove(loc store.Location, tp string) error {
	if err := f.count(); err != nil {
		return err
	}
	return f.aclStore.Remove(loc, tp)
}

// A store without key access lists refuses the grant, and the install is
// rolled back.
func TestAGrantOnAStoreWithoutKeyAccessListsIsRolledBack(t *testing.T) {
	exp, _, _ := exports(t)
	f, err := store.OpenFolder(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	p, err := install.PlanInstall(exp, f, machineOptions(t))
	if err != nil {
		t.Fatal(err)
	}
	_, err = p.Apply(nil)
	wantCode(t, err, install.CodeInstallRolledBack)
	if c := coded.CodeOf(coded.As(err).Err); c != store.CodeKeyAccessUnsupported {
		t.Errorf("cause %s", c)
	}
	if got := take(t, f); len(got) != 0 {
		t.Fatalf("left:\n%s", got)
	}
}
