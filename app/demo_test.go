//go:build cgo

package app

import (
	"os"
	"testing"
	"time"

	"qscert/certs/export"
	"qscert/certs/install"
	"qscert/certs/qrs"
	"qscert/certs/validate"
)

func TestTheDemoPreparesAnExportASandboxAndASimulatedQRSThenRemovesThem(t *testing.T) {
	d, err := startDemo(time.Now())
	if err != nil {
		t.Fatal(err)
	}
	exp, err := export.LoadExport(d.info.Folder, d.info.Password)
	if err != nil {
		t.Fatal(err)
	}
	if r := validate.Validate(exp, validate.Options{Host: d.info.Host}); r.Blocking() || len(r.Certificates) != 3 {
		t.Fatalf("the demo export does not validate: %+v", r.Findings)
	}
	found, err := install.Classify(exp, d.store)
	if err != nil {
		t.Fatal(err)
	}
	replaced := 0
	for _, f := range found {
		if f.Class == install.ClassReplaced {
			replaced++
		}
	}
	if replaced != 2 {
		t.Errorf("%d certificates of the sandbox to replace, want the old root and client", replaced)
	}
	id, err := qrs.IdentityFromExport(exp)
	if err != nil {
		t.Fatal(err)
	}
	diag := qrs.Test(t.Context(), id, qrs.Options{Host: d.info.Host, Address: d.qrs.Addr})
	if !diag.OK() {
		t.Fatalf("the simulated QRS does not accept the demo export: %+v", diag)
	}
	if err := d.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(d.root); !os.IsNotExist(err) {
		t.Errorf("the demo left %s behind", d.root)
	}
}
