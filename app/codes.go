package app

import "qscert/certs/coded"

// Codes of the command line itself. Each has a sentence under "code.<code>"
// in cli.<lang>.json and a test in cli_test.go.
const (
	CodeUnknownCommand        coded.Code = "unknown-command"
	CodeBadUsage              coded.Code = "bad-usage"
	CodePasswordOnCommandLine coded.Code = "password-on-command-line"
	CodePasswordSources       coded.Code = "password-sources"
	CodePasswordFile          coded.Code = "password-file-unreadable"
	CodePasswordEnv           coded.Code = "password-env-unset"
	CodeNoWindow              coded.Code = "no-window"
	CodeConfirmationNeeded    coded.Code = "confirmation-needed"
	CodeNotConfirmed          coded.Code = "not-confirmed"
	CodeReportUnwritable      coded.Code = "report-unwritable"
)

// Codes lists the command line's codes, for the translation tests.
var Codes = []coded.Code{
	CodeUnknownCommand, CodeBadUsage, CodePasswordOnCommandLine, CodePasswordSources,
	CodePasswordFile, CodePasswordEnv, CodeNoWindow, CodeConfirmationNeeded, CodeNotConfirmed,
	CodeReportUnwritable,
}
