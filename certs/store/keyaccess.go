package store

// KeyAccessGranter is what a store offers for the machine choice of an
// install "for the account that uses the certificate": the certificate
// goes to LocalMachine\My with its key in the machine key set, and the
// service's account is given read access to that key, as certlm.msc's
// "Manage Private Keys" does. The Windows store implements it; the folder
// store reports key-access-unsupported. Callers find it with a type
// assertion: s.(store.KeyAccessGranter).
type KeyAccessGranter interface {
	// GrantKeyRead allows sid (S-1-5-...) to read the private key of the
	// certificate with that thumbprint in loc. undo puts back the key's
	// security descriptor exactly as it was, for a rollback. A key that
	// is not in the machine key set gives key-not-machine: a user's key
	// is protected by that user's DPAPI keys, and no ACL opens it to
	// another account.
	GrantKeyRead(loc Location, thumbprint, sid string) (undo func() error, err error)
	// CanRead reports whether sid may read that key, by an access check
	// of sid against the key's DACL (the account's groups included).
	CanRead(loc Location, thumbprint, sid string) (bool, error)
}

// Codes of key access. Each has a sentence under "code.<code>" in
// assets/translations/accounts.{en,fr}.json and a test that produces it.
var (
	CodeKeyAccessUnsupported = Codes.Error("key-access-unsupported") // this store has no key ACLs
	CodeKeyNotMachine        = Codes.Error("key-not-machine")        // the key is a user's: install in LocalMachine\My
	CodeBadSID               = Codes.Error("bad-sid")                // not a SID
)
