package storetest

import (
	"crypto"
	"crypto/x509"
	"errors"
	"slices"
	"sync"

	"qscert/certs/coded"
	"qscert/certs/qlik"
	"qscert/certs/store"
)

// Memory is a store held in memory, for unit tests. ReadOnly, Missing and
// Denied (needs administrator rights) make Check and every change fail the
// way a real store would.
type Memory struct {
	mu       sync.Mutex
	entries  map[store.Location]map[string]memoryEntry // thumbprint -> entry
	order    map[store.Location][]string               // thumbprints in the order added
	pending  map[string]string                         // change id -> journal, as store.PendingChanges
	ReadOnly map[store.Location]bool
	Missing  map[store.Location]bool
	Denied   map[store.Location]bool
}

type memoryEntry struct {
	cert         *x509.Certificate
	key          crypto.PrivateKey
	friendlyName string
}

// NewMemory returns an empty memory store.
func NewMemory() *Memory {
	return &Memory{
		entries: map[store.Location]map[string]memoryEntry{}, order: map[store.Location][]string{},
		pending: map[string]string{}, ReadOnly: map[store.Location]bool{}, Missing: map[store.Location]bool{}, Denied: map[store.Location]bool{},
	}
}

func (m *Memory) Name() string { return "memory" }

func (m *Memory) Check(loc store.Location, write bool) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.check(loc, write)
}

func (m *Memory) check(loc store.Location, write bool) error {
	if !loc.Valid() {
		return coded.New(store.CodeBadLocation, nil, "location", loc.String())
	}
	if m.Missing[loc] {
		return coded.New(store.CodeStoreMissing, nil, "store", m.Name(), "location", loc.String())
	}
	if write && m.Denied[loc] {
		return coded.New(store.CodeStoreAccessDenied, nil, "store", m.Name(), "location", loc.String())
	}
	if write && m.ReadOnly[loc] {
		return coded.New(store.CodeStoreReadOnly, nil, "store", m.Name(), "location", loc.String())
	}
	return nil
}

func (m *Memory) List(loc store.Location) ([]store.Entry, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if err := m.check(loc, false); err != nil {
		return nil, err
	}
	out := make([]store.Entry, 0, len(m.order[loc]))
	for _, tp := range m.order[loc] {
		e := m.entries[loc][tp]
		out = append(out, store.Entry{Location: loc, Raw: e.cert.Raw, HasPrivateKey: e.key != nil, FriendlyName: e.friendlyName})
	}
	return out, nil
}

func (m *Memory) Add(loc store.Location, cert *x509.Certificate, key crypto.PrivateKey, friendlyName string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if err := m.check(loc, true); err != nil {
		return err
	}
	if cert == nil {
		return coded.New(store.CodeStoreFailed, errors.New("no certificate"), "store", m.Name(), "location", loc.String(), "detail", "no certificate")
	}
	tp := qlik.Thumbprint(cert)
	if m.entries[loc] == nil {
		m.entries[loc] = map[string]memoryEntry{}
	}
	if e, ok := m.entries[loc][tp]; ok {
		if key != nil && e.key == nil {
			e.key = key
			m.entries[loc][tp] = e
		}
		return nil
	}
	m.entries[loc][tp] = memoryEntry{cert: cert, key: key, friendlyName: friendlyName}
	m.order[loc] = append(m.order[loc], tp)
	return nil
}

func (m *Memory) Remove(loc store.Location, thumbprint string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if err := m.check(loc, true); err != nil {
		return err
	}
	if _, ok := m.entries[loc][thumbprint]; !ok {
		return coded.New(store.CodeCertNotFound, nil, "thumbprint", thumbprint, "location", loc.String())
	}
	delete(m.entries[loc], thumbprint)
	m.order[loc] = slices.DeleteFunc(m.order[loc], func(tp string) bool { return tp == thumbprint })
	return nil
}

func (m *Memory) find(loc store.Location, thumbprint string) (memoryEntry, error) {
	if err := m.check(loc, false); err != nil {
		return memoryEntry{}, err
	}
	e, ok := m.entries[loc][thumbprint]
	if !ok {
		return memoryEntry{}, coded.New(store.CodeCertNotFound, nil, "thumbprint", thumbprint, "location", loc.String())
	}
	return e, nil
}

func (m *Memory) ExportPFX(loc store.Location, thumbprint, password string) ([]byte, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	e, err := m.find(loc, thumbprint)
	if err != nil {
		return nil, err
	}
	data, err := store.EncodePFX(e.cert, e.key, password)
	if err != nil {
		return nil, coded.New(store.CodeStoreFailed, err, "store", m.Name(), "location", loc.String(), "detail", err.Error())
	}
	return data, nil
}

func (m *Memory) Signer(loc store.Location, thumbprint string) (crypto.Signer, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	e, err := m.find(loc, thumbprint)
	if err != nil {
		return nil, err
	}
	s, ok := e.key.(crypto.Signer)
	if !ok {
		return nil, coded.New(store.CodeNoKey, nil, "thumbprint", thumbprint, "location", loc.String())
	}
	return s, nil
}

func (m *Memory) Close() error { return nil }

func (m *Memory) MarkPending(id, journal string, _ bool) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.pending[id] = journal
	return nil
}

func (m *Memory) ClearPending(id string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	delete(m.pending, id)
	return nil
}

func (m *Memory) Pending() (map[string]string, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make(map[string]string, len(m.pending))
	for k, v := range m.pending {
		out[k] = v
	}
	return out, nil
}
