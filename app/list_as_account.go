package app

import (
	"encoding/json"

	"qscert/certs/accounts"
	"qscert/certs/coded"
	"qscert/certs/output"
)

// listAsAccount is `qscert list --for-account NAME`: what that account
// sees, listed by `qscert list --json` run as that account (its
// CurrentUser stores are its own; the machine's are everyone's).
//
// Acting as another account needs an elevated qscert: the task that acts
// as a built-in or managed account, and the logon with a password
// (CreateProcessWithTokenW needs SeImpersonatePrivilege).
func listAsAccount(c *commandFlags, who *accountFlags, a accounts.Account, args []string) int {
	t, env := c.translator(), c.env
	if err := who.requireAdministrator("list", args); err != nil {
		return c.fail(err, ExitUsage)
	}
	out, code, err := who.runAs(env, t, a, childArgs(c, "list", "--store", who.sys.StoreOf(a)))
	if err != nil {
		return c.fail(err, ExitUsage)
	}
	var doc output.List
	if err := json.Unmarshal(out, &doc); err != nil {
		return c.fail(coded.New(accounts.CodeRunFailed, err, "account", a.Name, "detail", "its list is not a qscert JSON document: "+err.Error()), ExitUsage)
	}
	doc.Account = &a
	if c.json {
		c.writeJSON(doc)
		return code
	}
	if doc.Error != nil {
		writeProblem(env.Stderr, doc.Error)
		return code
	}
	output.WriteList(env.Stdout, t, &doc)
	return code
}
