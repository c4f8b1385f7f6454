package machine

import (
	"os"
	"testing"
)

func TestThisNamesThisHost(t *testing.T) {
	info := This()
	host, _ := os.Hostname()
	if info.Hostname != host {
		t.Fatalf("Hostname = %q, want %q", info.Hostname, host)
	}
	names := info.Names()
	if len(names) < 1+len(info.IPs) || names[len(names)-1-len(info.IPs)] != host {
		t.Fatalf("Names() = %v, want the host name before the addresses %v", names, info.IPs)
	}
	for i, ip := range info.IPs {
		if names[len(names)-len(info.IPs)+i] != ip {
			t.Fatalf("Names() = %v, want the addresses %v last", names, info.IPs)
		}
	}
	for _, ip := range info.IPs {
		if ip == "127.0.0.1" || ip == "::1" {
			t.Errorf("loopback address %s listed", ip)
		}
	}
}

func TestNamesDropsEmptyAndDuplicateNames(t *testing.T) {
	for _, c := range []struct {
		info Info
		want []string
	}{
		{Info{Hostname: "rep01", FQDN: "rep01.corp.example"}, []string{"rep01.corp.example", "rep01"}},
		{Info{Hostname: "rep01"}, []string{"rep01"}},
		{Info{Hostname: "REP01", FQDN: "rep01"}, []string{"rep01"}},
		{Info{Hostname: "rep01", FQDN: "rep01.corp.example", IPs: []string{"10.0.0.7", "fd00::7"}},
			[]string{"rep01.corp.example", "rep01", "10.0.0.7", "fd00::7"}},
		{Info{Hostname: "rep01", IPs: []string{"10.0.0.7", "10.0.0.7"}}, []string{"rep01", "10.0.0.7"}},
		{Info{}, nil},
	} {
		got := c.info.Names()
		if len(got) != len(c.want) {
			t.Fatalf("%+v: Names() = %v, want %v", c.info, got, c.want)
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Fatalf("%+v: Names() = %v, want %v", c.info, got, c.want)
			}
		}
	}
}
