package validate_test

import (
	"path/filepath"
	"testing"
	"time"

	"qscert/certs/certstest"
	"qscert/certs/export"
	"qscert/certs/machine"
	"qscert/certs/qlik"
	"qscert/certs/validate"
)

// "Expires in 4 days" with 4 days and 23 hours left read a day short of the
// date beside it. The count is now of calendar days to that date.
func TestExpiresSoonCountsTheDaysToTheDateShown(t *testing.T) {
	site, err := certstest.NewSite(testHost, certstest.StyleLegacy, testNow)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		left time.Duration
		days string
		date string
	}{
		{4*24*time.Hour + 23*time.Hour, "5", "2026-12-01"},
		{4*24*time.Hour + time.Hour, "4", "2026-11-30"},
		{11 * time.Hour, "0", "2026-11-26"}, // today (testNow is at noon)
		{13 * time.Hour, "1", "2026-11-27"}, // tomorrow
	} {
		client, err := site.Issue(qlik.RoleClient, qlik.ClientName, testNow.AddDate(0, -1, 0), testNow.Add(c.left))
		if err != nil {
			t.Fatal(err)
		}
		exp := &export.Export{Root: &export.Certificate{Role: qlik.RoleRoot, X509: site.Root, File: "root.pem"},
			Client: &export.Certificate{Role: qlik.RoleClient, X509: client.Cert, Key: client.Key, File: "client.pem"}}
		r := validate.Validate(exp, validate.Options{Now: testNow})
		found := false
		for _, f := range r.Findings {
			if f.Code == validate.CodeExpiresSoon {
				found = true
				if f.Params["days"] != c.days || f.Params["date"] != c.date {
					t.Errorf("%v left: days %s date %s, want %s and %s", c.left, f.Params["days"], f.Params["date"], c.days, c.date)
				}
			}
		}
		if !found {
			t.Errorf("%v left: no expires-soon", c.left)
		}
	}
}

// The QMC's "Add machine name" takes "the full name of your computer or its
// IP address", and the welcome page offers the addresses to copy: an export
// made for one of this computer's addresses is for this computer.
func TestExportMadeForThisComputersAddressMatches(t *testing.T) {
	this := machine.Info{Hostname: "rep01", FQDN: testMachine, IPs: []string{"10.20.30.41", "fd00::41"}}
	for _, made := range []string{"10.20.30.41", "fd00:0::41", testMachine, "rep01"} {
		exp, err := certstest.NewExport(testHost, made, certstest.StyleLegacy, testNow)
		if err != nil {
			t.Fatal(err)
		}
		dir := filepath.Join(t.TempDir(), "export")
		if err := exp.Write(dir, certstest.WriteOptions{Format: qlik.FormatPEM}); err != nil {
			t.Fatal(err)
		}
		loaded, err := export.LoadExport(dir, "")
		if err != nil {
			t.Fatal(err)
		}
		r := validate.Validate(loaded, validate.Options{Now: testNow, Machines: this.Names()})
		for _, f := range r.Findings {
			if f.Code == validate.CodeMachineMismatch {
				t.Errorf("an export made for %s gave machine-mismatch with this computer's names %v", made, this.Names())
			}
		}
	}
	// Another address is still another machine.
	other, err := certstest.NewExport(testHost, "10.20.30.99", certstest.StyleLegacy, testNow)
	if err != nil {
		t.Fatal(err)
	}
	exp := &export.Export{Server: &export.Certificate{Role: qlik.RoleServer, X509: other.Server.Cert, Key: other.Server.Key, File: "server.pem"}}
	r := validate.Validate(exp, validate.Options{Now: testNow, Machines: this.Names()})
	if len(r.Findings) == 0 || r.Findings[0].Code != validate.CodeMachineMismatch {
		t.Fatalf("findings %v, want machine-mismatch for 10.20.30.99", codes(r))
	}
}
