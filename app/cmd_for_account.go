package app

import (
	"io"

	"qscert/certs/accounts"
	"qscert/certs/coded"
	"qscert/certs/install"
)

// runForAccount is `qscert _for-account --store SPEC`, the hidden command
// an install for another account runs as that account (through
// accounts' Runner): it reads the parent's request on standard input (the
// runner's pipe), changes the account's own store and answers with JSON
// lines (install.ServeAccount). It takes no secret on its command line,
// and opens its store without finishing unfinished changes first: that
// is ServeAccount's to do, leaving the parent's own change alone.
func runForAccount(env *Env, args []string) int {
	c := newCommandFlags(env, install.AccountCommandName)
	var sf storeFlag
	sf.register(c)
	positional, err := c.parse(args)
	if err != nil {
		return c.fail(err, ExitUsage)
	}
	if len(positional) > 0 {
		return c.fail(coded.New(CodeBadUsage, nil, "command", install.AccountCommandName), ExitUsage)
	}
	payload, err := io.ReadAll(io.LimitReader(env.Stdin, accounts.MaxPayload+1))
	defer clear(payload)
	if err != nil || len(payload) > accounts.MaxPayload {
		payload = nil // ServeAccount says account-payload-unreadable
	}
	st, err := env.OpenStore(sf.spec)
	if err != nil {
		return c.fail(err, ExitUsage)
	}
	defer st.Close()
	return install.ServeAccount(payload, env.Stdout, st, install.ChildOptions{Now: env.Now()})
}
