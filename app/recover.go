package app

import (
	"context"
	"fmt"

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
	output.WriteRecoveries(env.Stderr, output.RecoveriesOf(t, recs))
	if err != nil {
		_ = s.Close()
		return nil, err
	}
	sayUnfinishedRecreate(env, t)
	return s, nil
}

// runRecover is `qscert recover`: finish, now, what a killed qscert left
// unfinished, waiting for the store's writer lock like an install. Exit 1
// when a change could not be finished without the backup's password.
func runRecover(env *Env, args []string) int {
	c := newCommandFlags(env, "recover")
	var sf storeFlag
	sf.register(c)
	if _, err := c.parse(args); err != nil {
		return c.fail(err, ExitUsage)
	}
	t := c.translator()
	s, err := env.OpenStore(sf.spec)
	if err != nil {
		return c.fail(err, ExitUsage)
	}
	defer s.Close()
	unlock, err := lockForChange(env, t, s)
	if err != nil {
		return c.fail(err, ExitUsage)
	}
	defer unlock()
	recs, err := install.Recover(s)
	doc := output.Recover{Header: output.HeaderOf("recover"), Store: s.Name(), Recovered: output.RecoveriesOf(t, recs)}
	code := ExitOK
	for _, r := range recs {
		if r.Action == "needs-restore" {
			code = ExitFindings
		}
	}
	if err != nil {
		doc.Error, code = output.ProblemOf(t, err), ExitFindings
	}
	if c.json {
		c.writeJSON(doc)
		return code
	}
	output.WriteRecoveries(env.Stdout, doc.Recovered)
	if len(recs) == 0 && err == nil {
		fmt.Fprintln(env.Stdout, t.T("recover.nothing", map[string]string{"store": s.Name()}))
	}
	if doc.Error != nil {
		writeProblem(env.Stderr, doc.Error)
	}
	return code
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
