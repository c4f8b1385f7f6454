package central

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sync"

	"qscert/certs/accounts"
	"qscert/certs/coded"
)

// Acting is how the procedure acts as the Qlik service account: the
// account, its password when it is an ordinary user (typed once, kept in
// memory only), the runner that starts the sub-command as it, and which
// store that sub-command opens.
type Acting struct {
	Account  accounts.Account
	Password []byte
	Runner   accounts.Runner
	Child    []string
	Store    string
}

// maxChildErrors bounds what is kept of a child's standard error for a
// message.
const maxChildErrors = 8 << 10

// run starts the sub-command with req and passes each answer line to
// each; it returns the error line's error, if the child sent one, or why
// the run failed.
func (a *Acting) run(ctx context.Context, req childRequest, each func(childLine) error) error {
	if len(a.Child) == 0 {
		return coded.New(CodeChildFailed, nil, "detail", "no sub-command to run as the service account")
	}
	req.Store = a.Store
	payload, err := json.Marshal(req)
	if err != nil {
		return err
	}
	defer clear(payload)
	var (
		mu      sync.Mutex
		failure error
		stderr  limitedBuffer
	)
	stderr.max = maxChildErrors
	code, err := a.Runner.Run(ctx, accounts.Request{
		Account: a.Account, Password: a.Password, Argv: a.Child, Payload: payload, Errors: &stderr,
		Output: func(b []byte) {
			var l childLine
			if json.Unmarshal(b, &l) != nil {
				return // not ours: a line a library printed
			}
			mu.Lock()
			defer mu.Unlock()
			if failure != nil {
				return
			}
			if l.Error != nil {
				failure = l.Error.err()
				return
			}
			if each != nil {
				if err := each(l); err != nil {
					failure = err
				}
			}
		},
	})
	mu.Lock()
	defer mu.Unlock()
	switch {
	case failure != nil:
		return failure
	case err != nil:
		return err
	case code != 0:
		return coded.New(CodeChildFailed, errors.New(stderr.String()), "account", a.Account.Name,
			"detail", fmt.Sprintf("exit code %d: %s", code, stderr.String()))
	}
	return nil
}

// limitedBuffer keeps the first max bytes written to it.
type limitedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
	max int
}

func (b *limitedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if room := b.max - b.buf.Len(); room > 0 {
		b.buf.Write(p[:min(len(p), room)])
	}
	return len(p), nil
}

func (b *limitedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return string(bytes.TrimSpace(b.buf.Bytes()))
}

var _ io.Writer = (*limitedBuffer)(nil)
