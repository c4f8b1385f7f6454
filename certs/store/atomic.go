package store

import (
	"os"
	"path/filepath"
	"strings"
)

// The folder store's changes to the disk, each durable and each announced
// to writePoint first (the crash tests kill the process there).
//
// Durable means: when the call returns, the change survives a power cut,
// not only a killed process. A new file's bytes are synced before it is
// renamed into place, and the folder is synced after the rename, because
// on Linux a rename is journaled with the folder, not with the file: without
// the folder's fsync a crash can bring back the old name (ext4, XFS), and
// without the file's fsync the new name can point at an empty file. On
// Windows the rename is written through instead (rename_windows.go).

// writeFileAtomic replaces path with data in one step: it writes a
// temporary file (.qscert-*) in the same folder, syncs it, renames it over
// path and syncs the folder, so a crash leaves either the old file or the
// new one, never half of one, and a leftover temporary file is recognisable
// (cleanStale removes them). The temporary file is created 0600 and given
// mode before any byte is written, so a key is never readable by others.
func writeFileAtomic(path string, data []byte, mode os.FileMode) error {
	return writeFile(path, data, mode, true)
}

// writeFile is writeFileAtomic, with the syncs only when durable: the lock's
// holder note is worth a rename, not two fsyncs.
func writeFile(path string, data []byte, mode os.FileMode, durable bool) error {
	dir := filepath.Dir(path)
	writePoint("create", dir)
	tmp, err := os.CreateTemp(dir, tempPrefix+"*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // after a successful rename there is nothing left to remove
	if err := tmp.Chmod(mode); err != nil {
		tmp.Close()
		return err
	}
	writePoint("write", tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if durable {
		writePoint("sync", tmp.Name())
		if err := tmp.Sync(); err != nil {
			tmp.Close()
			return err
		}
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	writePoint("rename", path)
	if err := renameReplace(tmp.Name(), path); err != nil {
		return err
	}
	if durable {
		writePoint("syncdir", dir)
		return syncDir(dir)
	}
	return nil
}

// createEmptyDurable makes an empty file (a marker) and syncs its folder:
// only its name matters.
func createEmptyDurable(path string) error {
	writePoint("create", path)
	f, err := os.OpenFile(path, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	writePoint("syncdir", filepath.Dir(path))
	return syncDir(filepath.Dir(path))
}

// removeDurable deletes path, which may be absent, and syncs its folder.
func removeDurable(path string) error {
	writePoint("remove", path)
	if err := removeFile(path); err != nil {
		if os.IsNotExist(err) {
			return nil
		}
		return err
	}
	writePoint("syncdir", filepath.Dir(path))
	return syncDir(filepath.Dir(path))
}

// mkdirDurable makes dir and the folders up to it below root (0700: they
// hold private keys), syncing each new folder's parent so that the new
// entry survives a crash.
func mkdirDurable(root, dir string) error {
	rel, err := filepath.Rel(root, dir)
	if err != nil {
		return err
	}
	cur := root
	for _, part := range strings.Split(filepath.ToSlash(rel), "/") {
		if part == "." || part == "" {
			continue
		}
		parent := cur
		cur = filepath.Join(cur, part)
		if info, err := os.Stat(cur); err == nil && info.IsDir() {
			continue
		}
		writePoint("mkdir", cur)
		if err := os.Mkdir(cur, 0o700); err != nil && !os.IsExist(err) {
			return err
		}
		writePoint("syncdir", parent)
		if err := syncDir(parent); err != nil {
			return err
		}
	}
	return nil
}
