package store

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"time"

	"github.com/gofrs/flock"

	"qscert/certs/boundedfile"
	"qscert/certs/coded"
	"qscert/certs/durable"
)

// The folder store's lock is an flock(2) (LockFileEx on Windows) on
// .qscert.lock at the store's top: every process that can change the store
// can open that file, the system drops the lock when its holder dies, and
// it needs no clean-up. The holder writes who it is in .qscert.holder, a
// separate file because on Windows a locked range cannot even be read.
// An flock is not seen across NFS clients older than Linux 2.6.12, where
// it is emulated with fcntl locks; a store on a network share is for one
// machine at a time.

var _ Locker = (*Folder)(nil)

func (f *Folder) Lock(ctx context.Context, wait func(Holder)) (func() error, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.depth > 0 {
		f.depth++
		return f.unlockOnce(), nil
	}
	lk := newFolderFlock(f.root)
	start := time.Now()
	ok, err := lk.TryLock()
	if err != nil {
		return nil, f.lockError(err)
	}
	if !ok {
		holder := f.readHolder()
		if wait != nil {
			wait(holder)
		}
		wctx, cancel := context.WithDeadline(ctx, lockDeadline(ctx))
		defer cancel()
		ok, err = lk.TryLockContext(wctx, lockRetry)
		if !ok {
			holder = f.readHolder()
			return nil, busy(f.Name(), &holder, time.Since(start), err)
		}
	}
	f.lock, f.depth = lk, 1
	h := currentHolder()
	if data, err := json.Marshal(h); err == nil {
		// Only a hint for whoever waits: not worth two fsyncs.
		_ = durable.ReplaceAtomic(filepath.Join(f.root, holderName), data, 0o644)
	}
	f.cleanStale()
	return f.unlockOnce(), nil
}

// unlockOnce is the unlock of one Lock call: calling it twice does not
// release a lock that an outer call still holds.
func (f *Folder) unlockOnce() func() error {
	done := false
	return func() error {
		f.mu.Lock()
		defer f.mu.Unlock()
		if done || f.depth == 0 {
			return nil
		}
		done = true
		f.depth--
		if f.depth > 0 {
			return nil
		}
		_ = os.Remove(filepath.Join(f.root, holderName))
		err := f.lock.Unlock()
		f.lock = nil
		return err
	}
}

// lockForChange takes the lock for one Add or Remove when the caller does
// not hold it already.
func (f *Folder) lockForChange(loc Location) (func(), error) {
	unlock, err := f.Lock(context.Background(), nil)
	if err != nil {
		if e := coded.As(err); e != nil && e.Params != nil && loc.Valid() {
			e.Params["location"] = loc.String()
		}
		return nil, err
	}
	return func() { _ = unlock() }, nil
}

// lockError says why the lock file could not be opened: a store folder
// qscert may not write to is read-only, as Check would say; anything else
// is the lock failing.
func (f *Folder) lockError(err error) error {
	if errors.Is(err, os.ErrPermission) || isReadOnlyFS(err) {
		return coded.New(CodeStoreReadOnly, err, "store", f.Name(), "location", f.root)
	}
	if errors.Is(err, os.ErrNotExist) {
		return coded.New(CodeStoreMissing, err, "store", f.Name(), "location", f.root)
	}
	return coded.New(CodeStoreLockFailed, err, "store", f.Name(), "detail", err.Error())
}

// readHolder returns what the holder recorded, or a zero Holder.
func (f *Folder) readHolder() Holder {
	var h Holder
	if data, err := boundedfile.Read(filepath.Join(f.root, holderName), maxHolderSize); err == nil {
		if json.Unmarshal(data, &h) != nil {
			h = Holder{}
		}
	}
	return h
}

// newFolderFlock is the lock file of the store at root, 0600: only the
// store's owner changes it anyway.
func newFolderFlock(root string) *flock.Flock {
	return flock.New(filepath.Join(root, lockName), flock.SetPermissions(0o600), flock.SetFlag(lockOpenFlags))
}
