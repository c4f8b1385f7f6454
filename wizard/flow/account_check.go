package flow

import (
	"context"
	"time"

	"qscert/assets/i18n"
	"qscert/certs/accounts"
	"qscert/certs/coded"
	"qscert/certs/foraccount"
	"qscert/certs/output"
	"qscert/certs/qrs"
	"qscert/certs/store"
)

// TestedFor is whom the last connection test was made for: the account it
// ran as, or whose access to the machine's key it checked; nil for this
// user. machine says it used LocalMachine\My.
func (f *Install) TestedFor() (a *accounts.Account, machine bool) {
	return f.who.testedFor, f.who.testedMachine
}

// TestFindings are what the last test found besides the call itself: for
// the machine choice, whether the account may read the key.
func (f *Install) TestFindings() []coded.Problem { return f.who.testFindings }

// accountTest is the connection test for the account chosen, or nil for
// this user: the command line's `qscert test --for-account` (a qscert run
// as the account, with its own certificates and keys) or `--for-machine`
// (the client of LocalMachine\My, and whether the account may read its
// key), the same code (package foraccount).
func (f *Install) accountTest(rev Rev, opts qrs.Options, s store.Store, now time.Time) func() Tested {
	a, machine := f.forWhom()
	if a == nil && !machine {
		return nil
	}
	t := i18n.New(f.lang)
	if machine {
		return func() Tested {
			doc := foraccount.TestForMachine(context.Background(), t, s, a, now, opts, false)
			return testedOf(rev, doc, a, true)
		}
	}
	sys, who := f.deps.Accounts, *a
	pw := append([]byte(nil), f.who.password...)
	in := foraccount.TestArgs{Host: opts.Host, Port: opts.Port, Timeout: opts.Timeout, Address: opts.Address}
	return func() Tested {
		password := func() ([]byte, error) { return pw, nil } // RunAs clears it
		doc, _, err := sys.TestAs(context.Background(), t, who, password, in)
		if err != nil {
			return Tested{Rev: rev, Err: err, For: &who}
		}
		return testedOf(rev, doc, &who, false)
	}
}

// testedOf is a test document (the one `qscert test --json` writes) as the
// flow's outcome: its QRS check as a diagnosis, its error as a coded
// error, its findings.
func testedOf(rev Rev, doc *output.Test, a *accounts.Account, machine bool) Tested {
	out := Tested{Rev: rev, For: a, Machine: machine}
	if doc.Error != nil {
		out.Err = problemErr(doc.Error)
		return out
	}
	if c := doc.Connection; c != nil {
		for _, ch := range c.Checks {
			if ch.Check == "qrs" || out.Diagnosis == nil {
				out.Diagnosis = diagnosisOf(ch)
			}
		}
		for _, p := range c.Findings {
			if p.Code == foraccount.CodeKeyReadable || p.Code == foraccount.CodeKeyUnreadable || p.Code == foraccount.CodeKeyUnchecked {
				out.Findings = append(out.Findings, p)
			}
		}
	}
	return out
}

// diagnosisOf is one check of a test document as the diagnosis the
// confirmation step shows.
func diagnosisOf(c output.Check) *qrs.Diagnosis {
	d := &qrs.Diagnosis{Check: c.Check, URL: c.URL, Error: *coded.New(c.Code, nil, paramList(c.Params)...),
		Detail: c.Detail, Status: c.Status, ClientCertificateSent: c.ClientCertificateSent, TLSVersion: c.TLSVersion, ElapsedMS: c.ElapsedMS}
	if c.About != nil {
		about := qrs.About(*c.About)
		d.About = &about
	}
	return d
}

// problemErr is a problem of a document as a coded error.
func problemErr(p *coded.Problem) error {
	return coded.New(p.Code, nil, paramList(p.Params)...)
}

func paramList(m map[string]string) []string {
	out := make([]string, 0, 2*len(m))
	for k, v := range m {
		out = append(out, k, v)
	}
	return out
}
