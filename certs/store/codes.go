package store

import "qscert/certs/coded"

// Error codes of the stores. Each has a sentence under "code.<code>" in the
// translations and a test that produces it.
const (
	CodeStoreMissing      coded.Code = "store-missing"       // the folder or system store does not exist
	CodeStoreReadOnly     coded.Code = "store-read-only"     // it exists but cannot be changed
	CodeStoreAccessDenied coded.Code = "store-access-denied" // changing it needs administrator rights
	CodeStoreFailed       coded.Code = "store-failed"        // the system refused an operation; detail says why
	CodeStoreUnsupported  coded.Code = "store-unsupported"   // this kind of store does not exist on this OS
	CodeBadLocation       coded.Code = "bad-location"        // a location qscert does not work with
	CodeCertNotFound      coded.Code = "cert-not-found"
	CodeKeyNotExportable  coded.Code = "key-not-exportable"
	CodeKeyUnreadable     coded.Code = "key-unreadable" // the account may not use the private key
	CodeNoKey             coded.Code = "no-key"         // the certificate has no private key in the store
)

// Codes lists the store codes, for the translation tests.
var Codes = []coded.Code{
	CodeStoreMissing, CodeStoreReadOnly, CodeStoreAccessDenied, CodeStoreFailed, CodeStoreUnsupported,
	CodeBadLocation, CodeCertNotFound, CodeKeyNotExportable, CodeKeyUnreadable, CodeNoKey,
}
