// Package support builds the support report a ticket needs, once, for the
// command line (`qscert report`) and the wizard ("Save support report"):
// this machine, the program, the Qlik certificates in the stores (public
// parts only), the export's validation, the install and the connection
// test. It is written as a zip holding the same report in JSON and in
// text. It never holds a private key or a password: it is given neither.
package support

import (
	"runtime"
	"time"

	"qscert/assets/i18n"
	"qscert/certs/coded"
	"qscert/certs/install"
	"qscert/certs/machine"
	"qscert/certs/output"
	"qscert/certs/store"
	"qscert/certs/validate"
)

// Report is the support report. Its JSON is a document like those of
// --json, with the same schemaVersion (docs/json/support-report.schema.json).
type Report struct {
	SchemaVersion int                   `json:"schemaVersion"`
	GeneratedAt   time.Time             `json:"generatedAt"`
	App           App                   `json:"app"`
	Machine       machine.Info          `json:"machine"`
	Session       Session               `json:"session"`
	Stores        []output.StoreListing `json:"stores"`
	Export        *output.Validation    `json:"export,omitempty"`
	ExportError   *coded.Problem        `json:"exportError,omitempty"`
	Connection    *Connection           `json:"connection,omitempty"`
	Install       *Install              `json:"install,omitempty"` // the wizard's install, when it ran
}

// App is the program that made the report.
type App struct {
	Version string `json:"version"`
	Go      string `json:"go"`
	OS      string `json:"os"`
	Arch    string `json:"arch"`
	// Demo: made in demo mode (generated certificates, a sandbox store, a
	// simulated QRS), so nothing in it is about this computer's stores.
	Demo bool `json:"demo"`
}

// Connection is the connection test, or why it could not run.
type Connection struct {
	Host   string             `json:"host"`
	Port   int                `json:"port"`
	Result *output.Connection `json:"result,omitempty"`
	Error  *coded.Problem     `json:"error,omitempty"` // the test could not run
}

// Install is what an install did: whether it finished, each step done
// (undone again when it was rolled back), where the backup is, and the
// error when it stopped.
type Install struct {
	Installed  bool           `json:"installed"`
	RolledBack bool           `json:"rolledBack,omitempty"`
	Steps      []output.Step  `json:"steps"`
	BackupDir  string         `json:"backupDir,omitempty"`
	Error      *coded.Problem `json:"error,omitempty"`
}

// Input is what the caller knows. Every part is optional: what is missing
// is left out of the report, and a part that failed is recorded with its
// error.
type Input struct {
	Now     time.Time
	Version string
	Machine machine.Info
	// Session is who runs the program; nil is ThisSession().
	Session *Session
	// Demo: the report is of demo mode.
	Demo bool
	// Stores are listed; StoreErrors are stores that could not be opened.
	Stores      []store.Store
	StoreErrors map[string]error
	// The export's validation, or why it could not be read.
	Report    *validate.Report
	ExportErr error
	// The connection test (Host set when one was asked for): its result,
	// or why it could not run.
	Host          string
	Port          int
	Connection    *output.Connection
	ConnectionErr error
	// The install, when one ran: its result (the steps done), where the
	// backup is, and why it stopped.
	Installed     bool
	InstallResult *install.Result
	BackupDir     string
	InstallErr    error
}

// Build puts the report together.
func Build(t *i18n.Translator, in Input) *Report {
	r := &Report{
		SchemaVersion: output.SchemaVersion,
		GeneratedAt:   in.Now.UTC(),
		App:           App{Version: in.Version, Go: runtime.Version(), OS: runtime.GOOS, Arch: runtime.GOARCH, Demo: in.Demo},
		Machine:       in.Machine,
		Stores:        []output.StoreListing{},
	}
	if in.Session != nil {
		r.Session = *in.Session
	} else {
		r.Session = ThisSession()
	}
	if r.Machine.IPs == nil {
		r.Machine.IPs = []string{} // [], not null: the schema says a list
	}
	for _, s := range in.Stores {
		r.Stores = append(r.Stores, output.ListStore(t, s))
	}
	for name, err := range in.StoreErrors {
		r.Stores = append(r.Stores, output.StoreListing{Store: name, Error: output.ProblemOf(t, err), Locations: []output.LocationListing{}})
	}
	if in.Report != nil {
		r.Export = output.ValidationOf(t, in.Report)
	}
	if in.ExportErr != nil {
		r.ExportError = output.ProblemOf(t, in.ExportErr)
	}
	if in.Host != "" && (in.Connection != nil || in.ConnectionErr != nil) {
		c := &Connection{Host: in.Host, Port: in.Port, Result: in.Connection}
		if in.ConnectionErr != nil {
			c.Error = output.ProblemOf(t, in.ConnectionErr)
		}
		r.Connection = c
	}
	if in.Installed || in.InstallResult != nil || in.BackupDir != "" || in.InstallErr != nil {
		r.Install = &Install{Installed: in.Installed && in.InstallErr == nil, BackupDir: in.BackupDir, Steps: []output.Step{}}
		if res := output.ResultOf(t, in.InstallResult); res != nil {
			r.Install.Steps, r.Install.RolledBack = res.Done, res.RolledBack
			if r.Install.BackupDir == "" {
				r.Install.BackupDir = res.BackupDir
			}
		}
		if in.InstallErr != nil {
			r.Install.Error = output.ProblemOf(t, in.InstallErr)
		}
	}
	return r
}
