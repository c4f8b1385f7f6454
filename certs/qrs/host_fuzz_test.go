package qrs_test

import (
	"net"
	"testing"
	"time"

	"qscert/certs/qrs"
)

// FuzzTestHost: whatever the user types as the host, the test ends with a
// code and never panics. Address points at a closed port, so no name is
// resolved and nothing outside this machine is called.
func FuzzTestHost(f *testing.F) {
	for _, h := range []string{"qlik", "qlik.corp.example", "10.0.0.5", "::1", "[::1]", "qlik:4242", "https://qlik/qmc", "a b", "user@qlik", "", "\x00", "qlik/../x", "%zz"} {
		f.Add(h)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		f.Fatal(err)
	}
	closed := ln.Addr().String()
	_ = ln.Close()
	site := legacy(f)
	id := identityOf(f, site)
	known := map[string]bool{}
	for _, c := range qrs.Codes.Codes() {
		known[string(c)] = true
	}
	f.Fuzz(func(t *testing.T, host string) {
		d := qrs.Test(t.Context(), id, qrs.Options{Host: host, Address: closed, Timeout: time.Second})
		if !known[string(d.Code)] {
			t.Fatalf("host %q: unknown code %q", host, d.Code)
		}
		if d.Code != qrs.CodeDNSFailed && d.Code != qrs.CodeConnectionRefused {
			t.Fatalf("host %q: %s (%s)", host, d.Code, d.Detail)
		}
	})
}
