package flow

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"qscert/certs/install"
)

// The restore flow's steps ("Restore a backup"): it puts back what an
// install replaced, from the backup folder that install made.
const (
	StepRestoreBackup StepID = "restore-backup" // the backup folder, its password, the plan
	StepRestoreApply  StepID = "restore-apply"  // the plan applied, with progress and rollback
	StepRestoreDone   StepID = "restore-done"   // what was put back
)

const (
	FieldRestoreDir      FieldID = "restoreDir"      // the backup folder (qscert-backup-…)
	FieldRestorePassword FieldID = "restorePassword" // the backup's password
)

var restoreFields = []Field{
	{ID: FieldRestoreDir, Label: "wizard.restore.folder", Placeholder: "wizard.restore.folder.placeholder"},
	{ID: FieldRestorePassword, Label: "wizard.restore.password", Secret: true},
}

// Restore is the restore flow. Its first step is the welcome step, where
// the flow was chosen; Back from the backup step returns there. The
// password stays in memory, never saved, logged or reported.
type Restore struct {
	Walk
	deps Deps

	dir, password                 string
	planRev, planStarted, planned Rev
	plan                          *install.Plan
	planErr                       error

	applying, applied bool
	attempted         Rev
	done              []install.Step
	progress          float64
	result            *install.Result
	applyErr          error
}

// NewRestore starts the restore flow at the welcome step, proposing the
// latest backup under Deps.BackupRoot.
func NewRestore(deps Deps) *Restore {
	if deps.Now == nil {
		deps.Now = time.Now
	}
	if deps.Quit == nil {
		deps.Quit = func() {}
	}
	r := &Restore{deps: deps, planRev: 1, dir: LatestBackup(deps.BackupRoot)}
	r.Walk = Walk{steps: r.restoreSteps(), quit: deps.Quit}
	return r
}

func (r *Restore) restoreSteps() []step {
	return []step{
		{Step: Step{ID: StepWelcome, Name: "wizard.step.welcome", Title: "wizard.welcome.title", Intro: "wizard.welcome.intro",
			NextLabel: "wizard.next"}},
		{Step: Step{ID: StepRestoreBackup, Name: "wizard.step.restore.backup", Title: "wizard.restore.title", Intro: "wizard.restore.intro",
			NextLabel: "wizard.restore.apply", Fields: restoreFields},
			ready: r.planReady, enter: r.planAgain},
		{Step: Step{ID: StepRestoreApply, Name: "wizard.step.restore.apply", Title: "wizard.restore.apply.title", Intro: "wizard.restore.apply.intro",
			NextLabel: "wizard.next"},
			ready: r.Applied, canBack: r.applyFailed, busy: r.Applying},
		{Step: Step{ID: StepRestoreDone, Name: "wizard.step.restore.done", Title: "wizard.restore.done.title", Intro: "wizard.restore.done.intro",
			NextLabel: "wizard.finish", Last: true},
			canBack: never},
	}
}

// Title is the current step's title key; the apply step's says how it
// ended.
func (r *Restore) Title() string {
	s := r.Step()
	if s.ID == StepRestoreApply {
		switch {
		case r.applied:
			return "wizard.restore.apply.title.done"
		case r.applyErr != nil && !r.applying:
			return "wizard.restore.apply.title.failed"
		}
	}
	return s.Title
}

// Changed: the restore changed the stores.
func (r *Restore) Changed() bool { return r.applied }

// Value is what a field holds now.
func (r *Restore) Value(id FieldID) string {
	switch id {
	case FieldRestoreDir:
		return r.dir
	case FieldRestorePassword:
		return r.password
	}
	return ""
}

// Set answers a field; the plan on hand is then stale.
func (r *Restore) Set(id FieldID, value string) {
	switch id {
	case FieldRestoreDir:
		r.dir = strings.TrimSpace(value)
	case FieldRestorePassword:
		r.password = value
	default:
		return
	}
	r.planAgain()
}

// Hint is the sentence under a field.
func (r *Restore) Hint(id FieldID) (string, map[string]string) {
	switch id {
	case FieldRestoreDir:
		return "wizard.restore.folder.hint", nil
	case FieldRestorePassword:
		return "wizard.restore.password.hint", nil
	}
	return "", nil
}

// Asks: every field of the restore is asked.
func (r *Restore) Asks(FieldID) bool { return true }

// FieldProblem refuses nothing: the plan says what is wrong with the
// folder or the password (backup-unreadable, backup-wrong-password).
func (r *Restore) FieldProblem(FieldID, string) (string, map[string]string) { return "", nil }

// Folder is the backup folder chosen.
func (r *Restore) Folder() string { return r.dir }

// BackupRoot is where backups are made, where a picker starts.
func (r *Restore) BackupRoot() string { return r.deps.BackupRoot }

// Plan is the restore's plan for the folder and password as they are, nil
// while it is made or when it cannot be (PlanErr).
func (r *Restore) Plan() *install.Plan { return r.plan }

// PlanErr says why the backup cannot be restored.
func (r *Restore) PlanErr() error { return r.planErr }

// Planning: the plan on hand is not for the folder and password as they
// are.
func (r *Restore) Planning() bool { return r.dir != "" && r.planned != r.planRev }

func (r *Restore) planReady() bool {
	return r.plan != nil && r.planErr == nil && r.planned == r.planRev && !r.plan.Empty()
}

// planAgain makes the plan on hand stale (and reads the stores again on
// arrival: they may have changed since).
func (r *Restore) planAgain() {
	r.plan, r.planErr = nil, nil
	r.planRev++
}

// PlanDue is the restore plan the folder and password need, or nil when
// no folder is chosen or one for them was started or made.
func (r *Restore) PlanDue() *Job[Planned] {
	if r.dir == "" || r.planned == r.planRev || r.planStarted == r.planRev {
		return nil
	}
	rev := r.planRev
	r.planStarted = rev
	s, storeErr, dir := r.deps.Store, r.deps.StoreErr, r.dir
	// The backup's password also protects the backup the restore makes in
	// turn, so that the restore can be undone as well.
	opts := install.InstallOptions{BackupDir: r.deps.BackupRoot, BackupPassword: r.password, Now: r.deps.Now()}
	return &Job[Planned]{Rev: rev, run: func() Planned {
		out := Planned{Rev: rev}
		if s == nil {
			out.Err = storeErr
			return out
		}
		out.Plan, out.Err = install.PlanRestore(dir, s, opts)
		return out
	}}
}

// ApplyPlan stores a plan; it drops one for a folder or password changed
// since.
func (r *Restore) ApplyPlan(p Planned) bool {
	if p.Rev != r.planRev {
		return false
	}
	r.plan, r.planErr, r.planned = p.Plan, p.Err, p.Rev
	return true
}

// Applying: the restore runs; nothing may move away.
func (r *Restore) Applying() bool { return r.applying }

// Applied: the restore finished.
func (r *Restore) Applied() bool { return r.applied }

func (r *Restore) applyFailed() bool { return r.applyErr != nil && !r.applying }

// ApplyErr says why the restore stopped (and was undone).
func (r *Restore) ApplyErr() error { return r.applyErr }

// Result is what the restore did; nil before.
func (r *Restore) Result() *install.Result { return r.result }

// ApplyDone lists the steps applied so far and their share of the plan.
func (r *Restore) ApplyDone() ([]install.Step, float64) {
	return append([]install.Step(nil), r.done...), r.progress
}

// ApplyDue is the restore the apply step waits for, once per plan.
func (r *Restore) ApplyDue(progress install.Progress) *Job[Installed] {
	if r.applying || r.applied || r.plan == nil || r.attempted == r.planRev {
		return nil
	}
	r.attempted = r.planRev
	r.applying, r.applyErr, r.result, r.done, r.progress = true, nil, nil, nil, 0
	plan := r.plan
	return &Job[Installed]{Rev: r.planRev, run: func() Installed {
		res, err := plan.Apply(progress)
		return Installed{Result: res, Err: err}
	}}
}

// Progressed records a step applied.
func (r *Restore) Progressed(done, total int, s install.Step) bool {
	r.done = append(r.done, s)
	if total > 0 {
		r.progress = float64(done) / float64(total)
	}
	return true
}

// ApplyResult stores the restore's outcome.
func (r *Restore) ApplyResult(res Installed) bool {
	r.applying = false
	r.result, r.applyErr = res.Result, res.Err
	r.applied = res.Err == nil
	if res.Result != nil {
		r.done = append([]install.Step(nil), res.Result.Done...)
	}
	if r.applied {
		r.progress = 1
	}
	return true
}

// RunDue does what the current step waits for (a console calls it after
// each answer): the plan, then the restore.
func (r *Restore) RunDue(progress install.Progress) bool {
	switch r.Step().ID {
	case StepRestoreBackup:
		if j := r.PlanDue(); j != nil {
			return r.ApplyPlan(j.Run())
		}
	case StepRestoreApply:
		report := func(done, total int, s install.Step) {
			r.Progressed(done, total, s)
			if progress != nil {
				progress(done, total, s)
			}
		}
		if j := r.ApplyDue(report); j != nil {
			return r.ApplyResult(j.Run())
		}
	}
	return false
}

// LatestBackup is the newest backup folder under root that can be
// restored (it has a manifest), or "" when there is none.
func LatestBackup(root string) string {
	if root == "" {
		return ""
	}
	entries, err := os.ReadDir(root)
	if err != nil {
		return ""
	}
	var names []string
	for _, e := range entries {
		if e.IsDir() && strings.HasPrefix(e.Name(), "qscert-backup-") {
			if _, err := os.Stat(filepath.Join(root, e.Name(), install.ManifestName)); err == nil {
				names = append(names, e.Name())
			}
		}
	}
	if len(names) == 0 {
		return ""
	}
	// The names hold the time (qscert-backup-20060102-150405[-n]).
	sort.Strings(names)
	return filepath.Join(root, names[len(names)-1])
}
