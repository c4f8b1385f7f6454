package flow

import (
	"qscert/certs/coded"
	"qscert/certs/export"
	"qscert/certs/finding"
	"qscert/certs/validate"
)

// Checked is the outcome of checking the export as the inputs were at Rev.
type Checked struct {
	Rev    Rev
	Export *export.Export
	Report *validate.Report
	Err    error // the folder could not be used at all
}

// Folder is the export folder; empty when files were picked one by one.
func (f *Install) Folder() string { return f.folder }

// Files are the files picked one by one.
func (f *Install) Files() []string { return append([]string(nil), f.files...) }

// Host is the Qlik Sense server.
func (f *Install) Host() string { return f.host }

// HasSelection: a folder or files were chosen.
func (f *Install) HasSelection() bool { return f.folder != "" || len(f.files) > 0 }

// AddFile adds one file picked individually, for exports copied file by
// file or mixed with other files; the folder is then forgotten.
func (f *Install) AddFile(path string) {
	for _, p := range f.files {
		if p == path {
			return
		}
	}
	f.files = append(f.files, path)
	f.folder = ""
	f.exportRev++
}

// Checking: the inputs changed since the last check; its result, if any,
// is not theirs.
func (f *Install) Checking() bool { return f.HasSelection() && f.checked != f.exportRev }

// Report is the last check's report, nil before one or when the folder
// could not be read (LoadErr).
func (f *Install) Report() *validate.Report { return f.report }

// LoadErr says why the last check could not read the export at all.
func (f *Install) LoadErr() error { return f.loadErr }

// hostCodes are the findings about the server name rather than about a
// certificate: a window shows them by the host field, where the fix is.
var hostCodes = map[coded.Code]bool{validate.CodeSiteMismatch: true, validate.CodeHostIsIP: true}

// IsHostFinding: the finding is about the host typed, not a certificate.
func IsHostFinding(f finding.Finding) bool { return hostCodes[f.Code] }

// HostFindings are the last check's findings about the host, when that
// check is for the host as it is now (empty while a new one is due).
func (f *Install) HostFindings() []finding.Finding {
	if f.report == nil || f.checked != f.exportRev {
		return nil
	}
	var out []finding.Finding
	for _, x := range f.report.Findings {
		if IsHostFinding(x) {
			out = append(out, x)
		}
	}
	return out
}

// AwaitsPassword: the files are there but the password was not typed yet
// and they need one. A window then asks for it instead of showing
// "wrong password" before anything was typed.
func (f *Install) AwaitsPassword() bool {
	if f.passwordTyped || f.report == nil || f.checked != f.exportRev {
		return false
	}
	for _, x := range f.report.Findings {
		if x.Code == export.CodeWrongPassword || x.Code == export.CodePasswordRequired {
			return true
		}
	}
	return false
}

// exportReady gates the files step: a report for the current inputs
// without blocking findings, and a usable host.
func (f *Install) exportReady() bool {
	return f.report != nil && f.checked == f.exportRev && f.loadErr == nil &&
		!f.report.Blocking() && len(f.report.Certificates) > 0 && HostProblem(f.host) == ""
}

// enterFiles checks again what is filled in (remembered folder and host,
// the demo's export, a folder now created), unless the report on hand is
// for exactly these inputs.
func (f *Install) enterFiles() {
	if f.report == nil || f.checked != f.exportRev {
		f.exportRev++
	}
}

// CheckDue is the check the current inputs need, or nil: nothing chosen,
// or a check of these inputs already started or done.
func (f *Install) CheckDue() *Job[Checked] {
	if !f.HasSelection() || f.checked == f.exportRev || f.checkStarted == f.exportRev {
		return nil
	}
	rev := f.exportRev
	f.checkStarted = rev
	folder, files, password, host := f.folder, f.Files(), f.password, f.host
	now := f.deps.Now()
	lookup := f.lookup
	return &Job[Checked]{Rev: rev, run: func() Checked {
		out := Checked{Rev: rev}
		if len(files) > 0 {
			out.Export = export.LoadFiles(files, password)
		} else {
			out.Export, out.Err = export.LoadExport(folder, password)
		}
		if out.Err == nil {
			// The machine-mismatch check needs this computer's names.
			out.Report = validate.Validate(out.Export, validate.Options{Host: host, Machines: lookup().Names(), Now: now})
		}
		return out
	}}
}

// ApplyCheck stores a check's outcome, and remembers the folder and host
// that worked. It drops a check of inputs that changed since.
func (f *Install) ApplyCheck(c Checked) bool {
	if c.Rev != f.exportRev {
		return false
	}
	f.export, f.report, f.loadErr = c.Export, c.Report, c.Err
	f.checked = c.Rev
	if c.Err == nil && f.folder != "" {
		f.savePref(prefLastFolder, f.folder)
	}
	// A host the export's site does not match is likely a typo: it is not
	// proposed next time (one the connection test accepts is, ApplyTest).
	if c.Err == nil && HostProblem(f.host) == "" && len(f.HostFindings()) == 0 {
		f.savePref(prefHost, f.host)
	}
	return true
}
