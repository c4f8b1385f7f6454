package flow

import (
	"context"

	"qscert/certs/accounts"
	"qscert/certs/coded"
	"qscert/certs/qrs"
)

// Tested is the outcome of the connection test, for the host and port at
// Rev.
type Tested struct {
	Rev       Rev
	Diagnosis *qrs.Diagnosis
	Err       error // the test could not run (no store, no client certificate in it)
	// For is the account the test was made for (run as it, or checked
	// for its access to the machine's key); Machine: it used
	// LocalMachine\My. Findings are the key access check's.
	For      *accounts.Account
	Machine  bool
	Findings []coded.Problem
}

// Testing: a connection test runs.
func (f *Install) Testing() bool { return f.testing }

// Diagnosis is the last connection test's outcome; nil before one.
func (f *Install) Diagnosis() *qrs.Diagnosis { return f.diagnosis }

// TestErr says why the last connection test could not run.
func (f *Install) TestErr() error { return f.testErr }

// ToolFilesFolder is where a folder store writes client.pem,
// client_key.pem and root.pem for other tools; "" for other stores.
func (f *Install) ToolFilesFolder() string {
	if r, ok := f.deps.Store.(interface{ Root() string }); ok {
		return r.Root()
	}
	return ""
}

// Port is the QRS's port.
func (f *Install) Port() int { return f.port }

// Tested: the result on hand is for the host and port as they are now.
func (f *Install) Tested() bool { return f.tested }

// TestDue is the connection test the confirmation step runs on its own:
// once for each host and port, when both are usable, and not while one
// runs. The window calls it when the page opens and after a change of
// host; a console after the install.
func (f *Install) TestDue() *Job[Tested] {
	if f.testStarted == f.hostRev || f.testing || HostProblem(f.host) != "" || f.port == 0 {
		return nil
	}
	return f.ConnectionTest()
}

// ConnectionTest calls the QRS with the client certificate and root now in
// the store (or at the demo's address), or is nil while one runs. Run may
// wait for the timeout.
func (f *Install) ConnectionTest() *Job[Tested] {
	if f.testing {
		return nil
	}
	f.testing, f.tested, f.diagnosis, f.testErr = true, false, nil, nil
	rev := f.hostRev
	f.testStarted = rev
	opts := qrs.Options{Host: f.host, Port: f.port, Address: f.deps.QRSAddress, Timeout: f.deps.QRSTimeout, Now: f.deps.Now}
	s, storeErr := f.deps.Store, f.deps.StoreErr
	now := f.deps.Now()
	if run := f.accountTest(rev, opts, s, now); run != nil && s != nil {
		return &Job[Tested]{Rev: rev, run: run}
	}
	return &Job[Tested]{Rev: rev, run: func() Tested {
		out := Tested{Rev: rev}
		if s == nil {
			out.Err = storeErr
			return out
		}
		id, err := qrs.IdentityFromStore(s, now)
		if err != nil {
			out.Err = err
			return out
		}
		defer id.Close()
		out.Diagnosis = qrs.Test(context.Background(), id, opts)
		return out
	}}
}

// ApplyTest stores a connection test's outcome; it drops one made for a
// host or port that changed since (TestDue then has the next one).
func (f *Install) ApplyTest(t Tested) bool {
	f.testing = false
	if t.Rev != f.hostRev {
		return false
	}
	f.diagnosis, f.testErr, f.tested = t.Diagnosis, t.Err, true
	f.who.testedFor, f.who.testedMachine, f.who.testFindings = t.For, t.Machine, t.Findings
	if t.Diagnosis != nil && t.Diagnosis.OK() {
		f.savePref(prefHost, f.host) // the host that worked
	}
	return true
}
