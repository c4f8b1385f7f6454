package app

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"qscert/certs/certstest"
	"qscert/certs/coded"
	"qscert/certs/export"
	"qscert/certs/install"
	"qscert/certs/machine"
	"qscert/certs/qlik"
	"qscert/certs/qrs"
	"qscert/certs/store"
	"qscert/certs/store/storetest"
	"qscert/certs/support"
	"qscert/certs/validate"
	"qscert/wizard/flow"
)

func TestTheWizardsSupportReportHoldsNoPasswordNorKey(t *testing.T) {
	const password = "Wizard-Secret-42"
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	exp, err := certstest.NewExport("qlik.corp.example", "thirdparty", certstest.StyleLegacy, now)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "export")
	if err := exp.Write(dir, certstest.WriteOptions{Format: qlik.FormatPEM, Password: password}); err != nil {
		t.Fatal(err)
	}
	loaded, err := export.LoadExport(dir, password)
	if err != nil {
		t.Fatal(err)
	}
	st := storetest.NewMemory()
	if err := st.Add(store.CurrentUserMy, exp.Client.Cert, exp.Client.Key, "QlikClient"); err != nil {
		t.Fatal(err)
	}
	env := &Env{Now: func() time.Time { return now }, Machine: func() machine.Info { return machine.Info{Hostname: "thirdparty"} }}
	out := filepath.Join(t.TempDir(), "report.zip")
	err = wizardReportSaver(env, st)(out, flow.ReportInput{
		Lang: "fr", Folder: dir, Host: "qlik.corp.example", Report: validate.Validate(loaded, validate.Options{Now: now}),
		Diagnosis: &qrs.Diagnosis{Check: "qrs", Error: coded.Error{Code: qrs.CodeHTTP403, Params: map[string]string{"host": "qlik"}}},
		BackupDir: "/backups/x",
	})
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, secret := range []string{password, "PRIVATE KEY"} {
		if bytes.Contains(data, []byte(secret)) {
			t.Errorf("the report contains %q", secret)
		}
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var r support.Report
	for _, f := range zr.File {
		if f.Name != support.JSONName {
			continue
		}
		rc, _ := f.Open()
		body, _ := io.ReadAll(rc)
		rc.Close()
		if err := json.Unmarshal(body, &r); err != nil {
			t.Fatal(err)
		}
	}
	if r.Export == nil || len(r.Export.Certificates) != 3 {
		t.Error("the report lacks the export's certificates")
	}
	if r.Connection == nil || r.Connection.Result == nil || r.Connection.Result.OK || r.Connection.Result.Checks[0].Message == "" {
		t.Errorf("the report lacks the failed connection test: %+v", r.Connection)
	}
	if r.Install == nil || r.Install.BackupDir != "/backups/x" {
		t.Errorf("install section %+v", r.Install)
	}
	if len(r.Stores) != 1 || len(r.Stores[0].Locations) == 0 {
		t.Errorf("stores %+v", r.Stores)
	}
}

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
