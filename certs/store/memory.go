package store

import (
	"crypto"
	"crypto/x509"
	"errors"
	"sync"

	"qscert/certs/coded"
)

// Memory is a store held in memory, for unit tests. ReadOnly and Missing
// make Check and every change fail the way a real store would.
type Memory struct {
	mu       sync.Mutex
	entries  map[Location][]memoryEntry
	ReadOnly map[Location]bool
	Missing  map[Location]bool
}

type memoryEntry struct {
	cert         *x509.Certificate
	key          crypto.PrivateKey
	friendlyName string
}

// NewMemory returns an empty memory store.
func NewMemory() *Memory {
	return &Memory{entries: map[Location][]memoryEntry{}, ReadOnly: map[Location]bool{}, Missing: map[Location]bool{}}
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
	out := make([]Entry, 0, len(m.entries[loc]))
	for _, e := range m.entries[loc] {
		out = append(out, Entry{Location: loc, Certificate: e.cert, HasPrivateKey: e.key != nil, FriendlyName: e.friendlyName})
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
		return coded.New(CodeStoreFailed, errors.New("no certificate"))
	}
	tp := Thumbprint(cert)
	for i, e := range m.entries[loc] {
		if Thumbprint(e.cert) == tp {
			if key != nil && e.key == nil {
				m.entries[loc][i].key = key
			}
			return nil
		}
	}
	m.entries[loc] = append(m.entries[loc], memoryEntry{cert: cert, key: key, friendlyName: friendlyName})
	return nil
}

func (m *Memory) Remove(loc Location, thumbprint string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if err := m.check(loc, true); err != nil {
		return err
	}
	list := m.entries[loc]
	for i, e := range list {
		if Thumbprint(e.cert) == thumbprint {
			m.entries[loc] = append(list[:i:i], list[i+1:]...)
			return nil
		}
	}
	return coded.New(CodeCertNotFound, nil, "thumbprint", thumbprint, "location", loc.String())
}

func (m *Memory) find(loc Location, thumbprint string) (memoryEntry, error) {
	if err := m.check(loc, false); err != nil {
		return memoryEntry{}, err
	}
	for _, e := range m.entries[loc] {
		if Thumbprint(e.cert) == thumbprint {
			return e, nil
		}
	}
	return memoryEntry{}, coded.New(CodeCertNotFound, nil, "thumbprint", thumbprint, "location", loc.String())
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
		return nil, coded.New(CodeStoreFailed, err)
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
