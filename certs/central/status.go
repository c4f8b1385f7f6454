package central

import (
	"fmt"
	"sort"
	"time"

	"qscert/certs/accounts"
	"qscert/certs/coded"
)

// Status says where a procedure stands, read from its journal: the step
// it reached and how, and what the machine is like because of it. It is
// what the next qscert shows of a procedure that was stopped, and what a
// failure says.
type Status struct {
	ID        string           `json:"id"`
	Journal   string           `json:"journal"`
	Folder    string           `json:"folder"`
	StartedAt time.Time        `json:"startedAt"`
	Site      Site             `json:"site"`
	Account   accounts.Account `json:"account"`
	// Step is the last step that started, StepState whether it was under
	// way (start: the procedure was killed during it), done or failed.
	Step      StepID     `json:"step"`
	StepState string     `json:"stepState"`
	Failure   coded.Code `json:"failure,omitempty"`
	Attempt   int        `json:"attempt"`
	// State is the machine's: unchanged, services-stopped, deleting,
	// certificates-deleted, bootstrap-unfinished, bootstrap-done,
	// certificates-new, services-started, or finished, restored.
	State string `json:"state"`
	// Changed is false while nothing on the machine has changed: there is
	// then nothing to restore.
	Changed bool `json:"changed"`
	// Stopped are the services the procedure stopped and did not start.
	Stopped []string `json:"stopped"`
	Deleted int      `json:"deleted"`
	Planned int      `json:"planned"`
	// Backups are each part's backup, which a restore puts back.
	Backups map[Part]string `json:"backups"`
	Ended   string          `json:"ended,omitempty"`
}

func statusOf(r *record) Status {
	st := Status{ID: r.ID, Journal: r.path, Folder: r.Folder, StartedAt: r.CreatedAt, Site: r.Site, Account: r.Account,
		Step: r.last, StepState: r.lastState, Failure: r.failure, Attempt: r.attempt, Deleted: len(r.removed),
		Planned: len(r.Planned), Backups: r.backups, Ended: r.ended, Stopped: []string{}}
	if st.Step == "" {
		st.Step = StepPreconditions
	}
	for s := range r.stopped {
		st.Stopped = append(st.Stopped, s)
	}
	sort.Strings(st.Stopped)
	switch {
	case r.ended == jRestored:
		st.State = "restored"
	case r.ended == jFinished:
		st.State = "finished"
	case r.done[StepRestart]:
		st.State = "services-started"
	case r.done[StepVerify]:
		st.State = "certificates-new"
	case r.done[StepBootstrap]:
		st.State = "bootstrap-done"
	case r.last == StepBootstrap:
		st.State = "bootstrap-unfinished"
	case r.done[StepDelete]:
		st.State = "certificates-deleted"
	case len(r.removing) > 0 || r.expGone:
		st.State = "deleting"
	case len(r.stopped) > 0:
		st.State = "services-stopped"
	default:
		st.State = "unchanged"
	}
	st.Changed = st.State != "unchanged" && st.State != "restored"
	return st
}

// params are the sentence's: central.event.stopped, recreate-stopped,
// recreate-unfinished.
func (s Status) Params() map[string]string {
	return map[string]string{
		"step": string(s.Step), "n": fmt.Sprint(s.Step.Number()), "total": fmt.Sprint(len(Steps)),
		"reason": "state-" + s.State, "folder": s.Folder, "journal": s.Journal,
		"started": s.StartedAt.UTC().Format(time.RFC3339), "deleted": fmt.Sprint(s.Deleted), "planned": fmt.Sprint(s.Planned),
	}
}

func (s Status) paramList() []string {
	var out []string
	for k, v := range s.Params() {
		out = append(out, k, v)
	}
	return out
}

// Unfinished returns the status of the procedure the node's mark names,
// or nil when there is none. Any qscert that starts on a central node can
// ask it, to say where a stopped procedure stands and offer to go on
// (Resume) or to restore (Restore).
func Unfinished(node *Node) (*Status, error) {
	path, err := node.Mark.Get()
	if err != nil || path == "" {
		return nil, err
	}
	rec, err := readJournal(path)
	if err != nil {
		return nil, err
	}
	if rec.ended != "" {
		return nil, nil
	}
	st := statusOf(rec)
	return &st, nil
}

// StatusOf reads the status of the procedure whose folder is folder.
func StatusOf(folder string) (*Status, error) {
	rec, err := readJournal(journalIn(folder))
	if err != nil {
		return nil, err
	}
	st := statusOf(rec)
	return &st, nil
}
