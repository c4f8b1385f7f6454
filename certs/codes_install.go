package certs

import "qscert/certs/coded"

// Codes of installs, backups and restores. Each has a sentence under
// "code.<code>" in install.<lang>.json and a test that produces it.
const (
	CodeBackupPasswordTooShort coded.Code = "backup-password-too-short"
	CodeBackupFolderUnwritable coded.Code = "backup-folder-unwritable"
	CodeBackupUnreadable       coded.Code = "backup-unreadable"
	CodeBackupWrongPassword    coded.Code = "backup-wrong-password"
	CodeKeepLeavesTwoRoots     coded.Code = "keep-leaves-two-roots"
	CodeExportNotInstallable   coded.Code = "export-not-installable"
	CodeInstallRolledBack      coded.Code = "install-rolled-back"
	CodeRollbackFailed         coded.Code = "rollback-failed"
	CodeRootForCurrentUser     coded.Code = "root-for-current-user"   // a note: not elevated
	CodeServerForCurrentUser   coded.Code = "server-for-current-user" // a note: not elevated
	CodeServerWithoutKey       coded.Code = "server-without-key"      // a note: server certificate not installed
)

// InstallCodes lists them, for the translation tests.
var InstallCodes = []coded.Code{
	CodeBackupPasswordTooShort, CodeBackupFolderUnwritable, CodeBackupUnreadable, CodeBackupWrongPassword,
	CodeKeepLeavesTwoRoots, CodeExportNotInstallable, CodeInstallRolledBack, CodeRollbackFailed,
	CodeRootForCurrentUser, CodeServerForCurrentUser, CodeServerWithoutKey,
}

// MinBackupPassword is the shortest backup password accepted. The QMC's
// export password is optional, so it cannot always protect the backup.
const MinBackupPassword = 8
