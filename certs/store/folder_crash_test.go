package store_test

import (
	"bytes"
	"crypto/x509"
	"encoding/pem"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"qscert/certs/durable"
	"qscert/certs/qlik"
	"qscert/certs/store"
	"qscert/certs/store/storetest"
)

// A qscert killed (SIGKILL) at any write of an Add or a Remove leaves the
// location as it was before or as it is after the change, as a reader sees
// it right away; and the next open leaves no temporary file, no marker,
// and no key file without its listed certificate. The child process is
// this test binary, killed by the write-point hook (writepoint.go) at its
// k-th write, for every k until it finishes.

const crashDone = "crash-child: done"

type crashOp struct {
	name    string
	loc     store.Location
	prepare func(t *testing.T, dir string) // the store before the change
	action  string                         // what the child does
	change  func(before []entryState) []entryState
}

// entryState is what a reader can tell about one certificate.
type entryState struct {
	Thumbprint   string
	HasKey       bool
	FriendlyName string
}

func listState(t *testing.T, s store.Store, loc store.Location) []entryState {
	t.Helper()
	entries, err := s.List(loc)
	if err != nil {
		t.Fatalf("List(%s): %v", loc, err)
	}
	out := []entryState{}
	for _, e := range entries {
		out = append(out, entryState{e.Thumbprint(), e.HasPrivateKey, e.FriendlyName})
	}
	return out
}

// crashName is a friendly name that no PEM header could hold.
const crashName = "QlikClient\n-----BEGIN CERTIFICATE-----\r\nnot a certificate: «é»"

func crashOps(t *testing.T) []crashOp {
	exp := storetest.TestExport(t)
	client := exp.Client
	clientTP := qlik.Thumbprint(client.Cert)
	rootTP := qlik.Thumbprint(exp.Root.Cert)
	serverTP := qlik.Thumbprint(exp.Server.Cert)
	added := func(e entryState) func([]entryState) []entryState {
		return func(b []entryState) []entryState { return append(slices.Clone(b), e) }
	}
	removed := func(tp string) func([]entryState) []entryState {
		return func(b []entryState) []entryState {
			return slices.DeleteFunc(slices.Clone(b), func(e entryState) bool { return e.Thumbprint == tp })
		}
	}
	withServer := func(t *testing.T, dir string) {
		f := openFolder(t, dir)
		if err := f.Add(store.CurrentUserMy, exp.Server.Cert, exp.Server.Key, "server"); err != nil {
			t.Fatal(err)
		}
	}
	return []crashOp{
		{"add-key-first-install", store.CurrentUserMy, func(*testing.T, string) {}, "add-client",
			added(entryState{clientTP, true, crashName})},
		{"add-key-beside-another", store.CurrentUserMy, withServer, "add-client",
			added(entryState{clientTP, true, crashName})},
		{"add-key-to-an-old-bundle-with-headers", store.CurrentUserMy, func(t *testing.T, dir string) {
			writeHeaderBundle(t, dir, store.CurrentUserMy, exp.Server.Cert, "old server name")
		}, "add-client", added(entryState{clientTP, true, crashName})},
		{"add-without-key", store.LocalMachineRoot, func(*testing.T, string) {}, "add-root",
			added(entryState{rootTP, false, "root"})},
		{"remove-with-key", store.CurrentUserMy, func(t *testing.T, dir string) {
			withServer(t, dir)
			f := openFolder(t, dir)
			if err := f.Add(store.CurrentUserMy, client.Cert, client.Key, crashName); err != nil {
				t.Fatal(err)
			}
		}, "remove-client", removed(clientTP)},
		{"remove-from-an-old-bundle-with-headers", store.CurrentUserMy, func(t *testing.T, dir string) {
			writeHeaderBundle(t, dir, store.CurrentUserMy, exp.Server.Cert, "old server name")
		}, "remove-server", removed(serverTP)},
		{"remove-without-key", store.LocalMachineRoot, func(t *testing.T, dir string) {
			f := openFolder(t, dir)
			if err := f.Add(store.LocalMachineRoot, exp.Root.Cert, nil, "root"); err != nil {
				t.Fatal(err)
			}
		}, "remove-root", removed(rootTP)},
	}
}

func openFolder(t *testing.T, dir string) *store.Folder {
	t.Helper()
	f, err := store.OpenFolder(dir)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// writeHeaderBundle writes a location as qscert did before friendly-names.json:
// the name in a Friendly-Name PEM header.
func writeHeaderBundle(t *testing.T, dir string, loc store.Location, cert *x509.Certificate, name string) {
	t.Helper()
	locDir := filepath.Join(dir, string(loc.Scope), loc.Name)
	if err := os.MkdirAll(locDir, 0o700); err != nil {
		t.Fatal(err)
	}
	data := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Headers: map[string]string{"Friendly-Name": name}, Bytes: cert.Raw})
	if err := os.WriteFile(filepath.Join(locDir, store.FolderBundleName), data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestFolderSurvivesAKillAtEveryWrite(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a process per write point")
	}
	exp := storetest.TestExport(t)
	pfxDir := t.TempDir()
	for name, data := range map[string][]byte{"client.pfx": mustPFX(t, exp.Client), "server.pfx": mustPFX(t, exp.Server)} {
		if err := os.WriteFile(filepath.Join(pfxDir, name), data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	rootPFX, err := store.EncodePFX(exp.Root.Cert, nil, "child-pass")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(pfxDir, "root.pfx"), rootPFX, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, op := range crashOps(t) {
		t.Run(op.name, func(t *testing.T) {
			points := 0
			for k := 1; ; k++ {
				dir := filepath.Join(t.TempDir(), "store")
				if err := os.Mkdir(dir, 0o700); err != nil {
					t.Fatal(err)
				}
				op.prepare(t, dir)
				before := listState(t, store.FolderWithoutTidying(dir), op.loc)
				after := op.change(before)

				killed := runCrashChild(t, dir, pfxDir, op.action, k)
				seen := listState(t, store.FolderWithoutTidying(dir), op.loc)
				if !slices.Equal(seen, before) && !slices.Equal(seen, after) {
					t.Fatalf("killed at write %d: a reader sees %+v\nbefore: %+v\nafter:  %+v", k, seen, before, after)
				}
				tidied := listState(t, openFolder(t, dir), op.loc)
				if !slices.Equal(tidied, seen) {
					t.Fatalf("killed at write %d: the next open changed %+v into %+v", k, seen, tidied)
				}
				checkTidy(t, dir, op.loc, tidied, k)
				if !killed {
					if !slices.Equal(seen, after) {
						t.Fatalf("the child finished but the store is %+v, want %+v", seen, after)
					}
					points = k - 1
					break
				}
			}
			t.Logf("%s: killed at each of %d write points", op.name, points)
			if points < 5 {
				t.Fatalf("only %d write points: the hook is not reached", points)
			}
		})
	}
}

// runCrashChild runs the action in a child killed at write k, and reports
// whether it was killed (it finished otherwise).
func runCrashChild(t *testing.T, dir, pfxDir, action string, k int) bool {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestFolderCrashChild$", "-test.v")
	cmd.Env = append(os.Environ(), "QSCERT_CRASH_DIR="+dir, "QSCERT_CRASH_PFX="+pfxDir,
		"QSCERT_CRASH_ACTION="+action, durable.KillAtWriteEnv+"="+strconv.Itoa(k))
	out, err := cmd.CombinedOutput()
	if bytes.Contains(out, []byte(crashDone)) {
		if err != nil {
			t.Fatalf("child at k=%d: %v\n%s", k, err, out)
		}
		return false
	}
	if !killedBySignal(err) {
		t.Fatalf("child at k=%d neither finished nor was killed: %v\n%s", k, err, out)
	}
	return true
}

// checkTidy: after an open, no temporary file, no marker, and every key
// file belongs to a listed certificate that has it.
func checkTidy(t *testing.T, dir string, loc store.Location, listed []entryState, k int) {
	t.Helper()
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if n := d.Name(); strings.HasPrefix(n, ".qscert-") || strings.HasSuffix(n, ".pending") || n == ".qscert.holder" {
			t.Errorf("killed at write %d: %s left after the next open", k, path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	keys, _ := filepath.Glob(filepath.Join(dir, string(loc.Scope), loc.Name, "*.key"))
	var withKey []string
	for _, e := range listed {
		if e.HasKey {
			withKey = append(withKey, e.Thumbprint)
		}
	}
	var files []string
	for _, k := range keys {
		files = append(files, strings.TrimSuffix(filepath.Base(k), ".key"))
	}
	slices.Sort(withKey)
	slices.Sort(files)
	if !slices.Equal(withKey, files) {
		t.Errorf("killed at write %d: key files %v, listed with a key %v", k, files, withKey)
	}
}

// TestFolderCrashChild is the child half of the crash test; it does
// nothing unless run by it.
func TestFolderCrashChild(t *testing.T) {
	action := os.Getenv("QSCERT_CRASH_ACTION")
	if action == "" {
		t.Skip("run by TestFolderSurvivesAKillAtEveryWrite only")
	}
	f, err := store.OpenFolder(os.Getenv("QSCERT_CRASH_DIR"))
	if err != nil {
		t.Fatal(err)
	}
	load := func(name string) (*x509.Certificate, any) {
		data, err := os.ReadFile(filepath.Join(os.Getenv("QSCERT_CRASH_PFX"), name))
		if err != nil {
			t.Fatal(err)
		}
		cert, key, err := store.DecodePFX(data, "child-pass")
		if err != nil {
			t.Fatal(err)
		}
		return cert, key
	}
	switch action {
	case "add-client":
		cert, key := load("client.pfx")
		err = f.Add(store.CurrentUserMy, cert, key, crashName)
	case "add-root":
		cert, _ := load("root.pfx")
		err = f.Add(store.LocalMachineRoot, cert, nil, "root")
	case "remove-client":
		cert, _ := load("client.pfx")
		err = f.Remove(store.CurrentUserMy, qlik.Thumbprint(cert))
	case "remove-server":
		cert, _ := load("server.pfx")
		err = f.Remove(store.CurrentUserMy, qlik.Thumbprint(cert))
	case "remove-root":
		cert, _ := load("root.pfx")
		err = f.Remove(store.LocalMachineRoot, qlik.Thumbprint(cert))
	default:
		err = fmt.Errorf("unknown action %q", action)
	}
	if err != nil {
		t.Fatal(err)
	}
	fmt.Println(crashDone)
}
