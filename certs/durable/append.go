package durable

import (
	"os"
	"path/filepath"
)

// Log is a file that only grows, one record at a time, each on the disk
// before Append returns: the install journal. A crash during an Append
// leaves at most a last record cut short, which a reader skips.
type Log struct {
	f *os.File
}

// CreateLog makes a new log at path (mode 0600: it names what is being
// changed) and syncs its folder, so that the file itself survives a crash.
func CreateLog(path string) (*Log, error) {
	WritePoint("create", path)
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL|os.O_APPEND, 0o600)
	if err != nil {
		return nil, err
	}
	WritePoint("syncdir", path)
	if err := SyncDir(filepath.Dir(path)); err != nil {
		f.Close()
		return nil, err
	}
	return &Log{f: f}, nil
}

// OpenLog opens an existing log to add records to it.
func OpenLog(path string) (*Log, error) {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return nil, err
	}
	return &Log{f: f}, nil
}

// Append writes one record (a line) and syncs it.
func (l *Log) Append(line []byte) error {
	WritePoint("append", l.f.Name())
	if _, err := l.f.Write(append(line, '\n')); err != nil {
		return err
	}
	WritePoint("sync", l.f.Name())
	return l.f.Sync()
}

// Close closes the log.
func (l *Log) Close() error { return l.f.Close() }
