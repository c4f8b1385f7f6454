package app

import (
	"context"
	"fmt"
	"io"
	"strings"

	"qscert/assets/i18n"
	"qscert/certs/install"
	"qscert/certs/output"
	"qscert/certs/store"
)

// openStoreRecovered opens the store spec names and, before anything else,
// finishes what a killed qscert left unfinished in it (install.Recover),
// saying on standard error what it did. Every command that opens a store
// opens it this way, so that no command ever works on a half-changed
// store. When another qscert is changing the store right now, nothing is
// unfinished: that one is at work.
func openStoreRecovered(env *Env, t *i18n.Translator, spec string) (store.Store, error) {
	s, err := env.OpenStore(spec)
	if err != nil {
		return nil, err
	}
	recs, err := install.RecoverIfIdle(s)
	writeRecoveries(env.Stderr, t, recs)
	if err != nil {
		_ = s.Close()
		return nil, err
	}
	return s, nil
}

// writeRecoveries says, one sentence each, what Recover did.
func writeRecoveries(w io.Writer, t *i18n.Translator, recs []install.Recovery) {
	for _, r := range recs {
		removed := make([]string, 0, len(r.Removed))
		for _, id := range r.Removed {
			removed = append(removed, id.String())
		}
		params := map[string]string{"journal": r.Journal, "backup": r.Backup, "removed": strings.Join(removed, ", "), "count": fmt.Sprint(len(removed))}
		fmt.Fprintln(w, t.T("recover."+r.Action, params))
	}
}

// runRecover is `qscert recover`: finish, now, what a killed qscert left
// unfinished, waiting for the store's writer lock like an install.
func runRecover(env *Env, args []string) int {
	c := newCommandFlags("recover")
	var sf storeFlag
	sf.register(c)
	if _, err := c.parse(args); err != nil {
		return fail(env, c.translator(), err, ExitUsage)
	}
	t := c.translator()
	s, err := env.OpenStore(sf.spec)
	if err != nil {
		return fail(env, t, err, ExitUsage)
	}
	defer s.Close()
	unlock, err := lockForChange(env, t, s)
	if err != nil {
		return fail(env, t, err, ExitUsage)
	}
	defer unlock()
	recs, err := install.Recover(s)
	if c.json {
		out := map[string]any{"store": s.Name(), "recovered": recs}
		if recs == nil {
			out["recovered"] = []install.Recovery{}
		}
		if err != nil {
			out["error"] = output.ProblemOf(t, err)
		}
		output.WriteJSON(env.Stdout, out)
	} else {
		writeRecoveries(env.Stdout, t, recs)
		if len(recs) == 0 && err == nil {
			fmt.Fprintln(env.Stdout, t.T("recover.nothing", map[string]string{"store": s.Name()}))
		}
	}
	if err != nil {
		if !c.json {
			fmt.Fprintln(env.Stderr, t.Error(err))
		}
		return ExitFindings
	}
	for _, r := range recs {
		if r.Action == "needs-restore" {
			return ExitFindings
		}
	}
	return ExitOK
}

// lockForChange takes the store's writer lock, telling the user once when
// another qscert holds it.
func lockForChange(env *Env, t *i18n.Translator, s store.Store) (func(), error) {
	l, ok := s.(store.Locker)
	if !ok {
		return func() {}, nil
	}
	unlock, err := l.Lock(context.Background(), lockWaitNotice(env, t))
	if err != nil {
		return nil, err
	}
	return func() { _ = unlock() }, nil
}

// lockWaitNotice is the sentence shown while another qscert holds the
// store's lock.
func lockWaitNotice(env *Env, t *i18n.Translator) func(store.Holder) {
	return func(h store.Holder) {
		p := h.Params()
		p["seconds"] = fmt.Sprint(int(store.DefaultLockWait.Seconds()))
		fmt.Fprintln(env.Stderr, t.T("store.waiting", p))
	}
}
