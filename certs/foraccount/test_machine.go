package foraccount

import (
	"context"
	"strings"
	"time"

	"qscert/assets/i18n"
	"qscert/certs/accounts"
	"qscert/certs/coded"
	"qscert/certs/output"
	"qscert/certs/qlik"
	"qscert/certs/qrs"
	"qscert/certs/store"
)

// TestForMachine tests the client of LocalMachine\My (where an account
// using the machine's store looks) and, for an account, whether it may
// read that client's key: an access check of its SID against the key's
// DACL, a finding of the connection. Without a usable client there, the
// document's Error says so, as the account's when there is one.
func TestForMachine(ctx context.Context, t *i18n.Translator, s store.Store, a *accounts.Account, now time.Time, opts qrs.Options, engine bool) *output.Test {
	doc := &output.Test{Header: output.HeaderOf("test"), Account: a}
	id, err := qrs.IdentityFromStore(MachineView{s}, now)
	if err != nil {
		p := output.ProblemOf(t, err)
		if a != nil {
			p = ForTheAccount(t, p, *a, store.LocalMachineMy.String())
		}
		doc.Error = p
		return doc
	}
	defer id.Close()
	diags := []*qrs.Diagnosis{qrs.Test(ctx, id, opts)}
	if engine {
		diags = append(diags, qrs.TestEngine(ctx, id, opts))
	}
	doc.Connection = output.ConnectionOf(t, opts.Host, opts.Port, s.Name()+` `+store.LocalMachineMy.String(), id, nil, diags)
	if a != nil {
		finding := KeyAccess(t, s, id, *a)
		doc.Connection.Findings = append(doc.Connection.Findings, finding)
		if finding.Severity == coded.SeverityError {
			doc.Connection.OK = false
		}
	}
	return doc
}

// KeyAccess is the finding of the access check: may a read the key of the
// client in LocalMachine\My? account-key-readable, account-key-unreadable,
// or account-key-unchecked where the store has no access check.
func KeyAccess(t *i18n.Translator, s store.Store, id *qrs.Identity, a accounts.Account) coded.Problem {
	tp := qlik.Thumbprint(id.Client)
	params := map[string]string{"account": a.Name, "sid": a.SID, "subject": id.Client.Subject.String(), "sha1": tp,
		"location": store.LocalMachineMy.String()}
	code := CodeKeyUnchecked
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
		code, severity = CodeKeyReadable, coded.SeverityInfo
	default:
		code, severity = CodeKeyUnreadable, coded.SeverityError
		params["where"] = store.LocalMachineMy.String()
	}
	return coded.Problem{Code: code, Severity: severity, Params: params, Role: string(qlik.RoleClient), Message: t.Code(code, params)}
}

// MachineView is a store as an account using the machine's client sees
// it: the machine's locations only. The current user's stores are the
// administrator's, of no use to the service.
type MachineView struct{ store.Store }

// List lists the machine's locations; the current user's are empty.
func (m MachineView) List(loc store.Location) ([]store.Entry, error) {
	if loc.Scope == store.CurrentUser {
		return nil, nil
	}
	return m.Store.List(loc)
}
