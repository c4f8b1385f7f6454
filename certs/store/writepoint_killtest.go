//go:build qscert_killtest

package store

// In a build with the qscert_killtest tag, QSCERT_TEST_KILL_AT_WRITE and
// QSCERT_TEST_WRITE_TRACE are honoured from the start (see writepoint.go).
// Release builds never have this file.
func init() { installKillAtWrite() }
