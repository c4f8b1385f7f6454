package app

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"qscert/assets/i18n"
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
		BackupDir: "/backups/x", Installed: true, Demo: true,
		Result: &install.Result{BackupDir: "/backups/x", Done: []install.Step{
			{Kind: install.StepAdd, Location: store.LocalMachineRoot, Role: qlik.RoleRoot, Subject: "CN=qlik.corp.example-CA"},
			{Kind: install.StepAdd, Location: store.CurrentUserMy, Role: qlik.RoleClient, Subject: "CN=QlikClient", WithKey: true},
		}},
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
	var text string
	for _, f := range zr.File {
		rc, _ := f.Open()
		body, _ := io.ReadAll(rc)
		rc.Close()
		switch f.Name {
		case support.JSONName:
			conforms(t, "support-report", body)
			if err := json.Unmarshal(body, &r); err != nil {
				t.Fatal(err)
			}
		case support.TextName:
			text = string(body)
		}
	}
	// After an install: its steps, who ran it with which rights on which
	// build, that it was the demo; never "Ready to install".
	fr := i18n.New("fr")
	if r.Install == nil || !r.Install.Installed || len(r.Install.Steps) != 2 || r.Install.Steps[1].Message == "" {
		t.Errorf("the install's steps: %+v", r.Install)
	}
	if r.Session.OSBuild == "" || r.Session.User == "" || !r.App.Demo {
		t.Errorf("session %+v, demo %v", r.Session, r.App.Demo)
	}
	verdict := fr.T("cli.report.verdict-ok", map[string]string{"errors": "", "warnings": ""})
	verdict = verdict[:strings.IndexAny(verdict, "(:")]
	for _, want := range []string{fr.T("cli.support.installed"), r.Install.Steps[1].Message, r.Session.OSBuild, fr.T("cli.support.demo")} {
		if !strings.Contains(text, want) {
			t.Errorf("the text lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, verdict) {
		t.Errorf("the text says %q after the install:\n%s", verdict, text)
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
