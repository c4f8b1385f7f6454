package store

import "qscert/certs/coded"

// Codes is the table of the stores' error codes. Each has a sentence under
// "code.<code>" in assets/translations/store.<lang>.json and a test that
// produces it.
var Codes = &coded.Registry{}

var (
	CodeStoreMissing      = Codes.Error("store-missing")       // the folder or system store does not exist
	CodeStoreReadOnly     = Codes.Error("store-read-only")     // it exists but cannot be changed
	CodeStoreAccessDenied = Codes.Error("store-access-denied") // changing it needs administrator rights
	CodeStoreFailed       = Codes.Error("store-failed")        // the system refused an operation; detail says why
	CodeStoreUnsupported  = Codes.Error("store-unsupported")   // this kind of store does not exist on this OS
	CodeBadLocation       = Codes.Error("bad-location")        // a location qscert does not work with
	CodeCertNotFound      = Codes.Error("cert-not-found")
	CodeKeyNotExportable  = Codes.Error("key-not-exportable")
	CodeKeyUnreadable     = Codes.Error("key-unreadable") // the account may not use the private key
	CodeNoKey             = Codes.Error("no-key")         // the certificate has no private key in the store
)
