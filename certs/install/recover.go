package install

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"sort"
	"time"

	"qscert/certs/accounts"
	"qscert/certs/coded"
	"qscert/certs/durable"
	"qscert/certs/store"
)

// Recovery is what Recover did with one change a killed qscert left
// unfinished.
type Recovery struct {
	Journal string `json:"journal"`
	Backup  string `json:"backup,omitempty"`
	// Action: "undone" (the change had not added everything: what it
	// added was removed), "completed" (it had: what it was to remove was
	// removed), "ended" (it had ended; only its mark was left),
	// "needs-restore" (it was stopped while undoing itself: restore Backup),
	// or "needs-account" (it was stopped once its account step had begun:
	// only acting as Account can finish or undo that part, so nothing was
	// touched; run the same install again).
	Action string `json:"action"`
	// Removed are the certificates Recover removed.
	Removed []store.CertID `json:"removed"`
	// Account and AccountBackup are, for needs-account, the account and
	// its child's backup folder in that account's profile.
	Account       *accounts.Account `json:"account,omitempty"`
	AccountBackup string            `json:"accountBackup,omitempty"`
}

// Recover finishes the changes a killed qscert left unfinished in s, as
// their journals say, and returns what it did. Call it with the store's
// writer lock held (Apply does; RecoverIfIdle takes it). It only ever
// removes Qlik certificates a journal names, never anything else, and it
// needs no password: completing or undoing a change never puts a removed
// certificate back. The journals and backups stay.
func Recover(s store.Store) ([]Recovery, error) { return recoverPending(s, "") }

// recoverPending is Recover leaving the change skip alone: an account
// step's child runs while its parent's change is pending, and live.
func recoverPending(s store.Store, skip string) ([]Recovery, error) {
	pc, ok := s.(store.PendingChanges)
	if !ok {
		return nil, nil
	}
	pending, err := pc.Pending()
	if err != nil || len(pending) == 0 {
		return nil, err
	}
	ids := make([]string, 0, len(pending))
	for id := range pending {
		if id != skip {
			ids = append(ids, id)
		}
	}
	sort.Strings(ids) // oldest first: ids start with their time
	var out []Recovery
	var errs []error
	for _, id := range ids {
		r, err := recoverOne(s, pending[id])
		if err != nil {
			errs = append(errs, err)
			continue
		}
		out = append(out, r)
		if err := pc.ClearPending(id); err != nil {
			errs = append(errs, err)
		}
	}
	return out, errors.Join(errs...)
}

// RecoverIfIdle runs Recover when no other process is changing s (a reading
// command must not wait long for a writer, and a live writer's change is
// not unfinished). It returns nothing when the store stays busy for
// recoverWait: a lock still held that long is a live writer's, while the
// lock of a process killed a moment ago may take a little while to be
// released (Wine frees an abandoned mutex after the process has ended).
func RecoverIfIdle(s store.Store) ([]Recovery, error) {
	pc, ok := s.(store.PendingChanges)
	if !ok {
		return nil, nil
	}
	if pending, err := pc.Pending(); err != nil || len(pending) == 0 {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), recoverWait)
	defer cancel()
	unlock, err := lockStore(ctx, s, nil)
	if coded.CodeOf(err) == store.CodeStoreBusy {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer unlock()
	return Recover(s)
}

// recoverWait is how long a reading command waits for the writer lock
// before it leaves an unfinished change to the one at work on it.
const recoverWait = 2 * time.Second

func recoverOne(s store.Store, path string) (Recovery, error) {
	rec := Recovery{Journal: path, Removed: []store.CertID{}}
	j, err := readJournal(path)
	if err != nil {
		rec.Action = jNeedsRestor
		return rec, coded.New(CodeJournalUnreadable, err, "journal", path)
	}
	rec.Backup = j.Backup
	if j.ended != "" {
		rec.Action = "ended"
		return rec, nil
	}
	// An account step counts as an add: nothing old is removed before
	// the account has its new client.
	adds, removesStarted, allAdded := 0, false, true
	account := -1 // the account step that had begun
	for i, st := range j.Steps {
		switch st.Kind {
		case StepAdd, StepAccount:
			adds++
			allAdded = allAdded && j.done[i]
			if st.Kind == StepAccount && j.started[i] {
				account = i
			}
		case StepRemove:
			removesStarted = removesStarted || j.started[i]
		}
	}
	qlikCerts, err := qlikIDs(s)
	if err != nil {
		return rec, err
	}
	removeIfThere := func(st journalStep) error {
		id := store.CertID{Location: st.Location, Thumbprint: st.Thumbprint}
		if !qlikCerts[id] {
			return nil // gone already, or not a Qlik certificate: never touched
		}
		if err := s.Remove(st.Location, st.Thumbprint); err != nil && coded.CodeOf(err) != store.CodeCertNotFound {
			return err
		}
		rec.Removed = append(rec.Removed, id)
		return nil
	}
	switch {
	case account >= 0 && (j.rollingBack || !j.done[account]):
		// Stopped while the child acted as the account, or while undoing
		// it: whether the account has the new client is known only in
		// its own store, which Recover cannot open without acting as it.
		// Undoing the machine's part alone could leave the account a
		// client whose root is gone, so nothing is touched. Running the
		// same install again finishes every part, the account's too.
		rec.Action = jNeedsAccount
		rec.Account = j.Steps[account].Account
		rec.AccountBackup = j.accountBackup[account]
	case j.rollingBack && removesStarted:
		// Stopped while putting removed certificates back: that needs the
		// backup's password, which only `qscert restore` has.
		rec.Action = jNeedsRestor
	case allAdded && adds > 0 && !j.rollingBack:
		for i, st := range j.Steps {
			if st.Kind == StepRemove && !j.done[i] {
				if err := removeIfThere(st); err != nil {
					return rec, err
				}
			}
		}
		if err := republish(s, j); err != nil {
			return rec, err
		}
		rec.Action = jCompleted
	default:
		for i := len(j.Steps) - 1; i >= 0; i-- {
			if st := j.Steps[i]; st.Kind == StepAdd && j.started[i] {
				if err := removeIfThere(st); err != nil {
					return rec, err
				}
			}
		}
		rec.Action = jUndone
	}
	if log, err := openJournal(path); err == nil {
		_ = log.end(rec.Action) // the journal says how it ended; the mark goes anyway
		log.log.Close()
	}
	return rec, nil
}

// qlikIDs lists the Qlik certificates of s.
func qlikIDs(s store.Store) (map[store.CertID]bool, error) {
	found, err := Classify(nil, s)
	if err != nil {
		return nil, err
	}
	out := map[store.CertID]bool{}
	for _, f := range found {
		if f.Class == ClassQlik {
			out[f.ID()] = true
		}
	}
	return out, nil
}

// republish writes the tool files of a completed change from what the
// store now holds.
func republish(s store.Store, j *journalRecord) error {
	pub, ok := s.(store.ToolFilesPublisher)
	if !ok || j.Publish == nil {
		return nil
	}
	for i, st := range j.Steps {
		if st.Kind == StepPublish && j.done[i] {
			return nil
		}
	}
	once := make([]byte, 16)
	_, _ = rand.Read(once)
	pw := hex.EncodeToString(once)
	pfx, err := s.ExportPFX(j.Publish.Client.Location, j.Publish.Client.Thumbprint, pw)
	if err != nil {
		return err
	}
	client, key, err := store.DecodePFX(pfx, pw)
	if err != nil {
		return err
	}
	entries, err := s.List(j.Publish.Root.Location)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if e.Thumbprint() == j.Publish.Root.Thumbprint {
			root, err := e.Certificate()
			if err != nil {
				return err
			}
			_, err = pub.PublishToolFiles(client, key, root)
			return err
		}
	}
	return nil
}

func openJournal(path string) (*journal, error) {
	log, err := durable.OpenLog(path)
	if err != nil {
		return nil, err
	}
	return &journal{log: log, path: path}, nil
}
