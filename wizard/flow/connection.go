package flow

import (
	"context"

	"qscert/certs/qrs"
)

// Tested is the outcome of the connection test, for the host at Rev.
type Tested struct {
	Rev       Rev
	Diagnosis *qrs.Diagnosis
	Err       error // the test could not run (no store, no client certificate in it)
}

// Testing: a connection test runs.
func (f *Install) Testing() bool { return f.testing }

// Diagnosis is the last connection test's outcome; nil before one.
func (f *Install) Diagnosis() *qrs.Diagnosis { return f.diagnosis }

// TestErr says why the last connection test could not run.
func (f *Install) TestErr() error { return f.testErr }

// ConnectionTest calls the QRS with the client certificate and root now in
// the store (or at the demo's address), or is nil while one runs. Run may
// wait for the timeout.
func (f *Install) ConnectionTest() *Job[Tested] {
	if f.testing {
		return nil
	}
	f.testing, f.diagnosis, f.testErr = true, nil, nil
	rev := f.exportRev
	opts := qrs.Options{Host: f.host, Address: f.deps.QRSAddress, Timeout: f.deps.QRSTimeout, Now: f.deps.Now}
	s, storeErr := f.deps.Store, f.deps.StoreErr
	now := f.deps.Now()
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
// host that changed since.
func (f *Install) ApplyTest(t Tested) bool {
	f.testing = false
	if t.Rev != f.exportRev {
		return false
	}
	f.diagnosis, f.testErr = t.Diagnosis, t.Err
	return true
}
