package store

import "qscert/certs/coded"

// Codes of the writer lock (lock.go). Each has a sentence under
// "code.<code>" in store.{en,fr}.json and a test that produces it.
const (
	// Another process held the store's lock for the whole wait.
	CodeStoreBusy coded.Code = "store-busy"
	// The lock itself could not be made or taken (on Windows, a mutex of
	// that name this account may not open); detail says why.
	CodeStoreLockFailed coded.Code = "store-lock-failed"
)

// LockCodes lists them, for the translation tests (the lead may fold them
// into Codes).
var LockCodes = []coded.Code{CodeStoreBusy, CodeStoreLockFailed}
