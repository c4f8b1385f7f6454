package console

import (
	"io"
	"sync"
)

// lineReader gives huh's accessible prompts one line per Read. Each of
// those prompts reads through a bufio.Scanner of its own, which would
// swallow the lines typed or piped ahead for the next prompts; reading a
// byte at a time up to the end of the line leaves them where they are.
// It remembers that the input ended: huh's prompts then return their
// default, and the wizard must stop rather than ask forever.
type lineReader struct {
	r     io.Reader
	mu    sync.Mutex
	ended bool
}

func (l *lineReader) Read(p []byte) (int, error) {
	n := 0
	var b [1]byte
	for n < len(p) {
		m, err := l.r.Read(b[:])
		if m == 1 {
			p[n] = b[0]
			n++
			if b[0] == '\n' {
				return n, nil
			}
		}
		if err != nil {
			if err == io.EOF {
				l.mu.Lock()
				l.ended = true
				l.mu.Unlock()
			}
			return n, err
		}
	}
	return n, nil
}

// Ended: the input reached its end (Ctrl+D, Ctrl+Z, a pipe that closed).
func (l *lineReader) Ended() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.ended
}

// terminalLines is a lineReader over a terminal, which also gives huh its
// descriptor: huh reads passwords from it with echo off.
type terminalLines struct {
	*lineReader
	fd uintptr
}

func (t terminalLines) Fd() uintptr { return t.fd }
