package store

import (
	"errors"

	"qscert/certs/durable"

	"golang.org/x/sys/windows/registry"
)

// The Windows store keeps its pending changes in the registry, one string
// value per change (its journal's path), under HKLM for a change that
// touches LocalMachine locations (only administrators may write there, so
// no other user can plant a change an administrator's qscert would then
// finish) and under HKCU otherwise. The journal itself is in the change's
// backup folder.
const pendingKeyPath = `SOFTWARE\qscert\PendingChanges`

func (w *windowsStore) MarkPending(id, journal string, machine bool) error {
	if !validPendingID(id) {
		return errors.New("bad change id " + id)
	}
	root := registry.CURRENT_USER
	if machine {
		root = registry.LOCAL_MACHINE
	}
	durable.WritePoint("registry", pendingKeyPath)
	k, _, err := registry.CreateKey(root, pendingKeyPath, registry.SET_VALUE)
	if err != nil {
		return err
	}
	defer k.Close()
	return k.SetStringValue(id, journal)
}

func (w *windowsStore) ClearPending(id string) error {
	var errs []error
	for _, root := range []registry.Key{registry.CURRENT_USER, registry.LOCAL_MACHINE} {
		k, err := registry.OpenKey(root, pendingKeyPath, registry.SET_VALUE)
		if err != nil {
			continue // no key: nothing pending there
		}
		durable.WritePoint("registry", pendingKeyPath)
		if err := k.DeleteValue(id); err != nil && !errors.Is(err, registry.ErrNotExist) {
			errs = append(errs, err)
		}
		k.Close()
	}
	return errors.Join(errs...)
}

func (w *windowsStore) Pending() (map[string]string, error) {
	out := map[string]string{}
	for _, root := range []registry.Key{registry.CURRENT_USER, registry.LOCAL_MACHINE} {
		k, err := registry.OpenKey(root, pendingKeyPath, registry.QUERY_VALUE)
		if err != nil {
			continue
		}
		names, _ := k.ReadValueNames(0)
		for _, n := range names {
			if v, _, err := k.GetStringValue(n); err == nil && validPendingID(n) {
				out[n] = v
			}
		}
		k.Close()
	}
	return out, nil
}
