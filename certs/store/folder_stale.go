package store

import (
	"os"
	"path/filepath"
	"strings"

	"qscert/certs/durable"
)

// What a killed qscert leaves in a folder store, and how an open tidies
// it (the write order in folder_write.go says why this is right):
//
//   - the holder note of a killed lock holder is deleted;
//   - .qscert-* files, at the top and in every location, are deleted:
//     temporary files and write probes that nothing refers to (one may hold
//     a private key);
//   - each <TP>.pending marker is resolved against the bundle: TP listed,
//     the marker goes; TP not listed, <TP>.key goes, then the marker. When
//     the bundle cannot be read, markers and keys stay: a key is never
//     deleted on a guess.
//
// This happens only under the store's lock: a temporary file of a live
// qscert is not stale.

// cleanStaleIfIdle tidies the store when there is something to tidy and no
// other process holds the lock; when one does, its files are not stale and
// it tidies up itself.
func (f *Folder) cleanStaleIfIdle() {
	if !f.hasStale() {
		return
	}
	unlock, err := f.tryLock()
	if err != nil || unlock == nil {
		return
	}
	defer unlock()
	// Nobody holds the lock, so a holder note is a killed holder's.
	_ = os.Remove(filepath.Join(f.root, holderName))
	f.cleanStale()
}

// tryLock takes the lock if it is free at once; nil when it is not.
func (f *Folder) tryLock() (func(), error) {
	f.mu.Lock()
	held := f.depth > 0
	f.mu.Unlock()
	if held {
		return func() {}, nil
	}
	lk := newFolderFlock(f.root)
	ok, err := lk.TryLock()
	if err != nil || !ok {
		return nil, err
	}
	return func() { _ = lk.Unlock() }, nil
}

// staleDirs are the folders a change writes in: the top (tool files, the
// holder note) and each location.
func (f *Folder) staleDirs() []string {
	dirs := []string{f.root}
	for _, loc := range Locations {
		dirs = append(dirs, f.dir(loc))
	}
	return dirs
}

func (f *Folder) hasStale() bool {
	if _, err := os.Lstat(filepath.Join(f.root, holderName)); err == nil {
		return true
	}
	for _, dir := range f.staleDirs() {
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if n := e.Name(); strings.HasPrefix(n, tempPrefix) || strings.HasSuffix(n, markerExt) {
				return true
			}
		}
	}
	return false
}

// cleanStale tidies every folder of the store; the caller holds the lock.
func (f *Folder) cleanStale() {
	for _, dir := range f.staleDirs() {
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if strings.HasPrefix(e.Name(), tempPrefix) {
				_ = durable.Remove(filepath.Join(dir, e.Name()))
			}
		}
	}
	for _, loc := range Locations {
		f.resolveMarkers(loc)
	}
}

func (f *Folder) resolveMarkers(loc Location) {
	entries, _ := os.ReadDir(f.dir(loc))
	var markers []string
	for _, e := range entries {
		if n := e.Name(); strings.HasSuffix(n, markerExt) && !strings.HasPrefix(n, tempPrefix) {
			markers = append(markers, strings.TrimSuffix(n, markerExt))
		}
	}
	if len(markers) == 0 {
		return
	}
	snap, err := f.read(loc, nil)
	if err != nil {
		return
	}
	for _, tp := range markers {
		if snap.find(tp) < 0 {
			if durable.Remove(f.keyPath(loc, tp)) != nil {
				continue // keep the marker: the key must still go
			}
		}
		_ = durable.Remove(f.markerPath(loc, tp))
	}
}
