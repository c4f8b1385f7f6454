package app

import "qscert/certs/coded"

// Codes is the table of the command line's own codes. Each has a sentence
// under "code.<code>" in cli.<lang>.json and a test in cli_test.go.
var Codes = &coded.Registry{}

var (
	CodeUnknownCommand        = Codes.Error("unknown-command")
	CodeBadUsage              = Codes.Error("bad-usage")
	CodeUnknownFlag           = Codes.Error("unknown-flag")
	CodeFlagNeedsValue        = Codes.Error("flag-needs-value")
	CodeBadFlagValue          = Codes.Error("bad-flag-value")
	CodeUnknownLanguage       = Codes.Warning("unknown-language")
	CodePasswordOnCommandLine = Codes.Error("password-on-command-line")
	CodePasswordSources       = Codes.Error("password-sources")
	CodePasswordFile          = Codes.Error("password-file-unreadable")
	CodePasswordEnv           = Codes.Error("password-env-unset")
	CodePasswordUnreadable    = Codes.Error("password-unreadable")
	CodeNoWindow              = Codes.Error("no-window")
	CodeConfirmationNeeded    = Codes.Error("confirmation-needed")
	CodeNotConfirmed          = Codes.Error("not-confirmed")
)
