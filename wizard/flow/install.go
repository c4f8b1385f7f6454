package flow

import (
	"sync"
	"time"

	"qscert/certs/export"
	"qscert/certs/install"
	"qscert/certs/machine"
	"qscert/certs/qrs"
	"qscert/certs/validate"
)

// The install flow's steps ("Install exported certificates on this
// machine").
const (
	StepWelcome StepID = "welcome" // this computer's names, the choice of flow, the language
	StepGuide   StepID = "guide"   // the QMC export dialog as a checklist
	StepFiles   StepID = "files"   // the export, its password, the server; checked live
	StepOld     StepID = "old"     // (after StepAccount, account.go) what the stores hold that the install replaces; the backup
	StepInstall StepID = "install" // the plan applied, with progress and rollback
	StepDone    StepID = "done"    // summary, connection test, support report
)

// Install is the install flow: its steps, what the user chose and what the
// flow learned. Passwords stay in memory: they are never saved, logged or
// put in a report.
type Install struct {
	Walk
	deps   Deps
	lang   string
	lookup func() machine.Info // deps.Machine, called once

	machine      machine.Info
	machineKnown bool

	// The export's inputs, and the check of them.
	folder   string   // the export folder, or empty when files were picked
	files    []string // individual files, when picked one by one
	password string
	host     string
	port     int // the QRS's port, qrs.DefaultPort unless changed
	// passwordTyped: the password was answered, so a check that it does
	// not open the files is news, not a reproach before anything was typed.
	passwordTyped bool
	// exportRev counts changes to the folder, files, password and (up to
	// the files step) host; checkStarted and checked are the revisions the
	// last check was started and stored for.
	exportRev, checkStarted, checked Rev
	// hostRev counts changes to the host and port: the connection test's
	// inputs. After the install they change without touching the check.
	hostRev, testStarted Rev
	export               *export.Export
	report               *validate.Report
	loadErr              error // the folder could not be used at all

	// The old certificates: the user's choices, and the plan made from them.
	keep                          map[string]bool // thumbprints of old certificates the user unticked
	backupDir                     string
	backupPassword                string
	backupRetype                  string
	backupProposed                bool // the defaults above were proposed once
	planRev, planStarted, planned Rev
	found                         []install.Found // nil until the stores were looked at
	plan                          *install.Plan
	planErr                       error

	// Who uses the certificate (the account step).
	who whoState

	// The install.
	installing bool
	attempted  Rev // the planRev the last install was started for
	installed  bool
	done       []install.Step // the steps done so far
	progress   float64        // 0 to 1
	result     *install.Result
	installErr error

	// The connection test and the support report.
	testing   bool
	tested    bool // a test result for hostRev is on hand
	diagnosis *qrs.Diagnosis
	testErr   error
	saving    bool
	saved     *Saved
}

// NewInstall starts the install flow at its first step, with what was
// remembered from the last run (or the demo's export and server).
func NewInstall(deps Deps) *Install {
	if deps.Machine == nil {
		deps.Machine = machine.This
	}
	if deps.Now == nil {
		deps.Now = time.Now
	}
	if deps.Quit == nil {
		deps.Quit = func() {}
	}
	f := &Install{deps: deps, keep: map[string]bool{}, exportRev: 1, planRev: 1, hostRev: 1, port: qrs.DefaultPort}
	f.lookup = sync.OnceValue(deps.Machine)
	f.Walk = Walk{steps: f.installSteps(), quit: f.quitting}
	f.loadPrefs()
	f.loadWho()
	return f
}

// installSteps is the flow as data: each step's words, questions, gates
// and what arriving at it does.
func (f *Install) installSteps() []step {
	return []step{
		{Step: Step{ID: StepWelcome, Name: "wizard.step.welcome", Title: "wizard.welcome.title", Intro: "wizard.welcome.intro",
			NextLabel: "wizard.next"}},
		{Step: Step{ID: StepGuide, Name: "wizard.step.guide", Title: "wizard.guide.title", Intro: "wizard.guide.intro",
			NextLabel: "wizard.next"}},
		{Step: Step{ID: StepFiles, Name: "wizard.step.files", Title: "wizard.files.title", Intro: "wizard.files.intro",
			NextLabel: "wizard.next", Fields: filesFields},
			ready: f.exportReady, enter: f.enterFiles},
		{Step: Step{ID: StepAccount, Name: "wizard.step.account", Title: "wizard.account.title", Intro: "wizard.account.intro",
			NextLabel: "wizard.next", Fields: accountFields},
			ready: f.accountReady},
		{Step: Step{ID: StepOld, Name: "wizard.step.old", Title: "wizard.old.title", Intro: "wizard.old.intro",
			NextLabel: "wizard.install", Fields: backupFields},
			ready: f.planReady, enter: f.enterOld},
		{Step: Step{ID: StepInstall, Name: "wizard.step.install", Title: "wizard.install.title", Intro: "wizard.install.intro",
			NextLabel: "wizard.next"},
			ready: f.Installed, canBack: f.installFailed, busy: f.Installing},
		{Step: Step{ID: StepDone, Name: "wizard.step.done", Title: "wizard.done.title", Intro: "wizard.done.intro",
			NextLabel: "wizard.finish", Fields: connectionFields, Last: true},
			canBack: never},
	}
}

func never() bool { return false }

// Lang is the language the flow is shown in.
func (f *Install) Lang() string { return f.lang }

// SetLang switches the language and remembers the choice.
func (f *Install) SetLang(lang string) {
	f.lang = lang
	f.savePref(prefLanguage, lang)
}

// Version is the program's version.
func (f *Install) Version() string { return f.deps.Version }

// HelpURL is the help page the About box links to.
func (f *Install) HelpURL() string {
	if f.deps.HelpURL == nil {
		return ""
	}
	return f.deps.HelpURL(f.lang)
}

// Demo is set in demo mode.
func (f *Install) Demo() *Demo { return f.deps.Demo }

// Machine is this computer's names, once looked up (LookUpMachine).
func (f *Install) Machine() (info machine.Info, known bool) { return f.machine, f.machineKnown }

// LookUpMachine finds this computer's names. It may take a DNS round trip.
func (f *Install) LookUpMachine() *Job[machine.Info] {
	return &Job[machine.Info]{run: f.lookup}
}

// ApplyMachine stores this computer's names.
func (f *Install) ApplyMachine(info machine.Info) bool {
	f.machine, f.machineKnown = info, true
	return true
}
