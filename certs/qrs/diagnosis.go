package qrs

import "qscert/certs/coded"

// Diagnosis is the outcome of one call: a code (ok or what failed), the
// parameters of its advice, and what was learnt on the way.
type Diagnosis struct {
	Check string `json:"check"` // "qrs" or "engine"
	URL   string `json:"url"`
	// Error is the outcome: ok, or what failed, with the parameters of its
	// advice. Its cause is kept in Detail, for people.
	coded.Error
	// Detail is the technical cause, for a support engineer and the
	// report. It is never the explanation a user reads: Code is.
	Detail string `json:"detail,omitempty"`
	Status int    `json:"status,omitempty"` // HTTP status, when the server answered
	// ClientCertificateSent tells whether the server asked for our
	// certificate (it is then always sent).
	ClientCertificateSent bool          `json:"clientCertificateSent"`
	TLSVersion            string        `json:"tlsVersion,omitempty"`
	About                 *About        `json:"about,omitempty"`  // the QRS's reply, on ok
	Engine                *EngineHealth `json:"engine,omitempty"` // the Engine's reply, on ok
	ElapsedMS             int64         `json:"elapsedMs"`
}

// OK reports whether the check passed.
func (d *Diagnosis) OK() bool { return d.Code == CodeOK }

// Err returns the failure as a coded error, or nil when the check passed.
func (d *Diagnosis) Err() error {
	if d.OK() {
		return nil
	}
	return &d.Error
}

func (d *Diagnosis) set(e *coded.Error) {
	d.Error = *e
	if e.Err != nil {
		d.Detail = e.Err.Error()
	}
}
