package install

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"time"

	"qscert/certs/accounts"
	"qscert/certs/boundedfile"
	"qscert/certs/durable"
	"qscert/certs/qlik"
	"qscert/certs/store"
)

// JournalName is the journal's file in a change's backup folder.
const JournalName = "journal.jsonl"

// maxJournal bounds what is read of a journal: a few kilobytes.
const maxJournal = 1 << 20

// A journal is the record of one change to a store, written durably before
// the change's first write and after each step: its first line is the plan
// (what each step does, no secret), each further line a step started or
// done, or how the change ended. After a crash, Recover reads it to finish
// the change: a change that had not added everything yet is undone (what it
// added is removed), one that had is completed (what it was to remove is
// removed). Either way the store ends with exactly the old certificates or
// exactly the new ones, and neither needs a password or a key.
type journalHeader struct {
	Journal   int             `json:"journal"` // 1
	ID        string          `json:"id"`
	Store     string          `json:"store"`
	Backup    string          `json:"backup,omitempty"`
	CreatedAt time.Time       `json:"createdAt"`
	Steps     []journalStep   `json:"steps"`
	Publish   *journalPublish `json:"publish,omitempty"`
}

type journalStep struct {
	Kind       StepKind       `json:"kind"`
	Location   store.Location `json:"location"`
	Thumbprint string         `json:"thumbprint,omitempty"`
	Subject    string         `json:"subject,omitempty"`
	Role       qlik.Role      `json:"role,omitempty"`
	// Account is as whom an account step runs, and whom a grant is for.
	Account *accounts.Account `json:"account,omitempty"`
}

// journalPublish names the certificates the tool files are written from,
// so that a completed change can write them from the store.
type journalPublish struct {
	Client store.CertID `json:"client"`
	Root   store.CertID `json:"root"`
}

// journalEvent is one further line.
type journalEvent struct {
	Step  *int   `json:"step,omitempty"`
	State string `json:"state"` // start, account-backup, done, rolling-back, rolled-back, finished, undone, completed, needs-restore, needs-account
	// Backup is, for account-backup, the backup folder of the account
	// step's child, in the account's profile.
	Backup string `json:"backup,omitempty"`
}

// Journal states.
const (
	jStart       = "start"
	jDone        = "done"
	jRollingBack = "rolling-back"
	jRolledBack  = "rolled-back"
	jFinished    = "finished"
	jUndone      = "undone"        // Recover removed what the change added
	jCompleted   = "completed"     // Recover removed what the change was to remove
	jNeedsRestor = "needs-restore" // Recover could not tell; the backup must be restored
	// An account step had begun: its child's part can be finished or
	// undone only by acting as the account, which Recover cannot (it may
	// need the account's password).
	jNeedsAccount  = "needs-account"
	jAccountBackup = "account-backup" // where an account step's child keeps its backup
)

// journal is the journal of the change Apply is running.
type journal struct {
	log  *durable.Log
	path string
	id   string
}

func newChangeID(now time.Time) string {
	b := make([]byte, 4)
	_, _ = rand.Read(b)
	return now.UTC().Format("20060102T150405") + "-" + hex.EncodeToString(b)
}

// startJournal writes the plan to dir/journal.jsonl.
func startJournal(dir string, p *Plan, backup string, now time.Time) (*journal, error) {
	h := journalHeader{Journal: 1, ID: newChangeID(now), Store: p.Store.Name(), Backup: backup, CreatedAt: now.UTC()}
	for _, s := range p.Steps {
		h.Steps = append(h.Steps, journalStep{Kind: s.Kind, Location: s.Location, Thumbprint: s.Thumbprint, Subject: s.Subject, Role: s.Role, Account: s.Account})
	}
	if p.publish != nil {
		h.Publish = &journalPublish{
			Client: store.CertID{Location: p.publish.clientLoc, Thumbprint: qlik.Thumbprint(p.publish.client)},
			Root:   store.CertID{Location: p.publish.rootLoc, Thumbprint: qlik.Thumbprint(p.publish.root)},
		}
	}
	line, err := json.Marshal(h)
	if err != nil {
		return nil, err
	}
	path := filepath.Join(dir, JournalName)
	log, err := durable.CreateLog(path)
	if err != nil {
		return nil, err
	}
	if err := log.Append(line); err != nil {
		log.Close()
		return nil, err
	}
	return &journal{log: log, path: path, id: h.ID}, nil
}

func (j *journal) step(i int, state string) error {
	line, _ := json.Marshal(journalEvent{Step: &i, State: state})
	return j.log.Append(line)
}

// accountBackup records where the child of step i keeps its backup.
func (j *journal) accountBackup(i int, backup string) error {
	line, _ := json.Marshal(journalEvent{Step: &i, State: jAccountBackup, Backup: backup})
	return j.log.Append(line)
}

func (j *journal) end(state string) error {
	line, _ := json.Marshal(journalEvent{State: state})
	return j.log.Append(line)
}

// journalRecord is a journal as read back.
type journalRecord struct {
	journalHeader
	started, done map[int]bool
	accountBackup map[int]string // an account step's child's backup
	ended         string         // the last end state, if any
	rollingBack   bool
}

// readJournal reads a journal; a last line cut short by a crash is
// skipped, as the write it belonged to never completed.
func readJournal(path string) (*journalRecord, error) {
	data, err := boundedfile.Read(path, maxJournal)
	if err != nil {
		return nil, err
	}
	lines := bytes.Split(data, []byte("\n"))
	if len(lines) == 0 {
		return nil, errors.New("empty journal")
	}
	r := &journalRecord{started: map[int]bool{}, done: map[int]bool{}, accountBackup: map[int]string{}}
	if err := json.Unmarshal(lines[0], &r.journalHeader); err != nil || r.Journal != 1 {
		return nil, fmt.Errorf("not a qscert journal: %v", err)
	}
	for _, l := range lines[1:] {
		var e journalEvent
		if len(bytes.TrimSpace(l)) == 0 || json.Unmarshal(l, &e) != nil {
			continue
		}
		switch {
		case e.Step != nil && *e.Step >= 0 && *e.Step < len(r.Steps):
			switch e.State {
			case jStart:
				r.started[*e.Step] = true
			case jDone:
				r.done[*e.Step] = true
			case jAccountBackup:
				r.accountBackup[*e.Step] = e.Backup
			}
		case e.State == jRollingBack:
			r.rollingBack = true
		case e.Step == nil:
			r.ended = e.State
		}
	}
	return r, nil
}
