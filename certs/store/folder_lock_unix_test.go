//go:build unix

package store_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"golang.org/x/sys/unix"

	"qscert/certs/store"
	"qscert/certs/store/storetest"
)

// A lock file that cannot be opened for a reason that is neither rights
// nor absence (here a link loop) is store-lock-failed, and no change is
// made without the lock.
func TestFolderLockThatCannotBeMade(t *testing.T) {
	dir := t.TempDir()
	lock := filepath.Join(dir, ".qscert.lock")
	if err := os.Symlink(lock, lock); err != nil {
		t.Fatal(err)
	}
	f := openFolder(t, dir)
	_, err := f.Lock(context.Background(), nil)
	storetest.WantCode(t, err, store.CodeStoreLockFailed)
	storetest.WantCode(t, f.Add(store.LocalMachineRoot, storetest.TestExport(t).Root.Cert, nil, ""), store.CodeStoreLockFailed)
	if _, err := os.Stat(filepath.Join(dir, "LocalMachine")); !os.IsNotExist(err) {
		t.Fatalf("a change was made without the lock: %v", err)
	}
}

// A FIFO in the lock file's place must not hang the writer in open(2).
func TestFolderLockFileReplacedByAFIFO(t *testing.T) {
	dir := t.TempDir()
	if err := unix.Mkfifo(filepath.Join(dir, ".qscert.lock"), 0o600); err != nil {
		t.Fatal(err)
	}
	f := openFolder(t, dir)
	done := make(chan error, 1)
	go func() {
		unlock, err := f.Lock(context.Background(), nil)
		if err == nil {
			unlock()
		}
		done <- err
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("Lock hangs on a FIFO")
	}
}
