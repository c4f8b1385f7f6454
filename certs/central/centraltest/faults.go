package centraltest

import (
	"errors"
	"path/filepath"
	"sync"

	"qscert/certs/central"
	"qscert/certs/coded"
	"qscert/certs/store"
)

// errInjected is the cause of every failure the behaviour injects.
var errInjected = errors.New("failure injected by the simulated node")

// machineStore is the machine's folder store, failing where the
// behaviour says: exporting a certificate ("backup"), or the second
// deletion ("delete"). It embeds the folder store, so its lock and its
// pending changes are the store's own.
type machineStore struct {
	*store.Folder
	dir     string
	mu      sync.Mutex
	removes int
}

func (m *machineStore) ExportPFX(loc store.Location, thumbprint, password string) ([]byte, error) {
	if ReadBehaviour(m.dir).FailAt == "backup" {
		return nil, coded.New(store.CodeStoreFailed, errInjected, "store", m.Name(), "location", loc.String(), "detail", errInjected.Error())
	}
	return m.Folder.ExportPFX(loc, thumbprint, password)
}

func (m *machineStore) Remove(loc store.Location, thumbprint string) error {
	if ReadBehaviour(m.dir).FailAt == "delete" {
		m.mu.Lock()
		m.removes++
		n := m.removes
		m.mu.Unlock()
		if n == 2 {
			return coded.New(store.CodeStoreFailed, errInjected, "store", m.Name(), "location", loc.String(), "detail", errInjected.Error())
		}
	}
	return m.Folder.Remove(loc, thumbprint)
}

// files fails to delete Exported Certificates when the behaviour says
// "exported".
type files struct {
	central.OSFiles
	dir string
}

func (f files) RemoveAll(path string) error {
	if ReadBehaviour(f.dir).FailAt == "exported" && filepath.Clean(path) == filepath.Join(f.dir, exportedPath) {
		return errInjected
	}
	return f.OSFiles.RemoveAll(path)
}
