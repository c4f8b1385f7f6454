package accounts

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
)

// ChildPipeFlag is the flag a Runner appends to the sub-command's
// arguments when the payload comes over a named pipe rather than standard
// input: "--accounts-pipe=<name>". The name is not a secret (the pipe's
// DACL admits the target account only); the sub-command passes it to
// OpenChild.
const ChildPipeFlag = "--accounts-pipe"

// PipeArg returns the value of ChildPipeFlag in args, or "".
func PipeArg(args []string) string {
	for i, a := range args {
		if v, ok := strings.CutPrefix(a, ChildPipeFlag+"="); ok {
			return v
		}
		if a == ChildPipeFlag && i+1 < len(args) {
			return args[i+1]
		}
	}
	return ""
}

// Child is the sub-command's side of a run: the payload it was handed and
// where its JSON lines go.
type Child struct {
	Payload []byte
	Out     io.Writer
	conn    io.ReadWriteCloser // nil on standard input and output
	mu      sync.Mutex
}

// OpenChild reads the payload. With pipe "" (the logon runner) it is
// standard input, read to its end, and output is standard output. With a
// pipe name (the task runner, which has no console to hand down) both go
// through that pipe, framed, and Close reports the exit code there.
func OpenChild(pipe string) (*Child, error) {
	if pipe == "" {
		b, err := io.ReadAll(io.LimitReader(os.Stdin, MaxPayload+1))
		if err != nil {
			return nil, err
		}
		if len(b) > MaxPayload {
			return nil, errors.New("payload too large")
		}
		return &Child{Payload: b, Out: os.Stdout}, nil
	}
	conn, err := dialChannel(pipe)
	if err != nil {
		return nil, err
	}
	typ, b, err := readFrame(conn, MaxPayload)
	if err == nil && typ != framePayload {
		err = fmt.Errorf("unexpected frame %q", typ)
	}
	if err != nil {
		conn.Close()
		return nil, fmt.Errorf("reading the payload: %w", err)
	}
	c := &Child{Payload: b, conn: conn}
	c.Out = childWriter{c}
	return c, nil
}

// Close ends the run: over a pipe it reports exitCode and closes the
// pipe; on standard output the process's own exit code says it, so it
// does nothing. The caller still exits with exitCode.
func (c *Child) Close(exitCode int) error {
	if c.conn == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	var b [4]byte
	binary.BigEndian.PutUint32(b[:], uint32(int32(exitCode)))
	err := writeFrame(c.conn, frameExit, b[:])
	if cerr := c.conn.Close(); err == nil {
		err = cerr
	}
	c.conn = nil
	return err
}

type childWriter struct{ c *Child }

func (w childWriter) Write(p []byte) (int, error) {
	w.c.mu.Lock()
	defer w.c.mu.Unlock()
	if w.c.conn == nil {
		return 0, os.ErrClosed
	}
	n := 0
	for len(p) > 0 {
		chunk := p[:min(len(p), maxOutputFrame)]
		if err := writeFrame(w.c.conn, frameOutput, chunk); err != nil {
			return n, err
		}
		n += len(chunk)
		p = p[len(chunk):]
	}
	return n, nil
}

// The frames on a run's pipe: a type byte, a big-endian uint32 length,
// the bytes. The parent sends one payload frame; the child sends output
// frames and one exit frame (its exit code, a big-endian int32).
const (
	framePayload   = 'p'
	frameOutput    = 'o'
	frameExit      = 'x'
	maxOutputFrame = 64 << 10
)

func writeFrame(w io.Writer, typ byte, b []byte) error {
	hdr := make([]byte, 5, 5+len(b))
	hdr[0] = typ
	binary.BigEndian.PutUint32(hdr[1:], uint32(len(b)))
	_, err := w.Write(append(hdr, b...))
	return err
}

// readFrame reads one frame, refusing one longer than limit before
// allocating it.
func readFrame(r io.Reader, limit int) (byte, []byte, error) {
	var hdr [5]byte
	if _, err := io.ReadFull(r, hdr[:]); err != nil {
		return 0, nil, err
	}
	n := binary.BigEndian.Uint32(hdr[1:])
	if uint64(n) > uint64(limit) {
		return 0, nil, fmt.Errorf("frame of %d bytes, more than %d", n, limit)
	}
	b := make([]byte, n)
	if _, err := io.ReadFull(r, b); err != nil {
		return 0, nil, err
	}
	return hdr[0], b, nil
}
