package flow

import "fmt"

// Saved is the outcome of saving the support report.
type Saved struct {
	Path string
	Err  error
}

// CanSaveReport: the program can write a support report.
func (f *Install) CanSaveReport() bool { return f.deps.SaveReport != nil }

// ReportFileName is the name proposed for the support report.
func (f *Install) ReportFileName() string {
	return fmt.Sprintf("qscert-report-%s.zip", f.deps.Now().Format("20060102-1504"))
}

// ReportFolder is the folder the support report is proposed in
// (Deps.ReportDir).
func (f *Install) ReportFolder() string { return f.deps.ReportDir }

// ReportInput is what the flow knows, for a support report: no password.
func (f *Install) ReportInput() ReportInput {
	in := ReportInput{
		Lang: f.lang, Folder: f.folder, Host: f.host, Port: f.port, Report: f.report,
		Diagnosis: f.diagnosis, TestErr: f.testErr, InstallErr: f.installErr,
		Installed: f.installed, Result: f.result, Demo: f.deps.Demo != nil,
	}
	if f.result != nil {
		in.BackupDir = f.result.BackupDir
	}
	return in
}

// Saving: the support report is being written.
func (f *Install) Saving() bool { return f.saving }

// Saved is the outcome of the last save; nil before one.
func (f *Install) Saved() *Saved { return f.saved }

// SaveReport writes the support report to path, or is nil when the
// program cannot (CanSaveReport) or a save runs.
func (f *Install) SaveReport(path string) *Job[Saved] {
	save := f.deps.SaveReport
	if save == nil || f.saving {
		return nil
	}
	f.saving = true
	in := f.ReportInput()
	return &Job[Saved]{run: func() Saved { return Saved{Path: path, Err: save(path, in)} }}
}

// ApplySaved stores the outcome of a save.
func (f *Install) ApplySaved(s Saved) bool {
	f.saving = false
	f.saved = &s
	return true
}
