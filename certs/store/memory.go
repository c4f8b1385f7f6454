package store

import (
	"crypto"
	"crypto/x509"
	"errors"
	"slices"
	"sync"

	"qscert/certs/coded"
)

// Memory is a store held in memory, for unit tests. ReadOnly, Missing and
// Denied (needs administrator rights) make Check and every change fail the
// way a real store would.
type Memory struct {
	mu       sync.Mutex
	entries  map[Location]map[string]memoryEntry // thumbprint -> entry
	order    map[Location][]string               // thumbprints in the order added
	ReadOnly map[Location]bool
	Missing  map[Location]bool
	Denied   map[Location]bool
}

type memoryEntry struct {
	cert         *x509.Certificate
	key          crypto.PrivateKey
	friendlyName string
}

// NewMemory returns an empty memory store.
func NewMemory() *Memory {
	return &Memory{
		entries: map[Location]map[string]memoryEntry{}, order: map[Location][]string{},
		ReadOnly: map[Location]bool{}, Missing: map[Location]bool{}, Denied: map[Location]bool{},
	}
}

func (m *Memory) Name() string { return "memory" }

func (m *Memory) Check(loc Location, write bool) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.check(loc, write)
}

func (m *Memory) check(loc Location, write bool) error {
	if !loc.Valid() {
		return coded.New(CodeBadLocation, nil, "location", loc.String())
	}
	if m.Missing[loc] {
		return coded.New(CodeStoreMissing, nil, "store", m.Name(), "location", loc.String())
	}
	if write && m.Denied[loc] {
		return coded.New(CodeStoreAccessDenied, nil, "store", m.Name(), "location", loc.String())
	}
	if write && m.ReadOnly[loc] {
		return coded.New(CodeStoreReadOnly, nil, "store", m.Name(), "location", loc.String())
	}
	return nil
}

func (m *Memory) List(loc Location) ([]Entry, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if err := m.check(loc, false); err != nil {
		return nil, err
	}
	out := make([]Entry, 0, len(m.order[loc]))
	for _, tp := range m.order[loc] {
		e := m.entries[loc][tp]
		out = append(out, Entry{Location: loc, Raw: e.cert.Raw, HasPrivateKey: e.key != nil, FriendlyName: e.friendlyName})
	}
	return out, nil
}

func (m *Memory) Add(loc Location, cert *x509.Certificate, key crypto.PrivateKey, friendlyName string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if err := m.check(loc, true); err != nil {
		return err
	}
	if cert == nil {
		return coded.New(CodeStoreFailed, errors.New("no certificate"), "location", loc.String(), "detail", "no certificate")
	}
	tp := Thumbprint(cert)
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

func (m *Memory) Remove(loc Location, thumbprint string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if err := m.check(loc, true); err != nil {
		return err
	}
	if _, ok := m.entries[loc][thumbprint]; !ok {
		return coded.New(CodeCertNotFound, nil, "thumbprint", thumbprint, "location", loc.String())
	}
	delete(m.entries[loc], thumbprint)
	m.order[loc] = slices.DeleteFunc(m.order[loc], func(tp string) bool { return tp == thumbprint })
	return nil
}

func (m *Memory) find(loc Location, thumbprint string) (memoryEntry, error) {
	if err := m.check(loc, false); err != nil {
		return memoryEntry{}, err
	}
	e, ok := m.entries[loc][thumbprint]
	if !ok {
		return memoryEntry{}, coded.New(CodeCertNotFound, nil, "thumbprint", thumbprint, "location", loc.String())
	}
	return e, nil
}

func (m *Memory) ExportPFX(loc Location, thumbprint, password string) ([]byte, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	e, err := m.find(loc, thumbprint)
	if err != nil {
		return nil, err
	}
	data, err := EncodePFX(e.cert, e.key, password)
	if err != nil {
		return nil, coded.New(CodeStoreFailed, err, "location", loc.String(), "detail", err.Error())
	}
	return data, nil
}

func (m *Memory) Signer(loc Location, thumbprint string) (crypto.Signer, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	e, err := m.find(loc, thumbprint)
	if err != nil {
		return nil, err
	}
	s, ok := e.key.(crypto.Signer)
	if !ok {
		return nil, coded.New(CodeNoKey, nil, "thumbprint", thumbprint, "location", loc.String())
	}
	return s, nil
}

func (m *Memory) Close() error { return nil }
