package store

// PendingChanges is a store that remembers its unfinished changes. The
// install plan marks a change pending before its first write, naming the
// change's journal, and clears it once the change is finished or rolled
// back; after a crash the next qscert that opens the store finds the
// journal and finishes the change first (certs/install Recover). The mark
// holds only the journal's path, never a secret.
type PendingChanges interface {
	// MarkPending records, durably, that the change id is under way and
	// its journal is at journal. machine says the change touches
	// LocalMachine locations (on Windows the mark then goes where only
	// administrators can write).
	MarkPending(id, journal string, machine bool) error
	// ClearPending forgets the change id; clearing an unknown id is not
	// an error.
	ClearPending(id string) error
	// Pending lists the changes under way: id to journal path.
	Pending() (map[string]string, error)
}
