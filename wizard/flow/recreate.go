package flow

import (
	"context"
	"strings"
	"sync"
	"time"

	"qscert/assets/i18n"
	"qscert/certs/central"
	"qscert/certs/coded"
)

// The recreate flow's steps ("Recreate the certificates on the central
// node", flow B). Its first step is the welcome step, where the flow was
// chosen. A fresh procedure goes through the checks, the backup and the
// confirmation; a procedure that was stopped (central.Unfinished) has one
// step instead, where the administrator chooses to go on or to restore.
const (
	StepRecreateCheck   StepID = "recreate-check"   // preconditions: the plan's facts and findings; the account's password
	StepRecreateStopped StepID = "recreate-stopped" // a stopped procedure: where it stands, resume or restore
	StepRecreateBackup  StepID = "recreate-backup"  // the backup folder and its password, twice
	StepRecreateConfirm StepID = "recreate-confirm" // what will be deleted; the host name typed to confirm
	StepRecreateRun     StepID = "recreate-run"     // steps 2 to 7 with the live log; resume or restore after a stop
	StepRecreateVerify  StepID = "recreate-verify"  // the new certificates, counted
	StepRecreateRestart StepID = "recreate-restart" // the services and their state
	StepRecreateNext    StepID = "recreate-next"    // rim nodes to redistribute to, machines to export for
)

// RecreateDeps is what flow B works with. The app fills it with this
// Windows machine, or with a simulated central node (--simulate DIR, the
// demo); tests with a simulated node.
type RecreateDeps struct {
	// Open opens the central node. It may make a simulated node (RSA
	// keys): it is called from a Job, once.
	Open func() (*central.Node, error)
	// Unfinished is the procedure a killed or failed qscert left, found
	// when the program started; nil when there is none.
	Unfinished *central.Status
	// Options are the procedure's: the backup folder, the timeouts, the
	// clock. The passwords, the language and OnEvent are the flow's.
	Options central.Options
	// Simulated is the folder of the simulated node, when it is one: the
	// pages say that nothing on this computer changes.
	Simulated string
}

// RecreateAction is what is done with a procedure that stopped.
type RecreateAction string

const (
	ActionResume  RecreateAction = "resume"  // go on from where it stopped (after duplicates: from step 3)
	ActionRestore RecreateAction = "restore" // put the old certificates back
)

// runMode is what the run step runs.
type runMode int

const (
	modeNone runMode = iota
	modeRun
	modeResume
	modeRestore
)

// Recreate is flow B. Passwords stay in memory: they are never saved,
// logged or put in a report, and the exports' and the rim nodes'
// passwords are forgotten when the flow ends.
type Recreate struct {
	Walk
	deps Deps
	rd   RecreateDeps
	tr   *i18n.Translator
	open func() (*central.Node, error) // rd.Open, once

	// stopped is the procedure that stopped: found at start, or by a run
	// of this flow; action is what the stopped step chose.
	stopped *central.Status
	action  RecreateAction

	// The plan (fresh procedure): made by Prepare, again when the
	// account's password changes.
	accountPassword                string
	planRev, planStarted, planDone Rev
	rc                             *central.Recreate
	planErr                        error

	backupDir, backupPassword, backupRetype string
	typedHost                               string

	run recreateRun
	// events forwards the procedure's events to the front end of the run
	// under way: a plan is made before there is one to tell.
	events *eventSink

	services    []central.ServiceStatus
	servicesErr error
	servicesRev Rev // counts the arrivals at the restart step
	servicesFor Rev // the arrival the services shown were read for
	servicesAt  Rev // the arrival a read was started for

	next nextState
}

// NewRecreate starts flow B at the welcome step, in lang (the log's
// language too). With a procedure that was stopped, its second step is
// where the administrator chooses to go on or to restore.
func NewRecreate(deps Deps, lang string) *Recreate {
	if deps.Now == nil {
		deps.Now = time.Now
	}
	if deps.Quit == nil {
		deps.Quit = func() {}
	}
	var rd RecreateDeps
	if deps.Recreate != nil {
		rd = *deps.Recreate
	}
	if rd.Open == nil {
		rd.Open = func() (*central.Node, error) { return nil, coded.New(central.CodeWindowsOnly, nil) }
	}
	f := &Recreate{deps: deps, rd: rd, tr: i18n.New(lang), planRev: 1, stopped: rd.Unfinished, action: ActionResume}
	f.open = sync.OnceValues(rd.Open)
	f.events = &eventSink{}
	f.backupDir = rd.Options.BackupDir
	if f.backupDir == "" {
		f.backupDir = deps.BackupRoot
	}
	quit := deps.Quit
	f.Walk = Walk{steps: f.recreateSteps(), quit: func() {
		f.forgetSecrets()
		quit()
	}}
	return f
}

// recreateSteps is the flow as data. A stopped procedure replaces the
// checks, the backup and the confirmation with one step.
func (f *Recreate) recreateSteps() []step {
	steps := []step{
		{Step: Step{ID: StepWelcome, Name: "wizard.step.welcome", Title: "wizard.welcome.title", Intro: "wizard.welcome.intro",
			NextLabel: "wizard.next"}},
	}
	if f.stopped != nil {
		steps = append(steps, step{Step: Step{ID: StepRecreateStopped, Name: "wizard.step.recreate.stopped", Title: "wizard.recreate.stopped.title",
			Intro: "wizard.recreate.stopped.intro", NextLabel: "wizard.recreate.resume", Fields: stoppedFields},
			ready: f.stoppedReady})
	} else {
		steps = append(steps,
			step{Step: Step{ID: StepRecreateCheck, Name: "wizard.step.recreate.check", Title: "wizard.recreate.check.title",
				Intro: "wizard.recreate.check.intro", NextLabel: "wizard.next", Fields: checkFields},
				ready: f.planReady},
			step{Step: Step{ID: StepRecreateBackup, Name: "wizard.step.recreate.backup", Title: "wizard.recreate.backup.title",
				Intro: "wizard.recreate.backup.intro", NextLabel: "wizard.next", Fields: recreateBackupFields},
				ready: f.backupReady},
			step{Step: Step{ID: StepRecreateConfirm, Name: "wizard.step.recreate.confirm", Title: "wizard.recreate.confirm.title",
				Intro: "wizard.recreate.confirm.intro", NextLabel: "wizard.recreate.confirm.go", Fields: confirmFields},
				ready: f.confirmReady, enter: f.enterConfirm},
		)
	}
	return append(steps,
		step{Step: Step{ID: StepRecreateRun, Name: "wizard.step.recreate.run", Title: "wizard.recreate.run.title",
			Intro: "wizard.recreate.run.intro", NextLabel: "wizard.next"},
			ready: f.runReady, canBack: f.runRefused, busy: f.Running, enter: f.enterRun},
		step{Step: Step{ID: StepRecreateVerify, Name: "wizard.step.recreate.verify", Title: "wizard.recreate.verify.title",
			Intro: "wizard.recreate.verify.intro", NextLabel: "wizard.next"},
			ready: f.Done, canBack: never, busy: f.Running},
		step{Step: Step{ID: StepRecreateRestart, Name: "wizard.step.recreate.restart", Title: "wizard.recreate.restart.title",
			Intro: "wizard.recreate.restart.intro", NextLabel: "wizard.next"},
			enter: func() { f.servicesRev++ }},
		step{Step: Step{ID: StepRecreateNext, Name: "wizard.step.recreate.next", Title: "wizard.recreate.next.title",
			Intro: "wizard.recreate.next.intro", NextLabel: "wizard.finish", Fields: exportFields, Last: true},
			canBack: never, busy: f.nextBusy},
	)
}

// Simulated is the simulated node's folder, or "".
func (f *Recreate) Simulated() string { return f.rd.Simulated }

// Lang is the language of the flow and of the procedure's log.
func (f *Recreate) Lang() string { return f.tr.Lang() }

// StoppedAtStart is the procedure found stopped when the program
// started; nil when there was none.
func (f *Recreate) StoppedAtStart() *central.Status { return f.rd.Unfinished }

// Stopped is where the procedure that stopped stands (found at start, or
// by this flow's run), or nil.
func (f *Recreate) Stopped() *central.Status { return f.stopped }

// Action is what the stopped step chose.
func (f *Recreate) Action() RecreateAction { return f.action }

// SetAction chooses what to do with the procedure that stopped.
func (f *Recreate) SetAction(a RecreateAction) {
	if a == ActionResume || a == ActionRestore {
		f.action = a
	}
}

// Step is the current step; its Next's label follows the choice of the
// stopped step, and the run step is the last once the old certificates
// were restored.
func (f *Recreate) Step() Step {
	s := f.Walk.Step()
	switch {
	case s.ID == StepRecreateStopped && f.action == ActionRestore:
		s.NextLabel = "wizard.recreate.restore"
	case s.ID == StepRecreateRun && f.Restored():
		s.NextLabel, s.Last = "wizard.finish", true
	}
	return s
}

// CanNext: the current step has what it needs; once restored, the run
// step may finish.
func (f *Recreate) CanNext() bool {
	if f.Walk.Step().ID == StepRecreateRun && f.Restored() {
		return !f.Busy()
	}
	return f.Walk.CanNext()
}

// Next moves on; once restored, the run step ends the flow.
func (f *Recreate) Next() bool {
	if f.Walk.Step().ID == StepRecreateRun && f.Restored() {
		if !f.CanNext() {
			return false
		}
		f.Quit()
		return true
	}
	return f.Walk.Next()
}

// Leaving: nothing may stop the procedure halfway (each step is finished
// or journaled by the engine itself); after the end, or a restore, the
// wizard closes at once.
func (f *Recreate) Leaving() Leaving {
	if f.Walk.Step().ID == StepRecreateRun && f.Restored() && !f.Busy() {
		return LeaveAtOnce
	}
	return f.Walk.Leaving()
}

// Title is the current step's title key; the run step's says how it
// ended.
func (f *Recreate) Title() string {
	s := f.Walk.Step()
	if s.ID != StepRecreateRun {
		return s.Title
	}
	r := &f.run
	switch {
	case r.running && r.mode == modeRestore:
		return "wizard.recreate.run.title.restoring"
	case r.running:
		return s.Title
	case f.Restored():
		return "wizard.recreate.run.title.restored"
	case f.Done():
		return "wizard.recreate.run.title.done"
	case r.err != nil:
		return "wizard.recreate.run.title.stopped"
	}
	return s.Title
}

// Changed: the machine differs from what it was before the flow, or a
// procedure stands stopped (Cancel says what state it leaves).
func (f *Recreate) Changed() bool {
	return f.run.result != nil || f.stopped != nil && f.stopped.Changed
}

// CancelQuestion is the translation key of what Cancel asks here.
func (f *Recreate) CancelQuestion() (string, map[string]string) {
	switch {
	case f.stopped != nil && f.stopped.Changed && !f.Restored():
		p := f.stopped.Params()
		p["reason"] = f.tr.T("reason."+p["reason"], p)
		return "wizard.recreate.cancel.stopped", p
	case f.Done():
		return "wizard.recreate.cancel.done", nil
	}
	return "wizard.recreate.cancel.question", nil
}

// forgetSecrets drops every password the flow holds, when it ends.
func (f *Recreate) forgetSecrets() {
	f.accountPassword, f.backupPassword, f.backupRetype = "", "", ""
	f.next.password, f.next.retype = "", ""
	for i := range f.next.distributions {
		f.next.distributions[i].Password = ""
	}
	if f.rc != nil {
		_ = f.rc.Close()
	}
	if f.run.rc != nil {
		_ = f.run.rc.Close()
	}
}

// options are the procedure's options for one job.
func (f *Recreate) options(onEvent func(central.Event)) central.Options {
	o := f.rd.Options
	o.BackupDir = f.backupDir
	o.BackupPassword = f.backupPassword
	if f.accountPassword != "" {
		o.AccountPassword = []byte(f.accountPassword)
	}
	o.Translator = f.tr
	f.events.set(onEvent)
	o.OnEvent = f.events.tell
	if o.Now == nil {
		o.Now = f.deps.Now
	}
	return o
}

// planOptions are Prepare's: the events go to whatever run comes later.
func (f *Recreate) planOptions() central.Options {
	o := f.rd.Options
	o.BackupDir = f.backupDir
	if f.accountPassword != "" {
		o.AccountPassword = []byte(f.accountPassword)
	}
	o.Translator = f.tr
	o.OnEvent = f.events.tell
	if o.Now == nil {
		o.Now = f.deps.Now
	}
	return o
}

// ctx is the procedure's context: nothing cancels it. The engine ends a
// bootstrap that hangs by itself (Options.BootstrapTimeout), and a
// procedure cut short mid-step is what its journal exists to avoid.
func (f *Recreate) ctx() context.Context { return context.Background() }

// sameHost compares the host name typed with the plan's, as Windows
// compares names: without case.
func sameHost(typed, host string) bool {
	return host != "" && strings.EqualFold(strings.TrimSpace(typed), host)
}

// eventSink passes the procedure's events to the function set last.
type eventSink struct {
	mu sync.Mutex
	to func(central.Event)
}

func (s *eventSink) set(to func(central.Event)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.to = to
}

func (s *eventSink) tell(e central.Event) {
	s.mu.Lock()
	to := s.to
	s.mu.Unlock()
	if to != nil {
		to(e)
	}
}
