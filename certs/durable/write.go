package durable

import (
	"os"
	"path/filepath"
)

// TempPrefix starts the name of every temporary file this package makes
// (and every temporary file of qscert's): such a file is never part of
// what it is written beside, so an open may delete what a killed process
// left (the folder store does).
const TempPrefix = ".qscert-"

// WriteFile replaces path with data in one step, durably: a temporary file
// in the same folder, created 0600 and given mode before any byte is
// written (so a key is never readable by others), synced, renamed over
// path, then the folder synced. A crash leaves the old file or the new one.
//
// Why both syncs: on Linux a rename is journaled with the folder, not with
// the file. Without the folder's fsync a crash can bring back the old name
// (ext4, XFS); without the file's, the new name can point at an empty
// file. On Windows the rename is written through instead.
func WriteFile(path string, data []byte, mode os.FileMode) error {
	return writeFile(path, data, mode, true)
}

// ReplaceAtomic replaces path with data in one step, without the syncs: a
// note whose loss in a power cut costs nothing (the lock's holder) is worth
// a rename, not two fsyncs.
func ReplaceAtomic(path string, data []byte, mode os.FileMode) error {
	return writeFile(path, data, mode, false)
}

func writeFile(path string, data []byte, mode os.FileMode, sync bool) error {
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
	if sync {
		WritePoint("sync", tmp.Name())
		if err := tmp.Sync(); err != nil {
			tmp.Close()
			return err
		}
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	WritePoint("rename", path)
	if err := RenameReplace(tmp.Name(), path); err != nil {
		return err
	}
	if sync {
		WritePoint("syncdir", dir)
		return SyncDir(dir)
	}
	return nil
}

// CreateEmpty makes an empty file (a marker: only its name matters) and
// syncs its folder.
func CreateEmpty(path string) error {
	WritePoint("create", path)
	f, err := os.OpenFile(path, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	WritePoint("syncdir", filepath.Dir(path))
	return SyncDir(filepath.Dir(path))
}

// Remove deletes path, which may be absent, and syncs its folder.
func Remove(path string) error {
	WritePoint("remove", path)
	if err := removeFile(path); err != nil {
		if os.IsNotExist(err) {
			return nil
		}
		return err
	}
	WritePoint("syncdir", filepath.Dir(path))
	return SyncDir(filepath.Dir(path))
}

// MkdirAll makes dir and its missing parents with mode, syncing each new
// folder's parent so that the new entry survives a crash.
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
