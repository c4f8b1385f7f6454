//go:build !windows

package accounts

import (
	"context"
	"io"
	"net"
	"os"
	"path/filepath"
)

// unixChannel is a Unix socket in a folder only this user may enter: the
// stand-in for the Windows named pipe, for the task runner's tests.
type unixChannel struct {
	dir string
	l   *net.UnixListener
}

func newUnixChannel() (*unixChannel, error) {
	dir, err := os.MkdirTemp("", "qscert-run-") // 0700
	if err != nil {
		return nil, err
	}
	l, err := net.ListenUnix("unix", &net.UnixAddr{Name: filepath.Join(dir, "s"), Net: "unix"})
	if err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	return &unixChannel{dir: dir, l: l}, nil
}

func (c *unixChannel) Name() string { return c.l.Addr().String() }

func (c *unixChannel) Accept(ctx context.Context) (io.ReadWriteCloser, error) {
	stop := context.AfterFunc(ctx, func() { c.l.Close() })
	defer stop()
	conn, err := c.l.Accept()
	if err != nil && ctx.Err() != nil {
		return nil, ctx.Err()
	}
	return conn, err
}

func (c *unixChannel) Close() error {
	err := c.l.Close()
	os.RemoveAll(c.dir)
	return err
}

func dialChannel(name string) (io.ReadWriteCloser, error) { return net.Dial("unix", name) }

func newPlatformChannel(Account) (channel, error) { return newUnixChannel() }
