package central

import "qscert/certs/coded"

// Codes is the table of the recreate procedure's codes. Each has a
// sentence under "code.<code>" in assets/translations/central.{en,fr}.json
// and a test that produces it.
var Codes = &coded.Registry{}

// Preconditions: the findings of step 1. An error refuses the procedure.
var (
	CodeNotCentralNode      = Codes.Error("not-central-node")           // reason: host-cfg-missing, host-cfg-invalid, rim-node
	CodeNotElevated         = Codes.Error("not-elevated")               // not run as administrator
	CodeRepositoryMissing   = Codes.Error("repository-missing")         // no Repository.exe
	CodeNoRepositoryService = Codes.Error("repository-service-missing") // no QlikSenseRepositoryService to read the account from
	CodeExportedTooLarge    = Codes.Error("exported-certificates-too-large")
	CodeAccountPassword     = Codes.Error("service-account-password-needed") // an ordinary account: its password acts as it
	CodeProduction          = Codes.Warning("production-site")               // the whole site stops meanwhile
	CodeNothingToDelete     = Codes.Warning("no-qlik-certificates")          // the site's certificates are gone already
	CodeOtherRoot           = Codes.Warning("other-qlik-root")               // a Qlik root of another name, kept
	CodeDatabaseStopped     = Codes.Info("repository-database-stopped")      // started before the bootstrap
)

// What stops the procedure once it runs.
var (
	CodeBusy               = Codes.Error("recreate-busy")       // another qscert is recreating
	CodeUnfinished         = Codes.Error("recreate-unfinished") // a recreate was stopped: go on or restore
	CodeStopped            = Codes.Error("recreate-stopped")    // a step failed: the state and how to restore
	CodeNoJournal          = Codes.Error("recreate-journal-unreadable")
	CodeNothingToResume    = Codes.Error("nothing-to-resume")
	CodeServiceStopFailed  = Codes.Error("service-stop-failed")
	CodeServiceStartFailed = Codes.Error("service-start-failed")
	CodeServiceTimeout     = Codes.Error("service-timeout")
	CodeServicesFailed     = Codes.Error("service-control-failed") // the service manager refused a call
	CodeExportedUnreadable = Codes.Error("exported-certificates-unreadable")
	CodeExportedDelete     = Codes.Error("exported-certificates-delete-failed")
	CodeBootstrapFailed    = Codes.Error("bootstrap-failed")
	CodeBootstrapTimeout   = Codes.Error("bootstrap-timeout")
	CodeBootstrapRunning   = Codes.Error("bootstrap-still-running")
	CodeDuplicates         = Codes.Error("verify-duplicates")
	CodeMissing            = Codes.Error("verify-missing")
	CodeChildFailed        = Codes.Error("account-child-failed")     // the sub-command run as the service account failed
	CodeNextFailed         = Codes.Warning("next-steps-unavailable") // step 7 could not ask the QRS
	CodeRestoreIncomplete  = Codes.Error("restore-incomplete")
	CodePlanStale          = Codes.Error("recreate-plan-stale")        // the stores changed between the plan and the run
	CodeWindowsOnly        = Codes.Error("recreate-windows-only")      // no central node here: --simulate DIR
	CodeBackupPassword     = Codes.Error("recreate-backup-password")   // none given, and no terminal to ask
	CodePasswordMismatch   = Codes.Error("recreate-password-mismatch") // the two typings differ
	CodeExportPassword     = Codes.Error("recreate-export-password")   // an export for third-party machines needs one
)
