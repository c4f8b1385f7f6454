package app

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"qscert/certs/accounts"
	"qscert/certs/coded"
	"qscert/certs/output"
	"qscert/certs/qlik"
	"qscert/certs/qrs"
	"qscert/certs/store"
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
// by it (account-key-unreadable).
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
	rest := []string{"--host", f.host, "--port", strconv.Itoa(f.port), "--timeout", f.timeout.String(), "--store", who.sys.childStore(a)}
	if f.engine {
		rest = append(rest, "--engine", "--engine-port", strconv.Itoa(f.enginePort))
	}
	out, code, err := who.runAs(env, t, a, childArgs(c, "test", rest...))
	if err != nil {
		return c.fail(err, ExitUsage)
	}
	var doc output.Test
	if err := json.Unmarshal(out, &doc); err != nil {
		return c.fail(coded.New(accounts.CodeRunFailed, err, "account", a.Name, "detail", "its test is not a qscert JSON document: "+err.Error()), ExitUsage)
	}
	doc.Account = &a
	if doc.Error != nil {
		doc.Error = forTheAccount(t, doc.Error, a, t.T("cli.for.where-account"))
	}
	return showTest(c, &doc, code)
}

// forTheAccount says a store's refusal as the account's: no usable client
// where it looks, or a key it may not read.
func forTheAccount(t i18nT, p *coded.Problem, a accounts.Account, where string) *coded.Problem {
	var code coded.Code
	switch p.Code {
	case qrs.CodeStoreNoClient, qrs.CodeStoreNoRoot:
		code = CodeAccountCertificateNotFound
	case store.CodeKeyUnreadable:
		code = CodeAccountKeyUnreadable
	default:
		return p
	}
	params := map[string]string{"account": a.Name, "where": where, "subject": p.Params["subject"], "location": p.Params["location"]}
	cause := *p
	return &coded.Problem{Code: code, Severity: coded.SeverityError, Params: params, Message: t.Code(code, params), Cause: &cause}
}

// i18nT is what forTheAccount needs of a translator.
type i18nT interface {
	Code(coded.Code, map[string]string) string
	T(string, ...map[string]string) string
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
	doc := &output.Test{Header: output.HeaderOf("test"), Account: a}
	id, err := qrs.IdentityFromStore(machineView{s}, env.Now())
	if err != nil {
		p := output.ProblemOf(t, err)
		if a != nil {
			p = forTheAccount(t, p, *a, store.LocalMachineMy.String())
		}
		doc.Error = p
		return showTest(c, doc, ExitUsage)
	}
	defer id.Close()
	ctx := context.Background()
	o := f.options(env)
	diags := []*qrs.Diagnosis{qrs.Test(ctx, id, o)}
	if f.engine {
		diags = append(diags, qrs.TestEngine(ctx, id, o))
	}
	doc.Connection = output.ConnectionOf(t, f.host, f.port, s.Name()+` `+store.LocalMachineMy.String(), id, nil, diags)
	if a != nil {
		finding := keyAccess(t, s, id, *a)
		doc.Connection.Findings = append(doc.Connection.Findings, finding)
		if finding.Severity == coded.SeverityError {
			doc.Connection.OK = false
		}
	}
	code := ExitOK
	if !doc.Connection.OK {
		code = ExitFindings
	}
	return showTest(c, doc, code)
}

// keyAccess is the finding of the access check: may a read the key of
// the client in LocalMachine\My?
func keyAccess(t i18nT, s store.Store, id *qrs.Identity, a accounts.Account) coded.Problem {
	tp := qlik.Thumbprint(id.Client)
	params := map[string]string{"account": a.Name, "sid": a.SID, "subject": id.Client.Subject.String(), "sha1": tp,
		"location": store.LocalMachineMy.String()}
	code := CodeAccountKeyUnchecked
	severity := coded.SeverityWarning
	g, ok := s.(store.KeyAccessGranter)
	var can bool
	var err error = coded.New(store.CodeKeyAccessUnsupported, nil, "store", s.Name())
	if ok {
		can, err = g.CanRead(store.LocalMachineMy, tp, a.SID)
	}
	switch {
	case err != nil:
		detail := err.Error()
		if e := coded.As(err); e != nil && e.Params["detail"] != "" {
			detail = e.Params["detail"]
		}
		params["detail"] = strings.TrimRight(detail, ". ")
	case can:
		code, severity = CodeAccountKeyReadable, coded.SeverityInfo
	default:
		code, severity = CodeAccountKeyUnreadable, coded.SeverityError
		params["where"] = store.LocalMachineMy.String()
	}
	return coded.Problem{Code: code, Severity: severity, Params: params, Role: string(qlik.RoleClient), Message: t.Code(code, params)}
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

// machineView is a store as an account using the machine's client sees
// it: the machine's locations only. The current user's stores are the
// administrator's, of no use to the service.
type machineView struct{ store.Store }

func (m machineView) List(loc store.Location) ([]store.Entry, error) {
	if loc.Scope == store.CurrentUser {
		return nil, nil
	}
	return m.Store.List(loc)
}
