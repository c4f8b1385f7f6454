package store

import (
	"os"
	"path/filepath"
)

// writeFileAtomic replaces path with data in one step: it writes a temporary
// file in the same folder, syncs it and renames it over path, so a crash
// leaves either the old file or the new one, never half of one. The mode is
// set before any byte is written, so a key is never readable by others.
func writeFileAtomic(path string, data []byte, mode os.FileMode) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".qscert-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // after a successful rename there is nothing left to remove
	if err := tmp.Chmod(mode); err != nil {
		tmp.Close()
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
