package accounts_test

import (
	"testing"

	"qscert/certs/accounts"
	"qscert/certs/coded"
)

func wantCode(t *testing.T, err error, code coded.Code) {
	t.Helper()
	if got := coded.CodeOf(err); got != code {
		t.Fatalf("error %v has code %q, want %q", err, got, code)
	}
}

// The SIDs are the ones `sc.exe showsid` prints; TrustedInstaller's is in
// every Windows' system32 ACLs.
func TestServiceSIDMatchesWindows(t *testing.T) {
	for name, want := range map[string]string{
		"TrustedInstaller": "S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464",
		"trustedinstaller": "S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464",
	} {
		if got := accounts.ServiceSID(name); got != want {
			t.Errorf("ServiceSID(%q) = %s, want %s", name, got, want)
		}
	}
}

func simulatedMachine() *accounts.Simulated {
	return &accounts.Simulated{
		Computer: "REPORT01",
		Accounts: []accounts.SimulatedAccount{
			{Name: `CORP\svc_qlik`, UPN: "svc_qlik@corp.example", SID: "S-1-5-21-1-2-3-1105", SidType: 1},
			{Name: `REPORT01\report`, SID: "S-1-5-21-9-9-9-1001", SidType: 1},
			{Name: `CORP\gmsa-report$`, SID: "S-1-5-21-1-2-3-1106", SidType: 1, Managed: true},
			{Name: `CORP\REPORT01$`, SID: "S-1-5-21-1-2-3-1000", SidType: 9},
		},
		Installed: []accounts.Service{
			{Name: "Spooler", DisplayName: "Print Spooler", StartName: "LocalSystem", BinaryPath: `C:\Windows\System32\spoolsv.exe`},
			{Name: "QalyptusServer", DisplayName: "Qalyptus Server", StartName: `CORP\svc_qlik`, BinaryPath: `"C:\Program Files\Qalyptus\Qalyptus Server\Qalyptus.Server.exe"`},
			{Name: "Audiosrv", DisplayName: "Windows Audio", StartName: `NT AUTHORITY\LocalService`, BinaryPath: `C:\Windows\System32\svchost.exe -k LocalServiceNetworkRestricted -p`},
			{Name: "NPEngine", DisplayName: "Qlik NPrinting Engine", StartName: `CORP\gmsa-report$`, BinaryPath: `"C:\Program Files\NPrintingServer\NPrinting\Engine\Qlik.Nprinting.Engine.exe"`},
			{Name: "Monitor", DisplayName: "Butler SOS", StartName: `.\report`, BinaryPath: `C:\Tools\QlikMonitor\butler-sos.exe`},
			{Name: "MSSQLSERVER", DisplayName: "SQL Server (MSSQLSERVER)", StartName: `NT Service\MSSQLSERVER`, BinaryPath: `"C:\Program Files\Microsoft SQL Server\sqlservr.exe" -sMSSQLSERVER`},
			{Name: "EventLog", DisplayName: "Windows Event Log", StartName: ``, BinaryPath: `C:\Windows\System32\svchost.exe -k LocalServiceNetworkRestricted -p`},
		},
	}
}

func TestSimulatedLookup(t *testing.T) {
	m := simulatedMachine()
	cases := []struct {
		typed string
		sid   string
		kind  accounts.Kind
	}{
		{`NT AUTHORITY\NETWORK SERVICE`, accounts.SIDNetworkService, accounts.KindNetworkService},
		{"LocalSystem", accounts.SIDLocalSystem, accounts.KindLocalSystem},
		{`NT AUTHORITY\LocalService`, accounts.SIDLocalService, accounts.KindLocalService},
		{`corp\SVC_QLIK`, "S-1-5-21-1-2-3-1105", accounts.KindUser},
		{"svc_qlik@corp.example", "S-1-5-21-1-2-3-1105", accounts.KindUser},
		{` ".\report" `, "S-1-5-21-9-9-9-1001", accounts.KindUser},
		{`CORP\gmsa-report$`, "S-1-5-21-1-2-3-1106", accounts.KindManaged},
		{`NT SERVICE\MSSQLSERVER`, accounts.ServiceSID("MSSQLSERVER"), accounts.KindVirtual},
	}
	for _, c := range cases {
		a, err := m.Lookup(c.typed)
		if err != nil {
			t.Errorf("Lookup(%q): %v", c.typed, err)
			continue
		}
		if a.SID != c.sid || a.Kind != c.kind {
			t.Errorf("Lookup(%q) = %+v, want %s %s", c.typed, a, c.sid, c.kind)
		}
		if a.NeedsPassword() != (c.kind == accounts.KindUser) {
			t.Errorf("%q: NeedsPassword = %v", c.typed, a.NeedsPassword())
		}
	}
	for _, typed := range []string{"", "  ", `CORP\nobody`} {
		_, err := m.Lookup(typed)
		wantCode(t, err, accounts.CodeNotFound)
	}
	_, err := m.Lookup(`BUILTIN\Administrators`)
	wantCode(t, err, accounts.CodeNotUsable)
	_, err = m.Lookup(`CORP\REPORT01$`)
	wantCode(t, err, accounts.CodeNotUsable)
	a, err := m.LookupSID("S-1-5-18")
	if err != nil || a.Name != `NT AUTHORITY\SYSTEM` || a.Kind != accounts.KindLocalSystem {
		t.Errorf("LookupSID(S-1-5-18) = %+v, %v", a, err)
	}
	_, err = m.LookupSID("S-1-5-21-0-0-0-4242")
	wantCode(t, err, accounts.CodeNotFound)
}
