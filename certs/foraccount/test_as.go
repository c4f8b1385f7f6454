package foraccount

import (
	"context"
	"encoding/json"
	"strconv"
	"time"

	"qscert/assets/i18n"
	"qscert/certs/accounts"
	"qscert/certs/coded"
	"qscert/certs/output"
	"qscert/certs/qrs"
	"qscert/certs/store"
)

// TestArgs say which server the test calls.
type TestArgs struct {
	Host string
	Port int
	// Timeout bounds the test; zero leaves the child's default.
	Timeout time.Duration
	// Engine adds the Engine's health check, on EnginePort.
	Engine     bool
	EnginePort int
	// Address is dialled instead of resolving Host (the demo's simulated
	// QRS on loopback); "" resolves it.
	Address string
}

// TestAs is "works for the service", proven rather than assumed: `qscert
// test --json` runs as a, with a's own certificates and keys, and its
// document is returned with the account named. A store's refusal is said
// as the account's (ForTheAccount). err means the child could not be run
// or gave no document; code is its exit code.
func (s *System) TestAs(ctx context.Context, t *i18n.Translator, a accounts.Account, password func() ([]byte, error), in TestArgs) (*output.Test, int, error) {
	args := []string{"test", "--json", "--lang", t.Lang(), "--host", in.Host, "--port", strconv.Itoa(in.Port)}
	if in.Timeout != 0 {
		args = append(args, "--timeout", in.Timeout.String())
	}
	args = append(args, "--store", s.StoreOf(a))
	if in.Engine {
		args = append(args, "--engine", "--engine-port", strconv.Itoa(in.EnginePort))
	}
	if in.Address != "" {
		args = append(args, "--qrs-address", in.Address)
	}
	out, code, err := s.RunAs(ctx, a, password, args)
	if err != nil {
		return nil, code, err
	}
	var doc output.Test
	if err := json.Unmarshal(out, &doc); err != nil {
		return nil, code, coded.New(accounts.CodeRunFailed, err, "account", a.Name, "detail", "its test is not a qscert JSON document: "+err.Error())
	}
	doc.Account = &a
	if doc.Error != nil {
		doc.Error = ForTheAccount(t, doc.Error, a, t.T("cli.for.where-account"))
	}
	return &doc, code, nil
}

// ForTheAccount says a store's refusal as the account's: no usable client
// where it looks (account-certificate-not-found), or a key it may not
// read (account-key-unreadable). Other problems are returned as they are.
func ForTheAccount(t *i18n.Translator, p *coded.Problem, a accounts.Account, where string) *coded.Problem {
	var code coded.Code
	switch p.Code {
	case qrs.CodeStoreNoClient, qrs.CodeStoreNoRoot:
		code = CodeCertificateNotFound
	case store.CodeKeyUnreadable:
		code = CodeKeyUnreadable
	default:
		return p
	}
	params := map[string]string{"account": a.Name, "where": where, "subject": p.Params["subject"], "location": p.Params["location"]}
	cause := *p
	return &coded.Problem{Code: code, Severity: coded.SeverityError, Params: params, Message: t.Code(code, params), Cause: &cause}
}
