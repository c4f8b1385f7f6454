package central

import (
	"io/fs"
	"os"

	"qscert/certs/boundedfile"
	"qscert/certs/durable"
)

// Files is the file system as the procedure uses it: Exported
// Certificates is read, zipped, deleted and put back. OSFiles is the real
// one, on Windows and in simulation; the simulated node wraps it to make
// a step fail.
type Files interface {
	Stat(path string) (fs.FileInfo, error)
	ReadDir(path string) ([]fs.DirEntry, error)
	// ReadFile reads a regular file of at most limit bytes.
	ReadFile(path string, limit int64) ([]byte, error)
	WriteFile(path string, data []byte, mode fs.FileMode) error
	MkdirAll(path string) error
	RemoveAll(path string) error
}

// OSFiles is the machine's file system.
type OSFiles struct{}

func (OSFiles) Stat(path string) (fs.FileInfo, error)      { return os.Lstat(path) }
func (OSFiles) ReadDir(path string) ([]fs.DirEntry, error) { return os.ReadDir(path) }
func (OSFiles) ReadFile(path string, limit int64) ([]byte, error) {
	return boundedfile.Read(path, limit)
}

// WriteFile writes durably: a restored export is on the disk before the
// journal says so.
func (OSFiles) WriteFile(path string, data []byte, mode fs.FileMode) error {
	return durable.WriteFile(path, data, mode)
}
func (OSFiles) MkdirAll(path string) error { return durable.MkdirAll(path, 0o700) }
func (OSFiles) RemoveAll(path string) error {
	durable.WritePoint("remove", path)
	return os.RemoveAll(path)
}
