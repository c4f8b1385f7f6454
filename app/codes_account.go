package app

import "qscert/certs/foraccount"

// Codes of the choice "who uses this certificate?" on the command line
// (--for-account, --for-service, --for-machine). Each has a sentence
// under "code.<code>" in cli.<lang>.json and a test in
// for_account_test.go.
var (
	// Another account's own store is the Windows one.
	CodeForAccountWindowsStore = Codes.Error("for-account-windows-store")
)

// The codes of the test made for the account, which the wizard shares
// (package foraccount declares them).
var (
	// The account finds no client certificate (with its key and its
	// root) where it looks.
	CodeAccountCertificateNotFound = foraccount.CodeCertificateNotFound
	// The account finds the client but may not read its private key.
	CodeAccountKeyUnreadable = foraccount.CodeKeyUnreadable
	// The machine choice's check: the account may read the key.
	CodeAccountKeyReadable = foraccount.CodeKeyReadable
	// The machine choice's check could not be made.
	CodeAccountKeyUnchecked = foraccount.CodeKeyUnchecked
)
