package accounts

import "testing"

func TestClassifyFromSID(t *testing.T) {
	cases := []struct {
		sid     string
		use     uint32
		name    string
		managed managedAnswer
		want    Kind
		ok      bool
	}{
		{"S-1-5-18", sidTypeWellKnownGroup, `NT AUTHORITY\SYSTEM`, managedUnknown, KindLocalSystem, true},
		{"S-1-5-19", sidTypeWellKnownGroup, `NT AUTHORITY\LOCAL SERVICE`, managedUnknown, KindLocalService, true},
		{"S-1-5-20", sidTypeWellKnownGroup, `NT AUTHORITY\NETWORK SERVICE`, managedUnknown, KindNetworkService, true},
		{"S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464", sidTypeWellKnownGroup, `NT SERVICE\TrustedInstaller`, managedUnknown, KindVirtual, true},
		{"S-1-5-82-1036420768-1044797643-1061213386-2937092688-4282445334", sidTypeWellKnownGroup, `IIS APPPOOL\DefaultAppPool`, managedUnknown, KindVirtual, true},
		{"S-1-5-83-1-1", sidTypeWellKnownGroup, `NT VIRTUAL MACHINE\x`, managedUnknown, KindVirtual, true},
		{"S-1-5-21-1-2-3-1105", sidTypeUser, `CORP\svc_qlik`, managedUnknown, KindUser, true},
		{"S-1-5-21-1-2-3-1106", sidTypeUser, `CORP\gmsa-report$`, managedYes, KindManaged, true},
		{"S-1-5-21-1-2-3-1106", sidTypeUser, `CORP\gmsa-report$`, managedUnknown, KindManaged, true},
		{"S-1-5-21-1-2-3-1107", sidTypeUser, `CORP\odd$`, managedNo, KindUser, true},
		{"S-1-5-21-1-2-3-1000", sidTypeComputer, `CORP\REPORT01$`, managedUnknown, "", false},
		{"S-1-5-32-544", 4, `BUILTIN\Administrators`, managedUnknown, "", false},
		{"S-1-5-21-1-2-3-513", 2, `CORP\Domain Users`, managedUnknown, "", false},
		{"S-1-1-0", sidTypeWellKnownGroup, `Everyone`, managedUnknown, "", false},
		{"S-1-5-18-1", sidTypeUser, `odd`, managedUnknown, KindUser, true}, // only the exact SID is SYSTEM
	}
	for _, c := range cases {
		got, ok := classify(c.sid, c.use, c.name, c.managed)
		if got != c.want || ok != c.ok {
			t.Errorf("classify(%s, %d, %s, %d) = %q, %v; want %q, %v", c.sid, c.use, c.name, c.managed, got, ok, c.want, c.ok)
		}
	}
}

func TestAliasesAndLocalNames(t *testing.T) {
	for in, want := range map[string]string{
		"LocalSystem": SIDLocalSystem, `.\LocalSystem`: SIDLocalSystem, `NT AUTHORITY\LocalService`: SIDLocalService,
		`nt authority\network service`: SIDNetworkService, "NetworkService": SIDNetworkService, `CORP\svc`: "",
	} {
		if got := aliasSID(in); got != want {
			t.Errorf("aliasSID(%q) = %q, want %q", in, got, want)
		}
	}
	if got := localName(`.\report`, "REPORT01"); got != `REPORT01\report` {
		t.Errorf("localName = %q", got)
	}
	if got := cleanName(`  "CORP\svc qlik" `); got != `CORP\svc qlik` {
		t.Errorf("cleanName = %q", got)
	}
	if virtualService(`NT SERVICE\`) != "" || virtualService(`nt service\Spooler`) != "Spooler" {
		t.Error("virtualService")
	}
}
