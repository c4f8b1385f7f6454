package accounts_test

import (
	"testing"

	"qscert/certs/accounts"
)

func TestRankPutsLikelyProductsFirst(t *testing.T) {
	got, err := simulatedMachine().Services()
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, s := range got {
		names = append(names, s.Name)
	}
	// Qalyptus and NPrinting by name, the monitor by its path (QlikMonitor),
	// in display-name order; then the rest in display-name order.
	want := []string{"Monitor", "QalyptusServer", "NPEngine", "Spooler", "MSSQLSERVER", "Audiosrv", "EventLog"}
	if len(names) != len(want) {
		t.Fatalf("got %v", names)
	}
	for i := range want {
		if names[i] != want[i] {
			t.Fatalf("order = %v, want %v", names, want)
		}
	}
	for i, s := range got {
		if s.Likely != (i < 3) {
			t.Errorf("%s: Likely = %v", s.Name, s.Likely)
		}
	}
}

func TestRankIgnoresCaseAndKeepsInput(t *testing.T) {
	in := []accounts.Service{
		{Name: "b", DisplayName: "beta"},
		{Name: "a", DisplayName: "Alpha"},
		{Name: "x", DisplayName: "zulu", BinaryPath: `C:\QLIK\x.exe`},
		{Name: "c", DisplayName: "ALPHA"},
	}
	got := accounts.Rank(in)
	if got[0].Name != "x" || got[1].Name != "a" || got[2].Name != "c" || got[3].Name != "b" {
		t.Fatalf("Rank = %+v", got)
	}
	if in[0].Name != "b" || in[2].Likely {
		t.Fatal("Rank changed its input")
	}
}

func TestServiceAccount(t *testing.T) {
	m := simulatedMachine()
	for svc, want := range map[string]accounts.Kind{
		"QalyptusServer": accounts.KindUser,
		"NPEngine":       accounts.KindManaged,
		"Monitor":        accounts.KindUser,
		"Spooler":        accounts.KindLocalSystem,
		"EventLog":       accounts.KindLocalSystem, // no start name: LocalSystem
		"Audiosrv":       accounts.KindLocalService,
		"mssqlserver":    accounts.KindVirtual,
	} {
		a, err := accounts.ServiceAccount(m, m, svc)
		if err != nil || a.Kind != want {
			t.Errorf("ServiceAccount(%s) = %+v, %v; want %s", svc, a, err, want)
		}
	}
	_, err := accounts.ServiceAccount(m, m, "NoSuchService")
	wantCode(t, err, accounts.CodeServiceNotFound)
}
