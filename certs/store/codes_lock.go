package store

// Codes of the writer lock (lock.go), in the store's table. Each has a
// sentence under "code.<code>" in store.{en,fr}.json and a test that
// produces it.
var (
	// Another process held the store's lock for the whole wait.
	CodeStoreBusy = Codes.Error("store-busy")
	// The lock itself could not be made or taken (on Windows, a mutex of
	// that name this account may not open); detail says why.
	CodeStoreLockFailed = Codes.Error("store-lock-failed")
)
