package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"qscert/certs/coded"
)

// Locker is a store that one process of the machine at a time may change:
// two installs at once (two administrators, a fleet script and a person)
// would otherwise interleave their steps and leave two roots, or none.
//
// Lock takes the store's writer lock for this process. When another process
// holds it, wait is called once with what is known of that holder (it may
// be nil), so that the user is told "another qscert is changing this
// store", and Lock waits: until ctx is done or DefaultLockWait has passed,
// whichever comes first, then it fails with store-busy. unlock releases it;
// a process that dies releases it too (the system does). Calls nest within
// one process: only the outermost unlock releases.
//
// Reading (List, ExportPFX, Signer) never takes the lock. A store's own
// Add and Remove take it for their duration when the caller has not, so
// that two single changes never interleave either.
type Locker interface {
	Lock(ctx context.Context, wait func(Holder)) (unlock func() error, err error)
}

// DefaultLockWait bounds Lock's wait when ctx allows longer: an install
// takes seconds; a holder still there after a minute is stuck or waiting
// for its user, and the one waiting is better told so.
const DefaultLockWait = time.Minute

// lockRetry is how often a waiting Lock tries again.
const lockRetry = 100 * time.Millisecond

// Holder is what the lock's holder recorded about itself, for the message
// of whoever waits. A zero PID means nothing is known.
type Holder struct {
	PID     int       `json:"pid"`
	Host    string    `json:"host"`
	Command string    `json:"command"`
	Since   time.Time `json:"since"`
}

// currentHolder describes this process. The command is the program's name
// and its first word (install, restore, ...), never the whole command
// line, which could hold a path a user did not mean to share.
func currentHolder() Holder {
	h := Holder{PID: os.Getpid(), Since: time.Now().UTC().Truncate(time.Second)}
	h.Host, _ = os.Hostname()
	if len(os.Args) > 0 {
		h.Command = strings.TrimSuffix(filepath.Base(os.Args[0]), ".exe")
		if len(os.Args) > 1 && !strings.HasPrefix(os.Args[1], "-") {
			h.Command += " " + os.Args[1]
		}
	}
	return h
}

// Params are the holder's parameters of the sentences store-busy and
// store.waiting (pid, host, command, since); none when nothing is known,
// which both sentences handle.
func (h Holder) Params() map[string]string {
	if h.PID == 0 {
		return map[string]string{}
	}
	return map[string]string{"pid": fmt.Sprint(h.PID), "host": h.Host, "command": h.Command, "since": h.Since.Format(time.RFC3339)}
}

// lockDeadline is when a Lock called now with ctx gives up.
func lockDeadline(ctx context.Context) time.Time {
	d := time.Now().Add(DefaultLockWait)
	if cd, ok := ctx.Deadline(); ok && cd.Before(d) {
		return cd
	}
	return d
}

func busy(store string, holder *Holder, waited time.Duration, cause error) error {
	e := coded.New(CodeStoreBusy, cause, "store", store, "seconds", fmt.Sprint(int(waited.Round(time.Second).Seconds())))
	for k, v := range holder.Params() {
		e.Params[k] = v
	}
	return e
}
