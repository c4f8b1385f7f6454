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
}

// Connection is the connection test, or why it could not run.
type Connection struct {
	Host   string             `json:"host"`
	Port   int                `json:"port"`
	Result *output.Connection `json:"result,omitempty"`
	Error  *coded.Problem     `json:"error,omitempty"` // the test could not run
}

// Install is what an install did: where the backup is, and the error when
// it stopped.
type Install struct {
	BackupDir string         `json:"backupDir,omitempty"`
	Error     *coded.Problem `json:"error,omitempty"`
}

// Input is what the caller knows. Every part is optional: what is missing
// is left out of the report, and a part that failed is recorded with its
// error.
type Input struct {
	Now     time.Time
	Version string
	Machine machine.Info
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
	// The install, when one ran.
	Installed  bool
	BackupDir  string
	InstallErr error
}

// Build puts the report together.
func Build(t *i18n.Translator, in Input) *Report {
	r := &Report{
		SchemaVersion: output.SchemaVersion,
		GeneratedAt:   in.Now.UTC(),
		App:           App{Version: in.Version, Go: runtime.Version(), OS: runtime.GOOS, Arch: runtime.GOARCH},
		Machine:       in.Machine,
		Stores:        []output.StoreListing{},
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
	if in.Installed || in.BackupDir != "" || in.InstallErr != nil {
		r.Install = &Install{BackupDir: in.BackupDir}
		if in.InstallErr != nil {
			r.Install.Error = output.ProblemOf(t, in.InstallErr)
		}
	}
	return r
}
