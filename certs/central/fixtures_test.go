package central_test

import (
	"context"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"qscert/certs/central"
	"qscert/certs/central/centraltest"
	"qscert/certs/certstest"
	"qscert/certs/coded"
	"qscert/certs/install"
	"qscert/certs/store"
)

// The test binary doubles as the programs the simulated node runs: the
// sub-command run as the service account (central.ChildMain) and the fake
// Repository.exe (centraltest.RepositoryMain).
func TestMain(m *testing.M) {
	if len(os.Args) > 1 {
		switch os.Args[1] {
		case "__child":
			os.Exit(central.ChildMain(os.Args[2:]))
		case "__repository":
			os.Exit(centraltest.RepositoryMain(os.Args[2:], os.Stdout))
		case "__exit3": // a sub-command that fails without a word
			os.Exit(3)
		case "__sleep": // a program that never ends by itself
			fmt.Println("sleeping")
			time.Sleep(time.Hour)
			os.Exit(0)
		}
	}
	os.Setenv(install.FastKDFEnv, "1")
	os.Exit(m.Run())
}

const backupPassword = "Backup-pass-2026"

var (
	templateOnce sync.Once
	templateDir  string
	templateErr  error
)

// simulated copies a simulated node made once (RSA keys are slow) into a
// new folder and opens it.
func simulated(t *testing.T) (string, *central.Node) {
	t.Helper()
	templateOnce.Do(func() {
		templateDir, templateErr = os.MkdirTemp("", "qscert-central-template-")
		if templateErr == nil {
			templateErr = centraltest.Create(filepath.Join(templateDir, "node"), centraltest.CreateOptions{})
		}
	})
	if templateErr != nil {
		t.Fatal(templateErr)
	}
	dir := filepath.Join(t.TempDir(), "node")
	certstest.CopyTree(t, filepath.Join(templateDir, "node"), dir)
	return dir, openNode(t, dir)
}

func openNode(t *testing.T, dir string) *central.Node {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	node, err := centraltest.Open(dir, centraltest.OpenOptions{Child: []string{exe, "__child"}, Repository: []string{exe, "__repository"}, Poll: 10 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = node.Close() })
	return node
}

// options are quick ones: the simulated node answers at once.
func options(t *testing.T, events *[]central.Event) central.Options {
	var mu sync.Mutex
	return central.Options{BackupDir: t.TempDir(), BackupPassword: backupPassword, StuckAfter: 300 * time.Millisecond,
		BootstrapTimeout: 20 * time.Second, ServiceTimeout: 5 * time.Second, Heartbeat: 100 * time.Millisecond,
		OnEvent: func(e central.Event) {
			if events != nil {
				mu.Lock()
				*events = append(*events, e)
				mu.Unlock()
			}
		}}
}

func prepare(t *testing.T, node *central.Node, o central.Options) *central.Recreate {
	t.Helper()
	rc, err := central.Prepare(context.Background(), node, o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = rc.Close() })
	return rc
}

// content is what the node's stores, Exported Certificates and services
// hold, comparable: the certificates with their key files' bytes, each
// file of the exports with its hash.
func content(t *testing.T, dir string) string {
	t.Helper()
	var lines []string
	for _, part := range []string{centraltest.MachineStore, centraltest.AccountStore} {
		root := filepath.Join(dir, part)
		s, err := store.OpenFolder(root)
		if err != nil {
			t.Fatal(err)
		}
		for _, loc := range store.Locations {
			entries, err := s.List(loc)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range entries {
				key, _ := os.ReadFile(filepath.Join(root, string(loc.Scope), loc.Name, e.Thumbprint()+".key"))
				lines = append(lines, fmt.Sprintf("%s %s %s key=%x", part, loc, e.Thumbprint(), sha256.Sum256(key)))
			}
		}
	}
	ex := centraltest.Exported(dir)
	_ = filepath.WalkDir(ex, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		rel, _ := filepath.Rel(ex, p)
		if d.IsDir() {
			lines = append(lines, "exported "+rel+"/")
			return nil
		}
		data, _ := os.ReadFile(p)
		lines = append(lines, fmt.Sprintf("exported %s %x", rel, sha256.Sum256(data)))
		return nil
	})
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

// services is the state of each simulated service.
func services(t *testing.T, dir string) string {
	t.Helper()
	all, err := centraltest.ServiceStates(dir)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for name, s := range all {
		lines = append(lines, name+"="+s.State)
	}
	sort.Strings(lines)
	return strings.Join(lines, " ")
}

// rootsOfSite counts the site's roots in LocalMachine\Root.
func rootsOfSite(t *testing.T, dir string) int {
	t.Helper()
	s, err := store.OpenFolder(filepath.Join(dir, centraltest.MachineStore))
	if err != nil {
		t.Fatal(err)
	}
	entries, err := s.List(store.LocalMachineRoot)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range entries {
		c, err := e.Certificate()
		if err == nil && strings.EqualFold(c.Subject.CommonName, centraltest.DefaultFQDN+"-CA") {
			n++
		}
	}
	return n
}

func wantCode(t *testing.T, err error, code coded.Code) {
	t.Helper()
	if coded.CodeOf(err) != code {
		t.Fatalf("error %v, want %s", err, code)
	}
}

// causeCode is the code of the coded error inside a recreate-stopped.
func causeCode(err error) coded.Code {
	if e := coded.As(err); e != nil {
		return coded.CodeOf(e.Err)
	}
	return ""
}

func setBehaviour(t *testing.T, dir string, b centraltest.Behaviour) {
	t.Helper()
	if err := centraltest.SetBehaviour(dir, b); err != nil {
		t.Fatal(err)
	}
}

// restoreAll restores the procedure's folder and checks the node is as
// it was, byte for byte.
func restoreAll(t *testing.T, dir string, node *central.Node, folder string, want string, o central.Options) *central.RestoreResult {
	t.Helper()
	res, err := central.Restore(context.Background(), node, folder, o)
	if err != nil && coded.CodeOf(err) != central.CodeRestoreIncomplete {
		t.Fatalf("restore: %v", err)
	}
	if got := content(t, dir); got != want {
		t.Fatalf("the restore did not bring the node back:\n%s\nwant\n%s", got, want)
	}
	if u, err := central.Unfinished(node); err != nil || u != nil {
		t.Fatalf("after the restore: unfinished %+v, %v", u, err)
	}
	return res
}
