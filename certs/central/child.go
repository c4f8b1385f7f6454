package central

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"

	"qscert/certs/accounts"
	"qscert/certs/coded"
	"qscert/certs/store"
)

// ChildMain is the sub-command the procedure runs as the Qlik service
// account (`qscert recreate __child`, started by an accounts.Runner): it
// reads its request from the payload, opens the account's own store or
// starts the bootstrap, answers in JSON lines, and returns its exit code.
// It never prints a secret: the payload's one-time passwords and PFX
// files go nowhere but the store.
func ChildMain(args []string) int {
	c, err := accounts.OpenChild(accounts.PipeArg(args))
	if err != nil {
		fmt.Fprintln(os.Stderr, "qscert recreate child:", err)
		return 2
	}
	var req childRequest
	err = json.Unmarshal(c.Payload, &req)
	clear(c.Payload)
	w := &lineWriter{out: c.Out}
	code := 0
	if err != nil {
		code = w.fail(fmt.Errorf("unreadable request: %w", err))
	} else {
		code = serveChild(req, w)
	}
	_ = c.Close(code)
	return code
}

// serveChild does one request.
func serveChild(req childRequest, w *lineWriter) int {
	if req.Op == "run" {
		return runProgram(req.Argv, req.HeartbeatMS, w)
	}
	s, err := openChildStore(req.Store)
	if err != nil {
		return w.fail(err)
	}
	defer s.Close()
	switch req.Op {
	case "list":
		entries, err := s.List(req.Location)
		if err != nil {
			return w.fail(err)
		}
		for _, e := range entries {
			if w.write(childLine{Entry: &childEntry{DER: e.Raw, HasKey: e.HasPrivateKey, FriendlyName: e.FriendlyName}}) != nil {
				return 3
			}
		}
	case "export":
		pfx, err := s.ExportPFX(req.Location, req.Thumbprint, req.Password)
		if err != nil {
			return w.fail(err)
		}
		if w.write(childLine{PFX: pfx}) != nil {
			return 3
		}
	case "remove":
		if err := s.Remove(req.Location, req.Thumbprint); err != nil {
			return w.fail(err)
		}
	case "add":
		cert, key, err := store.DecodePFX(req.PFX, req.Password)
		clear(req.PFX)
		if err != nil {
			return w.fail(err)
		}
		if err := s.Add(req.Location, cert, key, req.FriendlyName); err != nil {
			return w.fail(err)
		}
	default:
		return w.fail(fmt.Errorf("unknown request %q", req.Op))
	}
	if w.write(childLine{OK: true}) != nil {
		return 3
	}
	return 0
}

// openChildStore opens the store the parent named: this account's
// Windows stores, or a folder store (the simulated node's).
func openChildStore(spec string) (store.Store, error) {
	if path, ok := strings.CutPrefix(spec, "folder:"); ok {
		return store.OpenFolder(path)
	}
	if spec == "windows" {
		return store.OpenWindows()
	}
	return nil, coded.New(store.CodeStoreUnsupported, nil, "store", spec)
}

// lineWriter writes JSON lines to the parent, one at a time.
type lineWriter struct {
	mu  sync.Mutex
	out io.Writer
}

func (w *lineWriter) write(l childLine) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	_, err := w.out.Write(append(marshalLine(l), '\n'))
	return err
}

// fail sends err and returns the exit code of a failed request.
func (w *lineWriter) fail(err error) int {
	_ = w.write(errorLine(err))
	return 1
}
