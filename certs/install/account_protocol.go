package install

import (
	"crypto/x509"
	"encoding/json"
	"fmt"
	"io"
	"sync"

	"qscert/certs/accounts"
	"qscert/certs/coded"
)

// What a parent and the child of an account step say to each other. The
// parent sends one AccountRequest as the run's payload, over the pipe only
// the child reads (accounts.Runner): the client's key and the backup
// password travel there and nowhere else, never on a command line or in
// the environment. The child answers with AccountEvent JSON lines on its
// output.

// accountProtocol is the version both sides speak; a child refuses
// another (account-payload-unreadable), so that a qscert of another
// version is never half understood.
const accountProtocol = 1

// Modes of an AccountRequest.
const (
	accountInstall = "install" // add the client to the account's CurrentUser\My, replacing its old ones
	accountUndo    = "undo"    // put the account's store back as the backup of an earlier install says
)

// AccountRequest is the payload of an account step's child.
type AccountRequest struct {
	Protocol int    `json:"protocol"`
	Mode     string `json:"mode"`
	// ParentChange is the parent's change, pending in the store while the
	// child runs: the child leaves it alone when it finishes what a
	// killed child of its own left unfinished.
	ParentChange string `json:"parentChange"`
	Client       []byte `json:"client,omitempty"` // DER
	Key          []byte `json:"key,omitempty"`    // PKCS #8 DER
	Root         []byte `json:"root,omitempty"`   // DER; names the site whose old certificates are replaced
	// BackupPassword protects the child's backup, as the parent's.
	BackupPassword string `json:"backupPassword"`
	// Backup is, for an undo, the child's backup folder to restore.
	Backup string `json:"backup,omitempty"`
}

// Events of an AccountEvent.
const (
	eventStarted = "started" // the child's backup and journal exist; nothing changed yet
	eventStep    = "step"    // one step done
	eventResult  = "result"  // done
	eventError   = "error"   // stopped; RolledBack says whether its own steps were undone
)

// AccountEvent is one line of an account step's child.
type AccountEvent struct {
	Event      string        `json:"event"`
	Backup     string        `json:"backup,omitempty"`
	Journal    string        `json:"journal,omitempty"`
	Done       int           `json:"done,omitempty"`
	Total      int           `json:"total,omitempty"`
	Step       *Step         `json:"step,omitempty"`
	Steps      []Step        `json:"steps,omitempty"`
	Recovered  []Recovery    `json:"recovered,omitempty"`
	RolledBack bool          `json:"rolledBack,omitempty"`
	Error      *AccountError `json:"error,omitempty"`
}

// AccountError is a coded error carried across the process boundary, with
// the coded errors it wraps: the parent says it in its own language.
type AccountError struct {
	Code   coded.Code        `json:"code"`
	Params map[string]string `json:"params,omitempty"`
	Cause  *AccountError     `json:"cause,omitempty"`
}

// maxCauses bounds how deep a carried error goes.
const maxCauses = 8

// accountErrorOf is err for the wire; an error without a code is
// run-failed with its text as the detail.
func accountErrorOf(err error) *AccountError {
	var top *AccountError
	at := &top
	for i := 0; err != nil && i < maxCauses; i++ {
		e := coded.As(err)
		if e == nil {
			if i == 0 {
				*at = &AccountError{Code: accounts.CodeRunFailed, Params: map[string]string{"detail": err.Error()}}
			}
			break
		}
		*at = &AccountError{Code: e.Code, Params: e.Params}
		at = &(*at).Cause
		err = e.Err
	}
	return top
}

// err is the carried error as a coded error again.
func (a *AccountError) err() error {
	if a == nil {
		return nil
	}
	e := coded.New(a.Code, a.Cause.err())
	if len(a.Params) > 0 {
		e.Params = a.Params
	}
	return e
}

// decodeRequest reads a payload. The key is checked here, so that a
// payload that does not hold one is refused before anything changes.
func decodeRequest(payload []byte) (*AccountRequest, *x509.Certificate, any, *x509.Certificate, error) {
	var r AccountRequest
	if err := json.Unmarshal(payload, &r); err != nil {
		return nil, nil, nil, nil, payloadError(err)
	}
	if r.Protocol != accountProtocol {
		return nil, nil, nil, nil, payloadError(fmt.Errorf("protocol %d, this qscert speaks %d", r.Protocol, accountProtocol))
	}
	switch r.Mode {
	case accountUndo:
		return &r, nil, nil, nil, nil
	case accountInstall:
	default:
		return nil, nil, nil, nil, payloadError(fmt.Errorf("mode %q", r.Mode))
	}
	client, err1 := x509.ParseCertificate(r.Client)
	root, err2 := x509.ParseCertificate(r.Root)
	key, err3 := x509.ParsePKCS8PrivateKey(r.Key)
	if err1 != nil || err2 != nil || err3 != nil {
		return nil, nil, nil, nil, payloadError(fmt.Errorf("client: %v; root: %v; key: %v", err1, err2, err3))
	}
	return &r, client, key, root, nil
}

func payloadError(cause error) error {
	return coded.New(CodeAccountPayload, cause, "detail", cause.Error())
}

// eventWriter writes events as JSON lines, one write each: the runner
// passes a line on as soon as it ends.
type eventWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (e *eventWriter) send(ev AccountEvent) {
	line, err := json.Marshal(ev)
	if err != nil {
		return
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	// A parent gone away (killed, cancelled) cannot be told; the change
	// goes on to its end, journaled, for the next run to find.
	_, _ = e.w.Write(append(line, '\n'))
}
