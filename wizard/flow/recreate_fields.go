package flow

import (
	"strconv"
	"strings"

	"qscert/certs/install"
)

// The recreate flow's questions. The backup's reuse the install's ids
// (FieldBackupDir, FieldBackupPassword, FieldBackupRetype): the same
// words, the same rules.
const (
	FieldServiceAccountPassword FieldID = "serviceAccountPassword" // the Qlik service account's, when it is an ordinary user
	FieldConfirmHost            FieldID = "confirmHost"            // the central node's name, typed to confirm the deletion
	FieldExportMachines         FieldID = "exportMachines"         // the third-party machines to export for, comma-separated
	FieldExportPassword         FieldID = "exportPassword"         // the new exports' password
	FieldExportRetype           FieldID = "exportRetype"           // the same again
)

var (
	checkFields = []Field{
		{ID: FieldServiceAccountPassword, Label: "wizard.recreate.account.password", Secret: true},
	}
	stoppedFields = []Field{
		{ID: FieldBackupPassword, Label: "wizard.old.backup.password", Secret: true, Validated: true},
		{ID: FieldServiceAccountPassword, Label: "wizard.recreate.account.password", Secret: true},
	}
	recreateBackupFields = []Field{
		{ID: FieldBackupDir, Label: "wizard.old.backup.folder"},
		{ID: FieldBackupPassword, Label: "wizard.old.backup.password", Secret: true, Validated: true},
		{ID: FieldBackupRetype, Label: "wizard.old.backup.retype", Placeholder: "wizard.old.backup.retype.placeholder", Secret: true, Validated: true},
	}
	confirmFields = []Field{
		{ID: FieldConfirmHost, Label: "wizard.recreate.confirm.host", Validated: true},
	}
	exportFields = []Field{
		{ID: FieldExportMachines, Label: "wizard.recreate.export.machines", Placeholder: "wizard.recreate.export.machines.placeholder"},
		{ID: FieldExportPassword, Label: "wizard.recreate.export.password", Secret: true, Validated: true},
		{ID: FieldExportRetype, Label: "wizard.recreate.export.retype", Secret: true, Validated: true},
	}
)

// Value is what a field holds now.
func (f *Recreate) Value(id FieldID) string {
	switch id {
	case FieldServiceAccountPassword:
		return f.accountPassword
	case FieldBackupDir:
		return f.backupDir
	case FieldBackupPassword:
		return f.backupPassword
	case FieldBackupRetype:
		return f.backupRetype
	case FieldConfirmHost:
		return f.typedHost
	case FieldExportMachines:
		f.proposeMachines()
		return f.next.machines
	case FieldExportPassword:
		return f.next.password
	case FieldExportRetype:
		return f.next.retype
	}
	return ""
}

// Set answers a field. The account's password makes the plan stale (it
// is how the plan reads the account's store).
func (f *Recreate) Set(id FieldID, value string) {
	switch id {
	case FieldServiceAccountPassword:
		if value != f.accountPassword {
			f.accountPassword = value
			f.planRev++
		}
	case FieldBackupDir:
		f.backupDir = strings.TrimSpace(value)
	case FieldBackupPassword:
		f.backupPassword = value
	case FieldBackupRetype:
		f.backupRetype = value
	case FieldConfirmHost:
		f.typedHost = value
	case FieldExportMachines:
		f.next.machinesProposed = true
		f.next.machines = value
	case FieldExportPassword:
		f.next.password = value
	case FieldExportRetype:
		f.next.retype = value
	}
}

// Asks says whether a field is asked now: the account's password only
// when the account is an ordinary user (the plan says so, or the stopped
// procedure's account is one), the exports' only when there is a
// procedure to export from.
func (f *Recreate) Asks(id FieldID) bool {
	switch id {
	case FieldServiceAccountPassword:
		if f.Walk.Step().ID == StepRecreateStopped {
			return f.stopped != nil && f.stopped.Account.NeedsPassword()
		}
		return f.accountPassword != "" || f.needsAccountPassword()
	case FieldExportMachines, FieldExportPassword, FieldExportRetype:
		return f.CanExport()
	}
	return true
}

// Hint is the sentence under a field.
func (f *Recreate) Hint(id FieldID) (string, map[string]string) {
	min := map[string]string{"min": strconv.Itoa(install.MinBackupPassword)}
	switch id {
	case FieldServiceAccountPassword:
		return "wizard.recreate.account.password.hint", nil
	case FieldBackupDir:
		return "wizard.old.backup.folder.hint", nil
	case FieldBackupPassword:
		if f.Walk.Step().ID == StepRecreateStopped {
			return "wizard.recreate.stopped.password.hint", nil
		}
		return "wizard.old.backup.password.hint", min
	case FieldBackupRetype:
		return "wizard.recreate.backup.retype.hint", nil
	case FieldConfirmHost:
		return "wizard.recreate.confirm.host.hint", map[string]string{"host": f.Host()}
	case FieldExportMachines:
		return "wizard.recreate.export.machines.hint", nil
	case FieldExportPassword:
		return "wizard.recreate.export.password.hint", nil
	case FieldExportRetype:
		return "wizard.recreate.export.retype.hint", nil
	}
	return "", nil
}

// FieldProblem says what is wrong with an answer: a backup password too
// short, a retype that differs, a host name that is not this node's.
func (f *Recreate) FieldProblem(id FieldID, value string) (string, map[string]string) {
	switch id {
	case FieldBackupPassword:
		return Problem(id, value)
	case FieldBackupRetype:
		if value != f.backupPassword {
			return "wizard.old.backup.retype.differs", nil
		}
	case FieldConfirmHost:
		if strings.TrimSpace(value) != "" && !sameHost(value, f.Host()) {
			return "wizard.recreate.confirm.host.differs", map[string]string{"host": f.Host()}
		}
	case FieldExportPassword:
		if value == "" {
			return "wizard.recreate.export.password.empty", nil
		}
	case FieldExportRetype:
		if value != f.next.password {
			return "wizard.old.backup.retype.differs", nil
		}
	}
	return "", nil
}

// Host is the central node's name, as Host.cfg gives it: what the
// confirmation wants typed.
func (f *Recreate) Host() string {
	if f.rc != nil {
		return f.rc.Plan.Site.FQDN
	}
	if f.stopped != nil {
		return f.stopped.Site.FQDN
	}
	return ""
}

func (f *Recreate) accountName() string {
	if f.rc != nil {
		return f.rc.Plan.Account.Name
	}
	if f.stopped != nil {
		return f.stopped.Account.Name
	}
	return ""
}

// backupReady: a folder, a password long enough, typed twice alike.
func (f *Recreate) backupReady() bool {
	return f.backupDir != "" && install.BackupPasswordOK(f.backupPassword) && f.backupRetype == f.backupPassword
}

// stoppedReady: going on and restoring both need the backup's password
// (and the account's, for an ordinary user).
func (f *Recreate) stoppedReady() bool {
	if !install.BackupPasswordOK(f.backupPassword) {
		return false
	}
	return !f.Asks(FieldServiceAccountPassword) || f.accountPassword != ""
}

// confirmReady: the host name typed is the node's.
func (f *Recreate) confirmReady() bool { return sameHost(f.typedHost, f.Host()) }

// enterConfirm clears what was typed: a confirmation is typed each time.
func (f *Recreate) enterConfirm() { f.typedHost = "" }

// AccountName is the Qlik service account the procedure acts as.
func (f *Recreate) AccountName() string {
	if f.run.rc != nil {
		return f.run.rc.Plan.Account.Name
	}
	return f.accountName()
}
