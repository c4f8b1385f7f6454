package wizard

import (
	"qscert/certs/export"
	"qscert/certs/install"
	"qscert/certs/machine"
	"qscert/certs/qrs"
	"qscert/certs/validate"
)

// state is what the user chose and what the wizard learned, kept apart
// from the widgets so that switching language can rebuild every page
// without losing anything.
type state struct {
	machine      machine.Info
	machineReady bool

	// Files page.
	folder   string   // the export folder, or empty when files were picked
	files    []string // individual files, when picked one by one
	password string   // kept in memory only: never saved, logged or reported
	host     string

	export     *export.Export
	report     *validate.Report
	loadErr    error // the folder could not be used at all
	validating bool
	inputRev   int // counts changes to folder, files, password and host
	checkedRev int // the inputRev the report was computed for

	// Old certificates page.
	keep           map[string]bool // thumbprints of old certificates the user unticked
	backupDir      string
	backupPassword string // same rule as password

	// The plan the old-certificates page computed from those choices.
	plan    *install.Plan
	planErr error
	planRev int // counts changes to the choices above

	// Install and confirmation pages.
	installing bool
	installed  bool
	result     *install.Result
	installErr error
	diagnosis  *qrs.Diagnosis
	testErr    error
}

// hasSelection reports whether a folder or files were chosen.
func (s *state) hasSelection() bool { return s.folder != "" || len(s.files) > 0 }
