package foraccount

import "qscert/certs/coded"

// Codes is the table of this package's codes. Each has a sentence under
// "code.<code>" in assets/translations (cli.<lang>.json, where the command
// line declared them first) and a test that produces it.
var Codes = &coded.Registry{}

var (
	// The connection test for the account: it finds no client certificate
	// (with its key and its root) where it looks.
	CodeCertificateNotFound = Codes.Error("account-certificate-not-found")
	// It finds the client but may not read its private key.
	CodeKeyUnreadable = Codes.Error("account-key-unreadable")
	// The machine choice's check: the account may read the key.
	CodeKeyReadable = Codes.Info("account-key-readable")
	// The machine choice's check could not be made (no access check on
	// this system).
	CodeKeyUnchecked = Codes.Warning("account-key-unchecked")
)
