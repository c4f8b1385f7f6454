package central

import (
	"encoding/json"
	"errors"
	"io/fs"
	"path/filepath"

	"github.com/gofrs/flock"

	"qscert/certs/boundedfile"
	"qscert/certs/coded"
	"qscert/certs/durable"
)

// FolderMark keeps the mark in Dir/recreate-pending.json and the lock on
// Dir/recreate.lock (flock(2); LockFileEx on Windows), which the system
// releases when its holder dies. The simulated node keeps both in its
// folder; on Windows the lock is in %ProgramData%\qscert and the mark in
// the registry (mark_windows.go).
type FolderMark struct {
	Dir string
}

const (
	markName = "recreate-pending.json"
	lockName = "recreate.lock"
)

func (m FolderMark) Lock() (func(), error) {
	if err := durable.MkdirAll(m.Dir, 0o700); err != nil {
		return nil, err
	}
	return lockFile(filepath.Join(m.Dir, lockName))
}

// lockFile takes an exclusive lock on path without waiting.
func lockFile(path string) (func(), error) {
	lk := flock.New(path)
	ok, err := lk.TryLock()
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, coded.New(CodeBusy, nil, "lock", path)
	}
	return func() { _ = lk.Unlock() }, nil
}

func (m FolderMark) Get() (string, error) {
	data, err := boundedfile.Read(filepath.Join(m.Dir, markName), 64<<10)
	if errors.Is(err, fs.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	var mark struct{ Journal string }
	if err := json.Unmarshal(data, &mark); err != nil {
		return "", err
	}
	return mark.Journal, nil
}

func (m FolderMark) Set(journal string) error {
	if err := durable.MkdirAll(m.Dir, 0o700); err != nil {
		return err
	}
	data, _ := json.Marshal(map[string]string{"journal": journal})
	return durable.WriteFile(filepath.Join(m.Dir, markName), data, 0o600)
}

func (m FolderMark) Clear() error { return durable.Remove(filepath.Join(m.Dir, markName)) }
