package foraccount

import (
	"bytes"
	"context"
	"io"
	"strings"

	"qscert/certs/accounts"
	"qscert/certs/coded"
)

// MaxChildOutput bounds what is kept of a child's JSON document.
const MaxChildOutput = 16 << 20

// RunAs runs a qscert command as a (`list --json`, `test --json`; args
// without the program) and returns its JSON document and exit code.
// password is asked only for an account that needs one; the bytes it
// returns are cleared when the run ends. A virtual account cannot be
// acted as: account-virtual.
func (s *System) RunAs(ctx context.Context, a accounts.Account, password func() ([]byte, error), args []string) ([]byte, int, error) {
	if a.Kind == accounts.KindVirtual {
		return nil, 0, coded.New(accounts.CodeVirtual, nil, "account", a.Name, "sid", a.SID)
	}
	r, err := s.RunnerFor(a)
	if err != nil {
		return nil, 0, err
	}
	var pw []byte
	if a.NeedsPassword() {
		if password == nil {
			return nil, 0, coded.New(accounts.CodeNeedsPassword, nil, "account", a.Name)
		}
		if pw, err = password(); err != nil {
			return nil, 0, err
		}
		defer clear(pw)
	}
	var doc bytes.Buffer
	tooLong := false
	var stderr strings.Builder
	argv := append([]string{s.Program}, args...)
	code, err := r.Run(ctx, accounts.Request{Account: a, Password: pw, Argv: argv, Errors: &limitedWriter{w: &stderr, n: 4 << 10},
		Output: func(line []byte) {
			if doc.Len()+len(line) > MaxChildOutput {
				tooLong = true
				return
			}
			doc.Write(line)
			doc.WriteByte('\n')
		}})
	if err != nil {
		return nil, code, err
	}
	if tooLong {
		return nil, code, coded.New(accounts.CodeRunFailed, nil, "account", a.Name, "detail", "its output is longer than 16 MiB")
	}
	return doc.Bytes(), code, nil
}

// limitedWriter keeps the first n bytes written.
type limitedWriter struct {
	w io.Writer
	n int
}

func (l *limitedWriter) Write(p []byte) (int, error) {
	if l.n > 0 {
		k := min(l.n, len(p))
		_, _ = l.w.Write(p[:k])
		l.n -= k
	}
	return len(p), nil
}
