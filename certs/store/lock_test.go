package store_test

import (
	"bufio"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"fmt"
	"io"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"qscert/certs/certstest"
	"qscert/certs/coded"
	"qscert/certs/qlik"
	"qscert/certs/store"
	"qscert/certs/store/storetest"
)

// The writer lock, between real processes: this test binary re-executed as
// a child (TestLockChild) holds or tries the lock of the same store.

// lockKinds are the stores with a lock on this OS.
func lockKinds() []string {
	if runtime.GOOS == "windows" {
		return []string{"folder", "windows"}
	}
	return []string{"folder"}
}

type lockCase struct {
	kind string
	dir  string // the folder store's folder
}

func newLockCase(t *testing.T, kind string) lockCase {
	return lockCase{kind: kind, dir: t.TempDir()}
}

func (c lockCase) open(t *testing.T) store.Store {
	t.Helper()
	var s store.Store
	var err error
	if c.kind == "windows" {
		s, err = store.OpenWindows()
	} else {
		s, err = store.OpenFolder(c.dir)
	}
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func (c lockCase) locker(t *testing.T) store.Locker {
	t.Helper()
	l, ok := c.open(t).(store.Locker)
	if !ok {
		t.Fatalf("the %s store has no lock", c.kind)
	}
	return l
}

// lockChild is a child process of the lock tests.
type lockChild struct {
	cmd   *exec.Cmd
	stdin io.WriteCloser
	lines chan string
}

const lockChildPrefix = "lock-child: "

func startLockChild(t *testing.T, c lockCase, action string, env ...string) *lockChild {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestLockChild$", "-test.v")
	cmd.Env = append(os.Environ(), append(env, "QSCERT_LOCK_ACTION="+action,
		"QSCERT_CHILD_STORE="+c.kind, "QSCERT_CHILD_FOLDER="+c.dir)...)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	ch := &lockChild{cmd: cmd, stdin: stdin, lines: make(chan string, 100)}
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if line, ok := strings.CutPrefix(sc.Text(), lockChildPrefix); ok {
				ch.lines <- line
			} else if strings.Contains(sc.Text(), "_test.go:") {
				fmt.Fprintf(os.Stderr, "%s child: %s\n", t.Name(), sc.Text()) // its failure, said
			}
		}
		close(ch.lines)
	}()
	t.Cleanup(func() {
		stdin.Close()
		cmd.Process.Kill()
		cmd.Wait()
	})
	return ch
}

// expect waits for the child to say want.
func (ch *lockChild) expect(t *testing.T, want string) {
	t.Helper()
	select {
	case line, ok := <-ch.lines:
		if !ok {
			t.Fatalf("the child ended before saying %q", want)
		}
		if !strings.HasPrefix(line, want) {
			t.Fatalf("the child said %q, want %q", line, want)
		}
	case <-time.After(60 * time.Second):
		t.Fatalf("the child did not say %q within 60 s", want)
	}
}

func TestLockMakesASecondWriterWaitThenFail(t *testing.T) {
	for _, kind := range lockKinds() {
		t.Run(kind, func(t *testing.T) {
			c := newLockCase(t, kind)
			holder := startLockChild(t, c, "hold")
			holder.expect(t, "locked")

			var told []store.Holder
			ctx, cancel := context.WithTimeout(context.Background(), 700*time.Millisecond)
			defer cancel()
			start := time.Now()
			unlock, err := c.locker(t).Lock(ctx, func(h store.Holder) { told = append(told, h) })
			if err == nil {
				unlock()
				t.Fatal("a second process got the lock its holder keeps")
			}
			storetest.WantCode(t, err, store.CodeStoreBusy)
			if waited := time.Since(start); waited < 600*time.Millisecond {
				t.Errorf("gave up after %v, before its deadline", waited)
			}
			if len(told) != 1 {
				t.Fatalf("the waiting writer was told %d times, want once", len(told))
			}
			if told[0].PID != holder.cmd.Process.Pid {
				t.Errorf("holder pid = %d, want %d (%+v)", told[0].PID, holder.cmd.Process.Pid, told[0])
			}
			if host, _ := os.Hostname(); told[0].Host != host || !strings.Contains(told[0].Command, "store.test") {
				t.Errorf("holder = %+v", told[0])
			}
			if p := coded.As(err).Params; p["pid"] != strconv.Itoa(holder.cmd.Process.Pid) || p["store"] == "" {
				t.Errorf("store-busy params = %v", p)
			}
		})
	}
}

func TestLockWaitsForItsHolderToFinish(t *testing.T) {
	for _, kind := range lockKinds() {
		t.Run(kind, func(t *testing.T) {
			c := newLockCase(t, kind)
			holder := startLockChild(t, c, "hold")
			holder.expect(t, "locked")
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			// Told that it waits, the second writer lets the first finish.
			unlock, err := c.locker(t).Lock(ctx, func(store.Holder) { holder.stdin.Close() })
			if err != nil {
				t.Fatal(err)
			}
			holder.expect(t, "released")
			if err := unlock(); err != nil {
				t.Fatal(err)
			}
		})
	}
}

func TestLockIsFreedWhenItsHolderIsKilled(t *testing.T) {
	for _, kind := range lockKinds() {
		t.Run(kind, func(t *testing.T) {
			c := newLockCase(t, kind)
			holder := startLockChild(t, c, "hold")
			holder.expect(t, "locked")
			if err := holder.cmd.Process.Kill(); err != nil {
				t.Fatal(err)
			}
			holder.cmd.Wait()
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			unlock, err := c.locker(t).Lock(ctx, nil)
			if err != nil {
				t.Fatalf("the lock of a killed holder: %v", err)
			}
			unlock()
		})
	}
}

// Calls nest: the inner unlock keeps the lock; the outer one frees it.
func TestLockNestsWithinAProcess(t *testing.T) {
	for _, kind := range lockKinds() {
		t.Run(kind, func(t *testing.T) {
			c := newLockCase(t, kind)
			l := c.locker(t)
			outer, err := l.Lock(context.Background(), nil)
			if err != nil {
				t.Fatal(err)
			}
			inner, err := l.Lock(context.Background(), nil)
			if err != nil {
				t.Fatal(err)
			}
			inner()
			inner() // twice is once
			startLockChild(t, c, "try").expect(t, "busy store-busy")
			outer()
			startLockChild(t, c, "try").expect(t, "got")
		})
	}
}

// Reading never waits for a writer.
func TestReadingTakesNoLock(t *testing.T) {
	for _, kind := range lockKinds() {
		t.Run(kind, func(t *testing.T) {
			c := newLockCase(t, kind)
			holder := startLockChild(t, c, "hold")
			holder.expect(t, "locked")
			s := c.open(t)
			done := make(chan error, 1)
			go func() {
				_, err := s.List(store.CurrentUserRoot)
				done <- err
			}()
			select {
			case err := <-done:
				if err != nil {
					t.Fatal(err)
				}
			case <-time.After(5 * time.Second):
				t.Fatal("List waited for the writer's lock")
			}
		})
	}
}

// Without the lock, two processes that each add certificates to one bundle
// (read, append, write) lose each other's: with it, nothing is lost.
func TestConcurrentWritersLoseNothing(t *testing.T) {
	c := newLockCase(t, "folder")
	const children, each = 3, 15
	var wg sync.WaitGroup
	for i := range children {
		ch := startLockChild(t, c, "add", "QSCERT_LOCK_ADD="+strconv.Itoa(each), "QSCERT_LOCK_SEED="+strconv.Itoa(i))
		wg.Add(1)
		go func() {
			defer wg.Done()
			ch.expect(t, "added")
		}()
	}
	wg.Wait()
	entries, err := c.open(t).List(store.CurrentUserRoot)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != children*each {
		t.Fatalf("%d certificates listed, want %d", len(entries), children*each)
	}
}

// TestLockChild is the child half of the lock tests; it does nothing
// unless run by them.
func TestLockChild(t *testing.T) {
	action := os.Getenv("QSCERT_LOCK_ACTION")
	if action == "" {
		t.Skip("run by the lock tests only")
	}
	openStore := childStore[os.Getenv("QSCERT_CHILD_STORE")]
	s, err := openStore()
	if err != nil {
		t.Fatal(err)
	}
	say := func(format string, args ...any) { fmt.Printf(lockChildPrefix+format+"\n", args...) }
	switch action {
	case "hold":
		unlock, err := s.(store.Locker).Lock(context.Background(), nil)
		if err != nil {
			t.Fatal(err)
		}
		say("locked")
		io.Copy(io.Discard, os.Stdin) // until the parent closes it
		if err := unlock(); err != nil {
			t.Fatal(err)
		}
		say("released")
	case "try":
		ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
		defer cancel()
		unlock, err := s.(store.Locker).Lock(ctx, nil)
		if err != nil {
			say("busy %s", coded.CodeOf(err))
			return
		}
		unlock()
		say("got")
	case "churn":
		data, err := os.ReadFile(os.Getenv("QSCERT_CHILD_PFX"))
		if err != nil {
			t.Fatal(err)
		}
		cert, key, err := store.DecodePFX(data, "child-pass")
		if err != nil {
			t.Fatal(err)
		}
		say("churning")
		// Until the parent ends it; a few milliseconds between changes,
		// as between the steps of an install, so that a reader is not
		// starved.
		for {
			if err := s.Add(store.CurrentUserMy, cert, key, "churn"); err != nil {
				t.Fatal(err)
			}
			time.Sleep(3 * time.Millisecond)
			if err := s.Remove(store.CurrentUserMy, qlik.Thumbprint(cert)); err != nil {
				t.Fatal(err)
			}
			time.Sleep(3 * time.Millisecond)
		}
	case "add":
		n, _ := strconv.Atoi(os.Getenv("QSCERT_LOCK_ADD"))
		seed, _ := strconv.Atoi(os.Getenv("QSCERT_LOCK_SEED"))
		for i := range n {
			if err := s.Add(store.CurrentUserRoot, quickCert(t, fmt.Sprintf("writer %d cert %d", seed, i)), nil, ""); err != nil {
				t.Fatal(err)
			}
		}
		say("added")
	}
}

// quickCert is a self-signed P-256 certificate: fast to make, unlike RSA.
func quickCert(t *testing.T, cn string) *x509.Certificate {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	serial, _ := rand.Int(rand.Reader, big.NewInt(1<<62))
	tmpl := &x509.Certificate{SerialNumber: serial, Subject: pkix.Name{CommonName: cn},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour)}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	return cert
}

func writePFXFile(t *testing.T, is *certstest.Issued) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "cert.pfx")
	if err := os.WriteFile(path, mustPFX(t, is), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func isCode(err error, code coded.Code) bool { return coded.CodeOf(err) == code }
