package central

import (
	"errors"
	"path/filepath"

	"golang.org/x/sys/windows/registry"

	"qscert/certs/durable"
)

// windowsMark keeps the mark in the registry, under HKLM, where only
// administrators write (no other user can plant a procedure that an
// administrator's qscert would then go on with), and the lock in
// lockDir (%ProgramData%\qscert\recreate.lock).
type windowsMark struct {
	lockDir string
}

const (
	markKeyPath   = `SOFTWARE\qscert`
	markValueName = "RecreateJournal"
)

func (m windowsMark) Lock() (func(), error) {
	if err := durable.MkdirAll(m.lockDir, 0o700); err != nil {
		return nil, err
	}
	return lockFile(filepath.Join(m.lockDir, lockName))
}

func (m windowsMark) Get() (string, error) {
	k, err := registry.OpenKey(registry.LOCAL_MACHINE, markKeyPath, registry.QUERY_VALUE)
	if errors.Is(err, registry.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	defer k.Close()
	v, _, err := k.GetStringValue(markValueName)
	if errors.Is(err, registry.ErrNotExist) {
		return "", nil
	}
	return v, err
}

func (m windowsMark) Set(journal string) error {
	durable.WritePoint("registry", markKeyPath)
	k, _, err := registry.CreateKey(registry.LOCAL_MACHINE, markKeyPath, registry.SET_VALUE)
	if err != nil {
		return err
	}
	defer k.Close()
	return k.SetStringValue(markValueName, journal)
}

func (m windowsMark) Clear() error {
	k, err := registry.OpenKey(registry.LOCAL_MACHINE, markKeyPath, registry.SET_VALUE)
	if errors.Is(err, registry.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	defer k.Close()
	durable.WritePoint("registry", markKeyPath)
	if err := k.DeleteValue(markValueName); err != nil && !errors.Is(err, registry.ErrNotExist) {
		return err
	}
	return nil
}
