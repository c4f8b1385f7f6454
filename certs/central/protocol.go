package central

import (
	"encoding/json"
	"errors"

	"qscert/certs/coded"
	"qscert/certs/store"
)

// The procedure acts as the Qlik service account through a qscert
// sub-command that an accounts.Runner starts as that account (ChildMain):
// to list, export, remove and add in the account's CurrentUser\My, and to
// run the bootstrap. The request is the run's payload, handed over a pipe
// only that account can read (it holds one-time PFX passwords); the
// answers are JSON lines on the run's output.

// childRequest is the payload of one run.
type childRequest struct {
	Op    string `json:"op"`    // list, export, remove, add, run
	Store string `json:"store"` // the store to open: "windows", "folder:PATH"

	Location     store.Location `json:"location,omitzero"`
	Thumbprint   string         `json:"thumbprint,omitempty"`
	Password     string         `json:"password,omitempty"` // the one-time password of the PFX carried
	PFX          []byte         `json:"pfx,omitempty"`
	FriendlyName string         `json:"friendlyName,omitempty"`

	// Argv is the program a "run" starts, HeartbeatMS how often the
	// child says it is alive (a write that fails tells it the parent is
	// gone: it then ends the program).
	Argv        []string `json:"argv,omitempty"`
	HeartbeatMS int      `json:"heartbeatMs,omitempty"`
}

// childLine is one line of the child's output.
type childLine struct {
	Entry   *childEntry `json:"entry,omitempty"`
	PFX     []byte      `json:"pfx,omitempty"`
	Started int         `json:"started,omitempty"` // the program's process id
	Line    *string     `json:"line,omitempty"`    // a line of its output
	Exit    *int        `json:"exit,omitempty"`    // its exit code
	Alive   bool        `json:"alive,omitempty"`
	Error   *childError `json:"error,omitempty"`
	OK      bool        `json:"ok,omitempty"`
}

type childEntry struct {
	DER          []byte `json:"der"`
	HasKey       bool   `json:"hasKey"`
	FriendlyName string `json:"friendlyName,omitempty"`
}

// childError carries a coded error across: its code and parameters come
// back as the same coded error.
type childError struct {
	Code   coded.Code        `json:"code,omitempty"`
	Params map[string]string `json:"params,omitempty"`
	Detail string            `json:"detail"`
}

func errorLine(err error) childLine {
	ce := &childError{Detail: err.Error()}
	if e := coded.As(err); e != nil {
		ce.Code, ce.Params = e.Code, e.Params
	}
	return childLine{Error: ce}
}

func (e *childError) err() error {
	if e.Code != "" {
		ce := coded.New(e.Code, errors.New(e.Detail))
		ce.Params = e.Params
		return ce
	}
	return coded.New(CodeChildFailed, errors.New(e.Detail), "detail", e.Detail)
}

func marshalLine(l childLine) []byte {
	b, _ := json.Marshal(l)
	return b
}
