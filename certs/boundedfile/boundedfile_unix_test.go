//go:build unix

package boundedfile_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/sys/unix"

	"qscert/certs/boundedfile"
	"qscert/certs/coded"
)

// readWithin fails the test when Read has not returned after a while: the
// bug these tests guard against is a hang, which a test must report rather
// than share.
func readWithin(t *testing.T, path string, limit int64) ([]byte, error) {
	t.Helper()
	type result struct {
		data []byte
		err  error
	}
	done := make(chan result, 1)
	go func() {
		data, err := boundedfile.Read(path, limit)
		done <- result{data, err}
	}()
	select {
	case r := <-done:
		return r.data, r.err
	case <-time.After(10 * time.Second):
		t.Fatalf("Read(%s) still blocked after 10 s", path)
		return nil, nil
	}
}

// Links are followed to regular files (people link their exports). On
// Windows a link needs a privilege and Wine 8 does not follow the ones Go
// makes, so this is tested on Unix only.
func TestLinkToARegularFileIsRead(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "client.pem")
	content := []byte("linked\n")
	if err := os.WriteFile(path, content, 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.pem")
	if err := os.Symlink(path, link); err != nil {
		t.Fatal(err)
	}
	if got, err := readWithin(t, link, 1000); err != nil || !bytes.Equal(got, content) {
		t.Fatalf("Read(link) = %q, %v", got, err)
	}
}

func TestLinkToDevZeroIsRefused(t *testing.T) {
	link := filepath.Join(t.TempDir(), "root.pem")
	if err := os.Symlink("/dev/zero", link); err != nil {
		t.Fatal(err)
	}
	_, err := readWithin(t, link, 1<<20)
	e := wantCode(t, err, boundedfile.CodeNotRegular)
	if e.Params["kind"] != "character-device" {
		t.Errorf("kind = %q", e.Params["kind"])
	}
}

func TestFIFOIsRefusedWithoutBlocking(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "server.pfx")
	if err := unix.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := readWithin(t, fifo, 1<<20)
	e := wantCode(t, err, boundedfile.CodeNotRegular)
	if e.Params["kind"] != "fifo" {
		t.Errorf("kind = %q", e.Params["kind"])
	}
}

func TestLinkLoopIsUnreadable(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	os.Symlink(b, a)
	os.Symlink(a, b)
	_, err := readWithin(t, a, 10)
	wantCode(t, err, boundedfile.CodeUnreadable)
}

func TestUnreadableForPermissions(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads every file")
	}
	path := filepath.Join(t.TempDir(), "secret")
	if err := os.WriteFile(path, []byte("x"), 0o000); err != nil {
		t.Fatal(err)
	}
	_, err := readWithin(t, path, 10)
	wantCode(t, err, boundedfile.CodeUnreadable)
}

// Files in /proc say they are empty and are not: the limit holds on what is
// read, not on what the size said.
func TestFileLongerThanItsSizeSaysIsRefused(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("needs /proc")
	}
	path := "/proc/self/maps"
	if info, err := os.Stat(path); err != nil || info.Size() != 0 {
		t.Skipf("%s: %v, %v", path, info, err)
	}
	_, err := readWithin(t, path, 16)
	wantCode(t, err, boundedfile.CodeTooLarge)
	data, err := readWithin(t, path, 1<<20)
	if err != nil || !bytes.Contains(data, []byte("/")) {
		t.Fatalf("Read(%s) = %d bytes, %v", path, len(data), err)
	}
}

// A name that is a regular file when stat looks and a FIFO when open comes:
// a writer swaps the two as fast as it can while Read reads. os.Stat then
// os.Open hangs about 3 times in 100 here; Read must never hang, and must
// return either the whole file or file-not-regular.
func TestFileSwappedForAFIFOIsNeverWaitedOn(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "client.pem")
	content := []byte("regular content\n")
	if err := os.WriteFile(path, content, 0o600); err != nil {
		t.Fatal(err)
	}
	var stop atomic.Bool
	swapped := make(chan error, 1)
	go func() {
		for i := 0; !stop.Load(); i++ {
			fifo := filepath.Join(dir, "fifo.tmp")
			regular := filepath.Join(dir, "regular.tmp")
			if err := unix.Mkfifo(fifo, 0o600); err != nil {
				swapped <- err
				return
			}
			if err := os.Rename(fifo, path); err != nil {
				swapped <- err
				return
			}
			if err := os.WriteFile(regular, content, 0o600); err != nil {
				swapped <- err
				return
			}
			if err := os.Rename(regular, path); err != nil {
				swapped <- err
				return
			}
		}
		swapped <- nil
	}()
	defer func() {
		stop.Store(true)
		if err := <-swapped; err != nil {
			t.Errorf("swapping: %v", err)
		}
	}()
	var whole, refused int
	for i := 0; i < 20000 && (whole < 100 || refused < 100); i++ {
		data, err := readWithin(t, path, 1<<20)
		switch {
		case err == nil:
			if !bytes.Equal(data, content) {
				t.Fatalf("read %q", data)
			}
			whole++
		case coded.CodeOf(err) == boundedfile.CodeNotRegular:
			refused++
		case errors.Is(err, os.ErrNotExist):
			t.Fatalf("the name never stops existing: %v", err)
		default:
			t.Fatalf("unexpected error: %v", err)
		}
	}
	t.Logf("%d whole reads, %d refusals", whole, refused)
	if whole == 0 || refused == 0 {
		t.Fatalf("the swap was never seen (%d whole, %d refused): the test proved nothing", whole, refused)
	}
}
