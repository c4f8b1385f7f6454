//go:build !unix && !windows

package boundedfile

import "os"

// openNoBlock on systems with neither FIFOs nor Win32 (wasm, plan9): a
// plain open; the caller still checks the type on the handle.
func openNoBlock(path string) (*os.File, error) { return os.Open(path) }
