package accounts

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
)

// channel is the parent's end of the pipe a task run talks through: a
// named pipe only the target account may open (Windows), a Unix socket in
// a private folder (tests elsewhere).
type channel interface {
	// Name is what the child is given to connect to.
	Name() string
	// Accept waits for the child to connect; ctx ends the wait.
	Accept(ctx context.Context) (io.ReadWriteCloser, error)
	Close() error
}

// errNoExit is a channel that closed before the child reported its exit
// code: it crashed, or was killed.
var errNoExit = errors.New("the command ended without reporting its exit code")

// converse hands the payload to the child on conn, passes its output
// lines to out and returns its exit code. Cancelling ctx closes conn.
func converse(ctx context.Context, conn io.ReadWriteCloser, payload []byte, out func([]byte)) (int, error) {
	stop := context.AfterFunc(ctx, func() { conn.Close() })
	defer stop()
	if err := writeFrame(conn, framePayload, payload); err != nil {
		if ctx.Err() != nil {
			return -1, cancelled(ctx)
		}
		return -1, runFailed("sending the payload", err)
	}
	pr, pw := io.Pipe()
	lines := make(chan error, 1)
	var panicked any
	go func() {
		// out is the caller's: should it panic, the panic goes on in
		// the caller's goroutine, where its deferred clean-up (deleting
		// the task) runs, not here, where it would end the process.
		defer func() {
			if p := recover(); p != nil {
				panicked = p
				pr.CloseWithError(errNoExit)
				conn.Close()
				lines <- nil
			}
		}()
		err := copyLines(pr, out)
		pr.CloseWithError(io.EOF)
		lines <- err
	}()
	code, err := readOutput(conn, pw)
	pw.Close()
	lerr := <-lines
	if panicked != nil {
		panic(panicked)
	}
	if err == nil && lerr != nil {
		return -1, lerr
	}
	if ctx.Err() != nil {
		return -1, cancelled(ctx)
	}
	return code, err
}

// readOutput copies output frames to w until the exit frame.
func readOutput(r io.Reader, w io.Writer) (int, error) {
	for {
		typ, b, err := readFrame(r, maxOutputFrame)
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			return -1, runFailed("", errNoExit)
		}
		if err != nil {
			return -1, runFailed("reading the output", err)
		}
		switch typ {
		case frameOutput:
			if _, err := w.Write(b); err != nil {
				return -1, err
			}
		case frameExit:
			if len(b) != 4 {
				return -1, runFailed("", fmt.Errorf("exit frame of %d bytes", len(b)))
			}
			return int(int32(binary.BigEndian.Uint32(b))), nil
		default:
			return -1, runFailed("", fmt.Errorf("unexpected frame %q", typ))
		}
	}
}
