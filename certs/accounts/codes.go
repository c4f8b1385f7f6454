package accounts

import "qscert/certs/coded"

// Codes of this package. Each has a sentence under "code.<code>" in
// assets/translations/accounts.{en,fr}.json and a test that produces it.
const (
	CodeUnsupported     coded.Code = "accounts-unsupported"   // not Windows
	CodeNotFound        coded.Code = "account-not-found"      // no such account
	CodeNotUsable       coded.Code = "account-not-usable"     // a group, a computer: nothing a service runs as
	CodeNeedsPassword   coded.Code = "account-needs-password" // an ordinary account: its password is needed to act as it
	CodeVirtual         coded.Code = "account-virtual"        // NT SERVICE\...: no way to act as it
	CodeServiceNotFound coded.Code = "service-not-found"      // no service of that name
	CodeServicesFailed  coded.Code = "services-failed"        // the service manager refused
	CodeLogonFailed     coded.Code = "logon-failed"           // wrong password, locked or expired account
	CodeLogonDenied     coded.Code = "logon-denied"           // the account may not log on this way
	CodeTaskFailed      coded.Code = "task-failed"            // the Task Scheduler refused, or the task did not start
	CodeRunFailed       coded.Code = "run-failed"             // the child could not be started, or its channel broke
	CodeRunCancelled    coded.Code = "run-cancelled"          // the user cancelled
)

// Codes lists them, for the translation tests.
var Codes = []coded.Code{
	CodeUnsupported, CodeNotFound, CodeNotUsable, CodeNeedsPassword, CodeVirtual, CodeServiceNotFound,
	CodeServicesFailed, CodeLogonFailed, CodeLogonDenied, CodeTaskFailed, CodeRunFailed, CodeRunCancelled,
}
