// Package durable writes files so that a crash at any moment leaves either
// the old content or the new one, never a mix, and so that what was
// written is on the disk before the next step starts: a temporary file in
// the same folder, its mode set before any byte, fsynced, renamed over the
// target, then the folder fsynced. The folder store, the backups and the
// install journal all write through it.
//
// Every write calls WritePoint first, the crash-test hook: a test build
// (tag qscert_killtest) can make the process die at its k-th write, which
// is how the tests prove that a killed qscert loses nothing.
package durable
