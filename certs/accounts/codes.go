package accounts

import "qscert/certs/coded"

// Codes is the table of this package's codes. Each has a sentence under
// "code.<code>" in assets/translations/accounts.{en,fr}.json and a test
// that produces it.
var Codes = &coded.Registry{}

var (
	CodeUnsupported     = Codes.Error("accounts-unsupported")   // not Windows
	CodeNotFound        = Codes.Error("account-not-found")      // no such account
	CodeNotUsable       = Codes.Error("account-not-usable")     // a group, a computer: nothing a service runs as
	CodeNeedsPassword   = Codes.Error("account-needs-password") // an ordinary account: its password is needed to act as it
	CodeVirtual         = Codes.Error("account-virtual")        // NT SERVICE\...: no way to act as it
	CodeServiceNotFound = Codes.Error("service-not-found")      // no service of that name
	CodeServicesFailed  = Codes.Error("services-failed")        // the service manager refused
	CodeLogonFailed     = Codes.Error("logon-failed")           // wrong password, locked or expired account
	CodeLogonDenied     = Codes.Error("logon-denied")           // the account may not log on this way
	CodeTaskFailed      = Codes.Error("task-failed")            // the Task Scheduler refused, or the task did not start
	CodeRunFailed       = Codes.Error("run-failed")             // the child could not be started, or its channel broke
	CodeRunCancelled    = Codes.Error("run-cancelled")          // the user cancelled
)
