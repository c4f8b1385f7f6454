package wizard

import (
	"context"
	"time"

	"fyne.io/fyne/v2"

	"qscert/certs"
	"qscert/certs/coded"
	"qscert/certs/machine"
	"qscert/certs/store"
)

// Deps is what the wizard works with. The app fills it with the real
// system (the OS store, the QRS client); tests and the demo fill it with a
// memory or folder store and a simulated QRS.
type Deps struct {
	// Prefs keeps the last folder, host and language between runs. Never
	// the password.
	Prefs fyne.Preferences
	// Store is where certificates are installed.
	Store store.Store
	// StoreErr says why there is no Store (none for this OS yet, no
	// rights); the replace page shows it.
	StoreErr error
	// ClientScope is whose personal store receives the client certificate.
	ClientScope store.Scope
	// Machine describes this computer; it may take a DNS round trip, so
	// the wizard calls it off the UI thread.
	Machine func() machine.Info
	// Now is the clock validation and backups use.
	Now func() time.Time
	// Tester runs the connection test; nil disables the button.
	Tester ConnectionTester
	// SaveReport writes a support report; nil hides the button.
	SaveReport ReportSaver
	// Demo is set in demo mode.
	Demo *Demo
	// Lang forces a language ("en", "fr"); empty uses the preference, then
	// the OS locale.
	Lang string
	// BackupRoot is the folder under which a dated backup folder is
	// proposed.
	BackupRoot string
	// Quit closes the program, once the user confirmed.
	Quit func()
}

// Demo describes demo mode: a generated export, a sandbox store and a
// simulated QRS, so nothing on the computer changes.
type Demo struct {
	Folder   string // where the generated export was written
	Password string // its password, shown on the files page
	Host     string // the simulated QRS's host name
	// Ready is closed once the export is written; the files page waits
	// for it before checking.
	Ready <-chan struct{}
}

// ConnectionTester proves that the installed certificates open a session
// with the Qlik Sense Repository Service (package certs/qrs).
type ConnectionTester interface {
	Test(ctx context.Context, host string, exp *certs.Export) Diagnosis
}

// Diagnosis is the outcome of a connection test: "ok" or a failure code
// whose sentence (code.<code>) says what to do.
type Diagnosis struct {
	Code   coded.Code
	Params map[string]string
}

// OK reports whether the connection worked.
func (d Diagnosis) OK() bool { return d.Code == DiagnosisOK }

// DiagnosisOK is the code of a successful connection test.
const DiagnosisOK coded.Code = "ok"

// ReportSaver writes a support report (a zip) into dir and returns its
// path. It must never include the password.
type ReportSaver func(dir string, in ReportInput) (string, error)

// ReportInput is what the wizard knows when the user asks for a report.
type ReportInput struct {
	Folder     string
	Host       string
	Report     *certs.Report
	Diagnosis  *Diagnosis
	BackupDir  string
	InstallErr error
}
