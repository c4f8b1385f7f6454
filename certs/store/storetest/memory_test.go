package storetest_test

import (
	"testing"

	"qscert/certs/store"
	"qscert/certs/store/storetest"
)

func TestMemoryContract(t *testing.T) {
	m := storetest.NewMemory()
	storetest.Contract(t, func(*testing.T) store.Store { return m })
}

func TestMemoryReportsMissingAndReadOnly(t *testing.T) {
	m := storetest.NewMemory()
	m.Missing[store.LocalMachineRoot] = true
	m.ReadOnly[store.CurrentUserMy] = true
	storetest.WantCode(t, m.Check(store.LocalMachineRoot, false), store.CodeStoreMissing)
	storetest.WantCode(t, m.Check(store.CurrentUserMy, true), store.CodeStoreReadOnly)
	if err := m.Check(store.CurrentUserMy, false); err != nil {
		t.Fatalf("reading a read-only store: %v", err)
	}
	storetest.WantCode(t, m.Add(store.CurrentUserMy, storetest.TestExport(t).Root.Cert, nil, ""), store.CodeStoreReadOnly)
}
