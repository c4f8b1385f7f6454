package centraltest

import "path/filepath"

// Behaviour is how the simulated node misbehaves, behaviour.json in its
// folder: read at the moment each part acts, so a test (or a trainer)
// may change it between runs.
type Behaviour struct {
	// Bootstrap is what the fake repository does.
	Bootstrap BootstrapMode `json:"bootstrap"`
	// FailAt makes one step's part fail: "backup" (exporting a machine
	// certificate), "stop" (stopping the Proxy), "delete" (the second
	// machine certificate's deletion), "exported" (deleting Exported
	// Certificates), "qrs" (the QRS answers 503).
	FailAt string `json:"failAt,omitempty"`
	// FailStart names a service that dies when started (exit code 1067).
	FailStart string `json:"failStart,omitempty"`
}

// BootstrapMode is what the fake repository does when run.
type BootstrapMode string

const (
	BootstrapNormal BootstrapMode = "normal" // makes the certificates and ends
	// BootstrapWaitDispatcher stays on "Entering main startup phase"
	// until the Service Dispatcher runs, as the real one often does.
	BootstrapWaitDispatcher BootstrapMode = "wait-dispatcher"
	BootstrapHang           BootstrapMode = "hang"            // never ends
	BootstrapFail           BootstrapMode = "fail"            // exits 1
	BootstrapDuplicates     BootstrapMode = "duplicates"      // makes two sites' certificates, every time
	BootstrapDuplicatesOnce BootstrapMode = "duplicates-once" // the first time only
	BootstrapNoClient       BootstrapMode = "no-client"       // makes no QlikClient
)

// BootstrapModes lists them, for the command line's flag.
var BootstrapModes = []BootstrapMode{BootstrapNormal, BootstrapWaitDispatcher, BootstrapHang, BootstrapFail,
	BootstrapDuplicates, BootstrapDuplicatesOnce, BootstrapNoClient}

// ReadBehaviour reads dir's behaviour.json; a node without one behaves.
func ReadBehaviour(dir string) Behaviour {
	var b Behaviour
	if readJSON(filepath.Join(dir, behaviourName), &b) != nil || b.Bootstrap == "" {
		b.Bootstrap = BootstrapNormal
	}
	return b
}

// SetBehaviour writes dir's behaviour.json.
func SetBehaviour(dir string, b Behaviour) error {
	return writeJSON(filepath.Join(dir, behaviourName), b)
}
