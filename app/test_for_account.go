package app

import (
	"context"
	"fmt"

	"qscert/certs/accounts"
	"qscert/certs/foraccount"
	"qscert/certs/output"
)

// testForAccount is `qscert test --for-account NAME` and `--for-machine`:
// "works for the service", proven rather than assumed.
//
//   - For an account's own store, `qscert test --json` runs as that
//     account, with that account's certificates and keys, and its result
//     is shown.
//   - For the machine choice, the test runs here with the QlikClient of
//     LocalMachine\My only (where the account looks), then an access check
//     of the account's SID against the key's DACL says whether the
//     account may read the key.
//
// A failure says which of the two it is: the certificate is not found for
// the account (account-certificate-not-found), or its key is not readable
// by it (account-key-unreadable). The wizard's confirmation step runs the
// same code (package foraccount).
func testForAccount(c *commandFlags, f *connectionFlags, who *accountFlags, account *accounts.Account, args []string) int {
	if account != nil && !who.machine {
		return testAsAccount(c, f, who, *account, args)
	}
	return testForMachine(c, f, account)
}

// testAsAccount runs the test as a.
func testAsAccount(c *commandFlags, f *connectionFlags, who *accountFlags, a accounts.Account, args []string) int {
	t, env := c.translator(), c.env
	if err := who.requireAdministrator("test", args); err != nil {
		return c.fail(err, ExitUsage)
	}
	in := foraccount.TestArgs{Host: f.host, Port: f.port, Timeout: f.timeout, Engine: f.engine, EnginePort: f.enginePort}
	doc, code, err := who.sys.TestAs(context.Background(), t, a, who.passwordFor(env, t, a), in)
	if err != nil {
		return c.fail(err, ExitUsage)
	}
	return showTest(c, doc, code)
}

// testForMachine tests the client of LocalMachine\My and, for an
// account, whether it may read that client's key.
func testForMachine(c *commandFlags, f *connectionFlags, a *accounts.Account) int {
	t, env := c.translator(), c.env
	s, err := openStoreRecovered(env, t, f.storeSpec)
	if err != nil {
		return c.fail(err, ExitUsage)
	}
	defer s.Close()
	doc := foraccount.TestForMachine(context.Background(), t, s, a, env.Now(), f.options(env), f.engine)
	code := ExitOK
	switch {
	case doc.Error != nil:
		code = ExitUsage
	case !doc.Connection.OK:
		code = ExitFindings
	}
	return showTest(c, doc, code)
}

// showTest prints a test's document and returns code.
func showTest(c *commandFlags, doc *output.Test, code int) int {
	env, t := c.env, c.translator()
	doc.Header = output.HeaderOf("test")
	if c.json {
		c.writeJSON(doc)
		return code
	}
	if doc.Account != nil {
		fmt.Fprintln(env.Stdout, t.T("cli.test.for-account", map[string]string{"account": doc.Account.Name, "sid": doc.Account.SID}))
	}
	if doc.Connection != nil {
		output.WriteConnection(env.Stdout, t, doc.Connection)
	}
	if doc.Error != nil {
		writeProblem(env.Stderr, doc.Error)
	}
	return code
}
