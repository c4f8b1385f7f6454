package store

import (
	"context"
	"errors"
	"runtime"
	"sync"
	"time"
	"unsafe"

	"golang.org/x/sys/windows"

	"qscert/certs/coded"
)

// The Windows store's writer lock is a named mutex that every qscert of
// the machine opens.
//
// The name. "Global\" puts it in the machine's one kernel namespace
// (\BaseNamedObjects), which every session sees: the console, each
// Remote Desktop session and the services of session 0. Without the
// prefix each session would get its own mutex, and two administrators in
// two RDP sessions would not exclude each other. LocalMachine\Root is
// shared by everyone, so there is one lock for the whole Windows store;
// "v1" leaves room to change how it is used. Creating a mutex (unlike a
// file mapping) in Global\ needs no SeCreateGlobalPrivilege, so a standard
// user's qscert (a CurrentUser install) takes the same lock.
//
// Its security. qscert creates it with a DACL of its own rather than the
// creator's default (which would shut out every other account): SYSTEM
// and Administrators have every right; Authenticated Users only
// SYNCHRONIZE (wait for it) and MUTEX_MODIFY_STATE (release it), so no
// account but its creator (owners keep WRITE_DAC) and the administrators
// can change who may use it. Every account that may change a store may
// hold it, so one may keep others waiting, which any user could do by
// running qscert anyway; the wait is bounded (store-busy). An account that
// creates the name first with a DACL shutting others out makes their
// qscert stop with store-lock-failed: a denial of service, never a change
// made without the lock. The kernel frees the mutex when its holder dies
// (the next one gets WAIT_ABANDONED, and owns it).
//
// A Win32 mutex belongs to the thread that took it and only that thread
// may release it, while a goroutine moves between threads: one goroutine
// locked to its OS thread takes the mutex, holds it, and releases it when
// told.
const windowsLockName = `Global\qscert.store.lock.v1`

// windowsLockSDDL: D: DACL; (A;;0x1F0001;;;SY) MUTEX_ALL_ACCESS to
// LocalSystem, (A;;0x1F0001;;;BA) to BUILTIN\Administrators,
// (A;;0x100001;;;AU) SYNCHRONIZE|MUTEX_MODIFY_STATE to Authenticated Users.
const windowsLockSDDL = "D:(A;;0x1F0001;;;SY)(A;;0x1F0001;;;BA)(A;;0x100001;;;AU)"

var _ Locker = (*windowsStore)(nil)

// The lock is the machine's, so this process's hold on it is process-wide:
// every windowsStore of the process shares it, and calls nest.
var windowsHold struct {
	sync.Mutex
	depth   int
	release chan struct{}
	done    chan error
}

func (w *windowsStore) Lock(ctx context.Context, wait func(Holder)) (func() error, error) {
	windowsHold.Lock()
	defer windowsHold.Unlock()
	if windowsHold.depth > 0 {
		windowsHold.depth++
		return windowsUnlockOnce(), nil
	}
	start := time.Now()
	deadline := lockDeadline(ctx)
	busyc := make(chan struct{}, 1)
	acquired := make(chan error, 1)
	release := make(chan struct{})
	done := make(chan error, 1)
	stop := make(chan struct{})
	go holdMutex(deadline, stop, busyc, acquired, release, done)
	for {
		select {
		case <-busyc:
			if wait != nil {
				wait(readWindowsHolder())
			}
		case err := <-acquired:
			if err != nil {
				if errors.Is(err, errLockTimeout) {
					h := readWindowsHolder()
					return nil, busy(w.Name(), &h, time.Since(start), nil)
				}
				return nil, coded.New(CodeStoreLockFailed, err, "store", w.Name(), "detail", err.Error())
			}
			windowsHold.depth, windowsHold.release, windowsHold.done = 1, release, done
			writeWindowsHolder(currentHolder())
			return windowsUnlockOnce(), nil
		case <-ctx.Done():
			close(stop)
			// The holding goroutine may have taken the mutex just now;
			// it releases it on stop.
			h := readWindowsHolder()
			return nil, busy(w.Name(), &h, time.Since(start), ctx.Err())
		}
	}
}

var errLockTimeout = errors.New("the lock stayed taken")

// holdMutex runs on its own OS thread: it takes the mutex, says so on
// acquired, and releases it when release is closed (or stop, when nobody
// waits for it any more).
func holdMutex(deadline time.Time, stop <-chan struct{}, busyc chan<- struct{}, acquired chan<- error, release <-chan struct{}, done chan<- error) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	h, err := openWindowsLock()
	if err != nil {
		acquired <- err
		return
	}
	defer windows.CloseHandle(h)
	told := false
	for {
		ms := uint32(0)
		if told {
			ms = uint32(lockRetry / time.Millisecond)
		}
		ev, err := windows.WaitForSingleObject(h, ms)
		switch {
		case err == nil && (ev == windows.WAIT_OBJECT_0 || ev == windows.WAIT_ABANDONED):
			// WAIT_ABANDONED: the last holder died holding it; the mutex is
			// ours now, and the store may hold a change it did not finish.
			acquired <- nil
			select {
			case <-release:
			case <-stop:
			}
			done <- windows.ReleaseMutex(h)
			return
		case err == nil && ev == uint32(windows.WAIT_TIMEOUT):
			if !told {
				told = true
				busyc <- struct{}{}
			}
			if time.Now().After(deadline) {
				acquired <- errLockTimeout
				return
			}
			select {
			case <-stop:
				return
			default:
			}
		default:
			if err == nil {
				err = windows.Errno(ev)
			}
			acquired <- err
			return
		}
	}
}

// openWindowsLock creates the mutex, or opens it when another qscert did,
// asking only for the rights every account has on it.
func openWindowsLock() (windows.Handle, error) {
	sd, err := windows.SecurityDescriptorFromString(windowsLockSDDL)
	if err != nil {
		return 0, err
	}
	sa := &windows.SecurityAttributes{SecurityDescriptor: sd, InheritHandle: 0} // the handle is not inherited by children
	sa.Length = uint32(unsafe.Sizeof(*sa))
	name, err := windows.UTF16PtrFromString(windowsLockName)
	if err != nil {
		return 0, err
	}
	h, err := windows.CreateMutexEx(sa, name,
		0, // dwFlags: not CREATE_MUTEX_INITIAL_OWNER; WaitForSingleObject takes it
		windows.SYNCHRONIZE|windows.MUTEX_MODIFY_STATE) // dwDesiredAccess: wait and release, what Authenticated Users have
	if h != 0 && errors.Is(err, windows.ERROR_ALREADY_EXISTS) {
		err = nil // another qscert made it: the same mutex
	}
	return h, err
}

func windowsUnlockOnce() func() error {
	called := false
	return func() error {
		windowsHold.Lock()
		defer windowsHold.Unlock()
		if called || windowsHold.depth == 0 {
			return nil
		}
		called = true
		windowsHold.depth--
		if windowsHold.depth > 0 {
			return nil
		}
		clearWindowsHolder()
		close(windowsHold.release)
		err := <-windowsHold.done
		windowsHold.release, windowsHold.done = nil, nil
		return err
	}
}
