package flow

import (
	"strconv"
	"strings"

	"qscert/certs/install"
	"qscert/certs/qlik"
	"qscert/certs/qrs"
)

// FieldID names a question a step asks.
type FieldID string

const (
	FieldFolder         FieldID = "folder"         // the export folder
	FieldPassword       FieldID = "password"       // the export's password
	FieldHost           FieldID = "host"           // the Qlik Sense server
	FieldPort           FieldID = "port"           // the QRS's port (the confirmation step)
	FieldBackupDir      FieldID = "backupDir"      // where the backup folder is made
	FieldBackupPassword FieldID = "backupPassword" // protects the backup
	FieldBackupRetype   FieldID = "backupRetype"   // the backup password again, when a new one was typed
)

// Field is one question of a step, as data, so that the window and a
// console ask the same things with the same words.
type Field struct {
	ID          FieldID
	Label       string // translation key
	Placeholder string // translation key of an example value; "" for none
	// Secret: a password. It is masked, and never saved, logged or
	// reported; the flow keeps it in memory only.
	Secret bool
	// Validated: Problem can refuse an answer, and says why.
	Validated bool
}

var (
	filesFields = []Field{
		{ID: FieldFolder, Label: "wizard.files.folder", Placeholder: "wizard.files.folder.placeholder"},
		{ID: FieldPassword, Label: "wizard.files.password", Secret: true},
		{ID: FieldHost, Label: "wizard.files.host", Placeholder: "wizard.files.host.placeholder", Validated: true},
	}
	// connectionFields are the confirmation step's: a wrong host found by
	// the test is fixed there, and the test run again.
	connectionFields = []Field{
		{ID: FieldHost, Label: "wizard.files.host", Placeholder: "wizard.files.host.placeholder", Validated: true},
		{ID: FieldPort, Label: "wizard.done.port", Validated: true},
	}
	backupFields = []Field{
		{ID: FieldBackupDir, Label: "wizard.old.backup.folder"},
		{ID: FieldBackupPassword, Label: "wizard.old.backup.password", Secret: true, Validated: true},
		{ID: FieldBackupRetype, Label: "wizard.old.backup.retype", Placeholder: "wizard.old.backup.retype.placeholder", Secret: true, Validated: true},
	}
)

// Value is what a field holds now.
func (f *Install) Value(id FieldID) string {
	switch id {
	case FieldFolder:
		return f.folder
	case FieldPassword:
		return f.password
	case FieldHost:
		return f.host
	case FieldPort:
		return strconv.Itoa(f.port)
	case FieldBackupDir:
		return f.backupDir
	case FieldBackupPassword:
		return f.backupPassword
	case FieldBackupRetype:
		return f.backupRetype
	}
	return f.accountValue(id)
}

// Asks says whether a field is asked now: the retype of the backup
// password only once a password other than the export's was typed (the
// export's was typed twice in the QMC already).
func (f *Install) Asks(id FieldID) bool {
	if id == FieldBackupRetype {
		return f.NeedsRetype()
	}
	if asks, known := f.accountAsks(id); known {
		return asks
	}
	return true
}

// NeedsRetype: a new backup password was typed, so it must be typed
// twice: a typo in it would make the backup useless.
func (f *Install) NeedsRetype() bool {
	return f.Removing() && f.backupPassword != "" && f.backupPassword != f.password
}

// FieldProblem is Problem, with what depends on other answers: the retype
// must match the backup password.
func (f *Install) FieldProblem(id FieldID, value string) (key string, params map[string]string) {
	if id == FieldBackupRetype {
		if f.NeedsRetype() && value != f.backupPassword {
			return "wizard.old.backup.retype.differs", nil
		}
		return "", nil
	}
	if key, params, known := f.accountProblem(id, value); known {
		return key, params
	}
	return Problem(id, value)
}

// Set answers a field. Each answer is a new revision of the inputs it
// belongs to: what was computed from the old value is stale.
func (f *Install) Set(id FieldID, value string) {
	switch id {
	case FieldFolder:
		f.folder = strings.TrimSpace(value)
		if f.folder != "" {
			f.files = nil
		}
		f.exportRev++
	case FieldPassword:
		f.password = value
		f.passwordTyped = true
		f.exportRev++
	case FieldHost:
		f.host = strings.TrimSpace(value)
		f.hostRev++
		if f.index <= f.IndexOf(StepFiles) {
			// The check compares the export's site with the host.
			f.exportRev++
		}
	case FieldPort:
		if p, err := strconv.Atoi(strings.TrimSpace(value)); err == nil && PortProblem(value) == "" {
			f.port = p
		} else {
			f.port = 0 // unusable until corrected; Problem says why
		}
		f.hostRev++
	case FieldBackupDir:
		f.backupDir = value
		f.choicesChanged()
	case FieldBackupPassword:
		f.backupPassword = value
		f.choicesChanged()
	case FieldBackupRetype:
		f.backupRetype = value // the plan does not depend on it; the gate does
	default:
		f.setAccount(id, value)
	}
}

// Hint is the sentence under a field (translation key and parameters); it
// may depend on what was answered before.
func (f *Install) Hint(id FieldID) (key string, params map[string]string) {
	min := map[string]string{"min": strconv.Itoa(install.MinBackupPassword)}
	switch id {
	case FieldFolder:
		return "wizard.files.folder.hint", nil
	case FieldPassword:
		if d := f.deps.Demo; d != nil {
			return "wizard.files.password.demo", map[string]string{"password": d.Password}
		}
		return "wizard.files.password.hint", nil
	case FieldHost:
		if f.index > f.IndexOf(StepFiles) {
			return "wizard.done.host.hint", nil // the export was checked already
		}
		return "wizard.files.host.hint", nil
	case FieldPort:
		return "wizard.done.port.hint", map[string]string{"port": strconv.Itoa(qrs.DefaultPort)}
	case FieldBackupDir:
		return "wizard.old.backup.folder.hint", nil
	case FieldBackupRetype:
		return "wizard.old.backup.retype.hint", nil
	case FieldBackupPassword:
		if f.backupPassword != "" && f.backupPassword == f.password {
			return "wizard.old.backup.password.same", min
		}
		return "wizard.old.backup.password.hint", min
	}
	return f.accountHint(id)
}

// Problem says what is wrong with value as an answer to a field
// (translation key and parameters), or "" when it is usable.
func Problem(id FieldID, value string) (key string, params map[string]string) {
	switch id {
	case FieldHost:
		return HostProblem(value), nil
	case FieldPort:
		return PortProblem(value), nil
	case FieldBackupPassword:
		if !install.BackupPasswordOK(value) {
			return "wizard.old.backup.password.short", map[string]string{"min": strconv.Itoa(install.MinBackupPassword)}
		}
	}
	return "", nil
}

// PortProblem says what is wrong with a port (a translation key), or ""
// when it is a TCP port number.
func PortProblem(port string) string {
	if p, err := strconv.Atoi(strings.TrimSpace(port)); err != nil || p < 1 || p > 65535 {
		return "wizard.done.port.bad"
	}
	return ""
}

// HostProblem says what is wrong with a server name (a translation key),
// or "" when it is usable. The QRS is reached at https://HOST:4242, so the
// field wants the name alone, not a URL or a port; an IP address is
// allowed (validation warns about it). What a host name is, qlik.ParseHost
// says.
func HostProblem(host string) string {
	if strings.TrimSpace(host) == "" {
		return "wizard.files.host.empty"
	}
	if h, ok := qlik.ParseHost(host); !ok || h.Decorated {
		return "wizard.files.host.only-name"
	}
	return ""
}
