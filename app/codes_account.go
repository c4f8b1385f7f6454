package app

// Codes of the choice "who uses this certificate?" on the command line
// (--for-account, --for-service, --for-machine). Each has a sentence
// under "code.<code>" in cli.<lang>.json and a test in
// for_account_test.go.
var (
	// Installing for another account or for the machine needs an
	// elevated qscert: the sentence names the command to run elevated.
	// Another account's own store is the Windows one.
	CodeForAccountWindowsStore = Codes.Error("for-account-windows-store")
	// The connection test as the account: the account finds no client
	// certificate (with its key and its root) where it looks.
	CodeAccountCertificateNotFound = Codes.Error("account-certificate-not-found")
	// The account finds the client but may not read its private key.
	CodeAccountKeyUnreadable = Codes.Error("account-key-unreadable")
	// The machine choice's check: the account may read the key.
	CodeAccountKeyReadable = Codes.Info("account-key-readable")
	// The machine choice's check could not be made (no access check on
	// this system).
	CodeAccountKeyUnchecked = Codes.Warning("account-key-unchecked")
)
