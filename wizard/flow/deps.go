package flow

import (
	"time"

	"qscert/certs/foraccount"
	"qscert/certs/install"
	"qscert/certs/machine"
	"qscert/certs/qrs"
	"qscert/certs/store"
	"qscert/certs/validate"
)

// Deps is what a flow works with. The app fills it with the real system
// (the OS store, the QRS client); tests and the demo fill it with a memory
// or folder store and a simulated QRS.
type Deps struct {
	// Prefs keeps the last folder, host and language between runs. Never
	// the password.
	Prefs Preferences
	// Store is where certificates are installed.
	Store store.Store
	// StoreErr says why there is no Store (none for this OS yet, no
	// rights); the old-certificates step shows it.
	StoreErr error
	// ClientScope is whose personal store receives the client certificate.
	ClientScope store.Scope
	// Machine describes this computer; it may take a DNS round trip, so it
	// is called from a Job. Nil is machine.This.
	Machine func() machine.Info
	// Now is the clock validation and backups use. Nil is time.Now.
	Now func() time.Time
	// QRSAddress, when set ("127.0.0.1:PORT"), is dialled for the
	// connection test instead of resolving the host: the demo's simulated
	// QRS. The server's certificate must still name the host.
	QRSAddress string
	// QRSTimeout bounds the connection test; zero is qrs.DefaultTimeout.
	QRSTimeout time.Duration
	// SaveReport writes a support report; nil offers none.
	SaveReport ReportSaver
	// ReportDir is where the support report is proposed: the user's
	// Documents or Desktop folder. Never the export's folder or the demo's
	// sandbox, which is removed on exit.
	ReportDir string
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
	// Version is the program's version, for the About box.
	Version string
	// HelpURL is where the About box sends for help, in a language; nil
	// for none.
	HelpURL func(lang string) string
	// Folder and Host, when set, are where the user starts: the window's
	// --folder and --host, as an elevated copy of it is started with.
	// They win over what the preferences remember.
	Folder, Host string
	// Elevated says the program runs with administrator rights, which
	// the machine's stores need (LocalMachine\Root, LocalMachine\My).
	Elevated bool
	// StartFlow is the flow the wizard opens on: "" or FlowInstall,
	// FlowRestore, FlowRecreate (the window's --flow, which an elevated
	// copy is started with).
	StartFlow string
	// RestartElevated starts the program again as administrator (the UAC
	// prompt) where the user was, never with a password; the caller quits.
	// nil where there is no such thing.
	RestartElevated func(Restart) error
	// Recreate is what flow B (recreate the central node's certificates)
	// works with; nil offers it, and its checks say why it cannot run.
	Recreate *RecreateDeps
	// Accounts are this machine's accounts and services and how to act as
	// one, for the account step's choices other than "me"; nil where there
	// are none (AccountsErr says why).
	Accounts    *foraccount.System
	AccountsErr error
	// Notices are sentences to show once the window is up: what was done
	// with a change a killed qscert had left unfinished, say.
	Notices []string
}

// Preferences is where a flow remembers things between runs. Fyne's
// fyne.Preferences satisfies it; so does a map in a test.
type Preferences interface {
	String(key string) string
	SetString(key, value string)
}

// Demo describes demo mode: a generated export, a sandbox store and a
// simulated QRS, so nothing on the computer changes.
type Demo struct {
	Folder   string // where the generated export was written
	Password string // its password, shown on the files step
	Host     string // the simulated QRS's host name
}

// ReportSaver writes a support report (a zip) to path. What it is given
// holds no password, and it must add none.
type ReportSaver func(path string, in ReportInput) error

// ReportInput is what the flow knows when the user asks for a report.
type ReportInput struct {
	Lang       string
	Folder     string
	Host       string
	Port       int
	Report     *validate.Report
	Diagnosis  *qrs.Diagnosis
	TestErr    error // the connection test could not run
	BackupDir  string
	InstallErr error
	// The install: whether it finished, and its result (every step done,
	// or undone again); nil before one ran.
	Installed bool
	Result    *install.Result
	// Demo: the report is of demo mode.
	Demo bool
}

// The flows a wizard can open on (Deps.StartFlow, the window's --flow).
const (
	FlowInstall  = "install"
	FlowRestore  = "restore"
	FlowRecreate = "recreate"
)

// Flows are the values --flow takes.
var Flows = []string{FlowInstall, FlowRestore, FlowRecreate}

// Restart is what an elevated copy of the program is started with: the
// flow, folder, host and language the user had, and no password field on
// purpose (the user types it again in the elevated window).
type Restart struct {
	Flow         string // one of Flows
	Folder, Host string
	Lang         string
}
