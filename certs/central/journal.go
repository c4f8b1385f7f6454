package central

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"path/filepath"
	"time"

	"qscert/certs/accounts"
	"qscert/certs/boundedfile"
	"qscert/certs/coded"
	"qscert/certs/durable"
	"qscert/certs/store"
)

// JournalName is the procedure's journal in its folder.
const JournalName = "recreate.jsonl"

// maxJournal bounds what is read of a journal: a few kilobytes in use.
const maxJournal = 4 << 20

// The journal records one procedure: its first line is what it found and
// planned (no secret), each further line an event, written to the disk
// before the procedure goes on. The step states and the events between
// them are enough to say where a killed procedure stopped, and to go on
// or restore.
type journalHeader struct {
	Recreate     int              `json:"recreate"` // 1
	ID           string           `json:"id"`
	CreatedAt    time.Time        `json:"createdAt"`
	Folder       string           `json:"folder"`
	Site         Site             `json:"site"`
	Account      accounts.Account `json:"account"`
	Machine      string           `json:"machineStore"`
	Services     []ServiceStatus  `json:"services"` // the Qlik services as they were
	Planned      []Certificate    `json:"planned"`  // what step 3 was to delete
	Exported     string           `json:"exported"` // Exported Certificates
	ExportedWas  bool             `json:"exportedExisted"`
	Repository   string           `json:"repository"`
	StuckAfterMS int64            `json:"stuckAfterMs"`
}

// journalEvent is one further line.
type journalEvent struct {
	Step    StepID         `json:"step,omitempty"`
	State   string         `json:"state"`
	Attempt int            `json:"attempt,omitempty"`
	Part    Part           `json:"part,omitempty"`
	Backup  string         `json:"backup,omitempty"`
	Backed  []store.CertID `json:"backedUp,omitempty"`
	Cert    *store.CertID  `json:"cert,omitempty"`
	Service string         `json:"service,omitempty"`
	Code    coded.Code     `json:"code,omitempty"`
	Zip     string         `json:"zip,omitempty"`
	Machine []string       `json:"machines,omitempty"`
	New     []Certificate  `json:"new,omitempty"`
	PID     int            `json:"pid,omitempty"`
}

// Step states and events.
const (
	jStart     = "start"
	jDone      = "done"
	jFailed    = "failed"
	jBackup    = "backup"           // a part's certificates were backed up into Backup
	jZip       = "zip"              // Exported Certificates was zipped into Zip
	jStopping  = "service-stopping" // Service is being stopped: written before the stop, so a kill after it is known
	jStopped   = "service-stopped"  // Service is stopped
	jStarted   = "service-started"  // Service runs
	jRemoving  = "removing"         // Cert is being deleted (written before, like jStopping)
	jRemoved   = "removed"          // Cert was deleted
	jExpGoing  = "exported-deleting"
	jExpGone   = "exported-deleted" // Exported Certificates was deleted
	jExpBack   = "exported-restored"
	jPID       = "bootstrap-started"
	jDispatch  = "dispatcher-started"
	jFinished  = "finished" // ends: the procedure ended, restored, or was given up
	jRestored  = "restored"
	jAbandoned = "abandoned"
)

// journal is the journal being written.
type journal struct {
	log  *durable.Log
	path string
}

func newRecreateID(now time.Time) string {
	b := make([]byte, 4)
	_, _ = rand.Read(b)
	return now.UTC().Format("20060102T150405") + "-" + hex.EncodeToString(b)
}

func createJournal(folder string, h journalHeader) (*journal, error) {
	line, err := json.Marshal(h)
	if err != nil {
		return nil, err
	}
	path := filepath.Join(folder, JournalName)
	log, err := durable.CreateLog(path)
	if err != nil {
		return nil, err
	}
	if err := log.Append(line); err != nil {
		log.Close()
		return nil, err
	}
	return &journal{log: log, path: path}, nil
}

func openJournal(path string) (*journal, error) {
	log, err := durable.OpenLog(path)
	if err != nil {
		return nil, err
	}
	return &journal{log: log, path: path}, nil
}

func (j *journal) add(e journalEvent) error {
	line, err := json.Marshal(e)
	if err != nil {
		return err
	}
	return j.log.Append(line)
}

func (j *journal) close() { _ = j.log.Close() }

// record is a journal read back.
type record struct {
	journalHeader
	path string
	// last is the last step that started, lastState how it is: start (it
	// was under way), done or failed.
	last      StepID
	lastState string
	failure   coded.Code
	attempt   int
	// backups are each part's backup of step 2: the original
	// certificates, which a restore puts back.
	backups  map[Part]string
	backedUp map[store.CertID]bool // in any backup of the procedure
	zip      string
	machines []string
	stopped  map[string]bool // stopped, or being stopped when the procedure was killed
	removed  map[store.CertID]bool
	removing map[store.CertID]bool // deleted, or being deleted when it was killed
	expGone  bool
	expBack  bool
	newCerts []Certificate
	dispatch bool
	ended    string
	done     map[StepID]bool
}

// readJournal reads a journal; a last line cut short by a kill is skipped.
func readJournal(path string) (*record, error) {
	data, err := boundedfile.Read(path, maxJournal)
	if err != nil {
		return nil, coded.New(CodeNoJournal, err, "journal", path)
	}
	lines := bytes.Split(data, []byte("\n"))
	r := &record{path: path, backups: map[Part]string{}, backedUp: map[store.CertID]bool{}, stopped: map[string]bool{},
		removed: map[store.CertID]bool{}, removing: map[store.CertID]bool{}, done: map[StepID]bool{}, attempt: 1}
	if err := json.Unmarshal(lines[0], &r.journalHeader); err != nil || r.Recreate != 1 {
		return nil, coded.New(CodeNoJournal, fmt.Errorf("not a recreate journal: %v", err), "journal", path)
	}
	for _, l := range lines[1:] {
		var e journalEvent
		if len(bytes.TrimSpace(l)) == 0 || json.Unmarshal(l, &e) != nil {
			continue
		}
		r.apply(e)
	}
	return r, nil
}

func (r *record) apply(e journalEvent) {
	switch e.State {
	case jStart:
		r.last, r.lastState, r.failure = e.Step, jStart, ""
		if e.Attempt > r.attempt {
			r.attempt = e.Attempt
		}
		for _, later := range Steps[max(e.Step.Number()-1, 0):] {
			delete(r.done, later) // a step done again undoes what came after it
		}
	case jDone:
		r.last, r.lastState = e.Step, jDone
		r.done[e.Step] = true
	case jFailed:
		r.last, r.lastState, r.failure = e.Step, jFailed, e.Code
	case jBackup:
		if e.Step == StepBackup {
			r.backups[e.Part] = e.Backup
		}
		for _, id := range e.Backed {
			r.backedUp[id] = true
		}
	case jZip:
		if e.Step == StepBackup {
			r.zip, r.machines = e.Zip, e.Machine
		}
	case jStopping, jStopped:
		r.stopped[e.Service] = true
	case jStarted:
		delete(r.stopped, e.Service)
	case jRemoving:
		if e.Cert != nil {
			r.removing[*e.Cert] = true
		}
	case jRemoved:
		if e.Cert != nil {
			r.removed[*e.Cert] = true
			r.removing[*e.Cert] = true
		}
	case jExpGoing, jExpGone:
		r.expGone = true
	case jExpBack:
		r.expGone, r.expBack = false, true
	case jDispatch:
		r.dispatch = true
	case jFinished, jRestored, jAbandoned:
		r.ended = e.State
	}
	if e.Step == StepVerify && e.State == jDone {
		r.newCerts = e.New
	}
}

// journalIn is the journal of the procedure whose folder is folder.
func journalIn(folder string) string { return filepath.Join(folder, JournalName) }
