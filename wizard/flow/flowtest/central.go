package flowtest

import (
	"os"
	"path/filepath"
	"sort"
	"sync"
	"testing"
	"time"

	"qscert/certs/central"
	"qscert/certs/central/centraltest"
	"qscert/certs/certstest"
	"qscert/certs/store"
	"qscert/wizard/flow"
)

// The test binary of a package that walks flow B doubles as the programs
// the simulated central node runs: the sub-command run as the service
// account and the fake Repository.exe. Its TestMain calls CentralMain
// first.
const (
	childArg      = "__central-child"
	repositoryArg = "__central-repository"
)

// CentralMain runs the program the arguments ask for, when they ask for
// one of the simulated node's, and exits; otherwise it returns.
func CentralMain() {
	if len(os.Args) < 2 {
		return
	}
	switch os.Args[1] {
	case childArg:
		os.Exit(central.ChildMain(os.Args[2:]))
	case repositoryArg:
		os.Exit(centraltest.RepositoryMain(os.Args[2:], os.Stdout))
	}
}

// BackupPassword is the tests' backup password for flow B.
const BackupPassword = "Backup-pass-2026"

var (
	centralOnce sync.Once
	centralDir  string
	centralErr  error
)

// Central is a simulated central node for one test: a copy of one made
// once per test binary (RSA keys are slow).
type Central struct {
	Dir  string
	Node *central.Node
	// Deps is what flow B is given: this node, quick timeouts, a backup
	// folder of the test's own.
	Deps *flow.RecreateDeps
}

// NewCentral copies the template node into a new folder and opens it.
// change, when given, changes the node before it is opened.
func NewCentral(t testing.TB, change ...func(dir string)) *Central {
	t.Helper()
	centralOnce.Do(func() {
		centralDir, centralErr = os.MkdirTemp("", "qscert-flowtest-central-")
		if centralErr == nil {
			centralErr = centraltest.Create(filepath.Join(centralDir, "node"), centraltest.CreateOptions{Now: Now})
		}
	})
	if centralErr != nil {
		t.Fatal(centralErr)
	}
	dir := filepath.Join(t.TempDir(), "node")
	certstest.CopyTree(t, filepath.Join(centralDir, "node"), dir)
	for _, c := range change {
		c(dir)
	}
	c := &Central{Dir: dir}
	c.Node = OpenCentral(t, dir)
	backups := filepath.Join(t.TempDir(), "backups")
	c.Deps = &flow.RecreateDeps{
		Open:      func() (*central.Node, error) { return c.Node, nil },
		Simulated: dir,
		Options: central.Options{BackupDir: backups, StuckAfter: 300 * time.Millisecond, BootstrapTimeout: 30 * time.Second,
			ServiceTimeout: 10 * time.Second, Heartbeat: 100 * time.Millisecond},
	}
	return c
}

// OpenCentral opens the simulated node in dir, its programs the test
// binary's.
func OpenCentral(t testing.TB, dir string) *central.Node {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	node, err := centraltest.Open(dir, centraltest.OpenOptions{Child: []string{exe, childArg}, Repository: []string{exe, repositoryArg},
		Poll: 10 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = node.Close() })
	return node
}

// SetBootstrap makes the node's fake Repository.exe behave so.
func (c *Central) SetBootstrap(t testing.TB, mode centraltest.BootstrapMode) {
	t.Helper()
	b := centraltest.ReadBehaviour(c.Dir)
	b.Bootstrap = mode
	if err := centraltest.SetBehaviour(c.Dir, b); err != nil {
		t.Fatal(err)
	}
}

// Certificates lists the site's certificates in the node's stores
// (machine and service account), one line each, sorted: what a restore
// must give back exactly.
func (c *Central) Certificates(t testing.TB) []string {
	t.Helper()
	var out []string
	for _, part := range []string{centraltest.MachineStore, centraltest.AccountStore} {
		s, err := store.OpenFolder(filepath.Join(c.Dir, part))
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range Contents(t, s) {
			out = append(out, part+" "+line)
		}
		_ = s.Close()
	}
	sort.Strings(out)
	return out
}

// Roots counts the Qlik roots of the site in LocalMachine\Root: after
// any ending, exactly one.
func (c *Central) Roots(t testing.TB) int {
	t.Helper()
	s, err := store.OpenFolder(filepath.Join(c.Dir, centraltest.MachineStore))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	entries, err := s.List(store.LocalMachineRoot)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range entries {
		if cert, err := e.Certificate(); err == nil && cert.Subject.CommonName == centraltest.DefaultFQDN+"-CA" {
			n++
		}
	}
	return n
}
