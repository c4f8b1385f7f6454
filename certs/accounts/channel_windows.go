package accounts

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"io"
	"os"
	"time"
	"unsafe"

	"golang.org/x/sys/windows"
)

// pipeChannel is a named pipe only the target account may open. The name
// is random and the pipe exists (FILE_FLAG_FIRST_PIPE_INSTANCE, one
// instance) before the task that is told its name: nobody can take the
// name first, and nobody but the account gets in.
type pipeChannel struct {
	name string
	h    windows.Handle
	f    *os.File // once connected: the handle, read and written through Go's poller
}

const (
	pipeRejectRemoteClients   = 0x00000008 // PIPE_REJECT_REMOTE_CLIENTS
	fileFlagFirstPipeInstance = 0x00080000 // FILE_FLAG_FIRST_PIPE_INSTANCE
	pipeBufferSize            = 64 << 10
	securitySQOSPresent       = 0x00100000 // SECURITY_SQOS_PRESENT
	securityIdentification    = 1 << 16    // SECURITY_IDENTIFICATION: the server may not act as the client
	waitTimeoutMilliseconds   = 100
)

func newPlatformChannel(a Account) (channel, error) { return newPipeChannel(a.SID) }

// newPipeChannel makes the pipe, with a protected DACL that allows read
// and write to sid and nothing to anyone else (the owner keeps only the
// implicit READ_CONTROL and WRITE_DAC).
func newPipeChannel(sid string) (*pipeChannel, error) {
	if _, err := windows.StringToSid(sid); err != nil {
		return nil, err
	}
	// D:P: a protected DACL, nothing inherited. (A;;GRGW;;;sid): allow
	// generic read and write to the account.
	sd, err := windows.SecurityDescriptorFromString("D:P(A;;GRGW;;;" + sid + ")")
	if err != nil {
		return nil, err
	}
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		return nil, err
	}
	name := `\\.\pipe\qscert-run-` + hex.EncodeToString(b[:])
	u, err := windows.UTF16PtrFromString(name)
	if err != nil {
		return nil, err
	}
	sa := windows.SecurityAttributes{Length: uint32(unsafe.Sizeof(windows.SecurityAttributes{})), SecurityDescriptor: sd}
	h, err := windows.CreateNamedPipe(u,
		windows.PIPE_ACCESS_DUPLEX|windows.FILE_FLAG_OVERLAPPED|fileFlagFirstPipeInstance,
		windows.PIPE_TYPE_BYTE|windows.PIPE_READMODE_BYTE|windows.PIPE_WAIT|pipeRejectRemoteClients,
		1, // nMaxInstances: this one only
		pipeBufferSize, pipeBufferSize,
		0, // nDefaultTimeOut: 50 ms, for WaitNamedPipe only
		&sa)
	if err != nil {
		return nil, err
	}
	return &pipeChannel{name: name, h: h}, nil
}

func (c *pipeChannel) Name() string { return c.name }

// Accept waits for the client with an overlapped ConnectNamedPipe, which
// CancelIoEx ends when ctx does.
func (c *pipeChannel) Accept(ctx context.Context) (io.ReadWriteCloser, error) {
	ev, err := windows.CreateEvent(nil, 1, 0, nil) // manual reset, not signalled
	if err != nil {
		return nil, err
	}
	defer windows.CloseHandle(ev)
	ov := windows.Overlapped{HEvent: ev}
	err = windows.ConnectNamedPipe(c.h, &ov)
	switch {
	case err == nil, errors.Is(err, windows.ERROR_PIPE_CONNECTED):
	case errors.Is(err, windows.ERROR_IO_PENDING):
		if err := c.waitConnect(ctx, &ov); err != nil {
			return nil, err
		}
	default:
		return nil, err
	}
	// Connected: from here Go's poller does the overlapped reads and
	// writes (os.NewFile sees an overlapped handle, Go 1.25 and later).
	c.f = os.NewFile(uintptr(c.h), c.name)
	c.h = 0
	return c.f, nil
}

func (c *pipeChannel) waitConnect(ctx context.Context, ov *windows.Overlapped) error {
	for {
		ev, err := windows.WaitForSingleObject(ov.HEvent, waitTimeoutMilliseconds)
		if err != nil {
			return err
		}
		if ev == windows.WAIT_OBJECT_0 {
			var n uint32
			return windows.GetOverlappedResult(c.h, ov, &n, false)
		}
		if ctx.Err() != nil {
			_ = windows.CancelIoEx(c.h, ov)
			var n uint32
			_ = windows.GetOverlappedResult(c.h, ov, &n, true) // wait for the cancel to land
			return ctx.Err()
		}
	}
}

func (c *pipeChannel) Close() error {
	if c.f != nil {
		return c.f.Close()
	}
	if c.h != 0 {
		err := windows.CloseHandle(c.h)
		c.h = 0
		return err
	}
	return nil
}

// dialChannel is the child's end: it opens the pipe for reading and
// writing, allowing the server to identify it but not act as it.
func dialChannel(name string) (io.ReadWriteCloser, error) {
	u, err := windows.UTF16PtrFromString(name)
	if err != nil {
		return nil, err
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		h, err := windows.CreateFile(u, windows.GENERIC_READ|windows.GENERIC_WRITE,
			0,   // no sharing
			nil, // default security
			windows.OPEN_EXISTING,
			securitySQOSPresent|securityIdentification,
			0)
		if err == nil {
			return os.NewFile(uintptr(h), name), nil
		}
		// ERROR_PIPE_BUSY: another client is being served; it cannot be
		// us twice, but wait a moment rather than fail on a race.
		if !errors.Is(err, windows.ERROR_PIPE_BUSY) || time.Now().After(deadline) {
			return nil, err
		}
		time.Sleep(50 * time.Millisecond)
	}
}
