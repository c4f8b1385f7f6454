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
	if len(names) == 0 || names[len(names)-1] != host {
		t.Fatalf("Names() = %v, want the host name last", names)
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
