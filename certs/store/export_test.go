package store

import (
	"path/filepath"
	"testing"
	"time"

	"qscert/certs/durable"
)

// Child processes of the crash tests die at the write point their
// environment names; in every other run this does nothing.
func init() { durable.InstallKillAtWrite() }

// FolderWithoutTidying is the folder store at path as a reader sees it right
// after a crash: OpenFolder would tidy it first.
func FolderWithoutTidying(path string) *Folder {
	abs, _ := filepath.Abs(path)
	return &Folder{root: abs}
}

// SlowReads makes every folder read pause d between the bundle and the key
// files, for the rest of the test.
func SlowReads(t *testing.T, d time.Duration) {
	afterBundleRead = func() { time.Sleep(d) }
	t.Cleanup(func() { afterBundleRead = nil })
}
