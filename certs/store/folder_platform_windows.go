package store

import "os"

// lockOpenFlags open the lock file (Windows has no FIFO on disk).
const lockOpenFlags = os.O_CREATE | os.O_RDONLY

// closeBundleEarly: a reader closes the bundle as soon as it is read, so
// that writers can replace it; file IDs are not reused (folder_read.go).
const closeBundleEarly = true
