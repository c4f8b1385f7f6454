package install

import (
	"unicode"

	"qscert/certs/coded"
	"qscert/certs/finding"
	"qscert/certs/qlik"
)

// Codes is the table of installs, backups and restores, each code with its
// default severity. Each has a sentence under "code.<code>" in
// assets/translations/install.<lang>.json and a test that produces it.
var Codes = &coded.Registry{}

var (
	CodeBackupPasswordTooShort = Codes.Error("backup-password-too-short")
	CodeBackupFolderUnwritable = Codes.Error("backup-folder-unwritable")
	CodeBackupUnreadable       = Codes.Error("backup-unreadable")
	CodeBackupWrongPassword    = Codes.Error("backup-wrong-password")
	CodeBackupTampered         = Codes.Error("backup-tampered")  // the manifest or a PFX changed after the backup was written
	CodeBackupMisplaced        = Codes.Error("backup-misplaced") // an entry puts a certificate where qscert never would
	CodeBackupTwoRoots         = Codes.Error("backup-two-roots") // the restore would leave two roots of one site
	CodeKeepLeavesTwoRoots     = Codes.Error("keep-leaves-two-roots")
	CodeExportNotInstallable   = Codes.Error("export-not-installable")
	CodeInstallRolledBack      = Codes.Error("install-rolled-back")
	CodeRollbackFailed         = Codes.Error("rollback-failed")
	CodePlanStale              = Codes.Error("plan-stale")         // the store changed between the plan and its apply
	CodeJournalUnreadable      = Codes.Error("journal-unreadable") // an unfinished change whose journal cannot be read
)

// Notes a plan carries: what the install does differently from what was
// asked, for the user to read before applying it.
var (
	CodeRootForCurrentUser   = Codes.Warning("root-for-current-user")   // not elevated: the root goes to CurrentUser\Root
	CodeServerForCurrentUser = Codes.Warning("server-for-current-user") // not elevated: the server goes to CurrentUser\My
	CodeServerWithoutKey     = Codes.Info("server-without-key")         // the server certificate is not installed
)

// MinBackupPassword is how many characters other than spaces a backup
// password needs. The QMC's export password is optional, so it cannot
// always protect the backup.
const MinBackupPassword = 8

// BackupPasswordOK reports whether password may protect a backup: at
// least MinBackupPassword characters that are not spaces ("        " is
// not a password).
func BackupPasswordOK(password string) bool {
	n := 0
	for _, r := range password {
		if !unicode.IsSpace(r) {
			n++
		}
	}
	return n >= MinBackupPassword
}

func newNote(code coded.Code, role qlik.Role, file string, params ...string) finding.Finding {
	return finding.New(Codes, code, role, file, params...)
}

// Codes of an install for the account that uses the certificate
// (for_account.go).
var (
	// An install for another account or for the machine that cannot write
	// the machine's stores (not elevated): it needs administrator rights.
	CodeNeedsAdministrator = Codes.Warning("needs-administrator")
	// The machine choice: the client goes to LocalMachine\My; some
	// products look only in their account's CurrentUser\My.
	CodeMachineStore = Codes.Info("machine-store")
	// How the account step acts as the account.
	CodeAccountByTask  = Codes.Info("account-by-task")  // a one-time scheduled task, removed afterwards
	CodeAccountByLogon = Codes.Info("account-by-logon") // a logon with the account's password, typed once
	// The child of an account step was handed a request it cannot read
	// (another qscert version, a damaged payload).
	CodeAccountPayload = Codes.Error("account-payload-unreadable")
)
