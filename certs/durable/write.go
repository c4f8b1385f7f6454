package durable

import (
	"os"
	"path/filepath"
)

// TempPrefix starts the name of every temporary file this package makes,
// so that an open can tidy what a killed process left.
const TempPrefix = ".qscert-tmp-"

// WriteFile replaces path with data in one step, durably.
func WriteFile(path string, data []byte, mode os.FileMode) error {
	dir := filepath.Dir(path)
	WritePoint("create", dir)
	tmp, err := os.CreateTemp(dir, TempPrefix+"*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // after a successful rename there is nothing left to remove
	if err := tmp.Chmod(mode); err != nil {
		tmp.Close()
		return err
	}
	WritePoint("write", tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	WritePoint("sync", tmp.Name())
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	WritePoint("rename", path)
	if err := RenameReplace(tmp.Name(), path); err != nil {
		return err
	}
	WritePoint("syncdir", dir)
	return SyncDir(dir)
}

// MkdirAll makes dir and its missing parents with mode, durably: each new
// folder's entry is synced in its parent.
func MkdirAll(dir string, mode os.FileMode) error {
	if info, err := os.Stat(dir); err == nil && info.IsDir() {
		return nil
	}
	parent := filepath.Dir(dir)
	if parent != dir {
		if err := MkdirAll(parent, mode); err != nil {
			return err
		}
	}
	WritePoint("mkdir", dir)
	if err := os.Mkdir(dir, mode); err != nil && !os.IsExist(err) {
		return err
	}
	WritePoint("syncdir", parent)
	return SyncDir(parent)
}

// Mkdir makes one new folder, durably; it fails when dir exists.
func Mkdir(dir string, mode os.FileMode) error {
	WritePoint("mkdir", dir)
	if err := os.Mkdir(dir, mode); err != nil {
		return err
	}
	WritePoint("syncdir", filepath.Dir(dir))
	return SyncDir(filepath.Dir(dir))
}

// Remove deletes path, durably; a path already gone counts as removed.
func Remove(path string) error {
	WritePoint("remove", path)
	if err := os.Remove(path); err != nil && !os.IsNotExist(err) {
		return err
	}
	WritePoint("syncdir", filepath.Dir(path))
	return SyncDir(filepath.Dir(path))
}
