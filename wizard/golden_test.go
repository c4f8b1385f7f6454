package wizard

import (
	"crypto/x509"
	"crypto/x509/pkix"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"qscert/certs/coded"
	"qscert/certs/finding"
	"qscert/certs/install"
	"qscert/certs/qlik"
	"qscert/certs/qrs"
	"qscert/certs/store"
	"qscert/certs/validate"
	"qscert/wizard/flow"
)

// Golden markup of each page at 800x600, in English and French. Update with
// `go test ./wizard -run Golden` after checking testdata/failed/.

func TestGoldenWelcome(t *testing.T) {
	for _, lang := range []string{"en", "fr"} {
		h := newHarness(t, func(d *flow.Deps) { d.Lang = lang })
		test.AssertRendersToMarkup(t, "welcome."+lang+".xml", h.win.Canvas())
	}
}

func TestGoldenGuide(t *testing.T) {
	for _, lang := range []string{"en", "fr"} {
		h := newHarness(t, func(d *flow.Deps) { d.Lang = lang })
		h.goTo("guide")
		test.AssertRendersToMarkup(t, "guide."+lang+".xml", h.win.Canvas())
	}
}

func TestGoldenFilesEmpty(t *testing.T) {
	h := newHarness(t)
	h.goTo("files")
	test.AssertRendersToMarkup(t, "files-empty.en.xml", h.win.Canvas())
}

// goldenFolder is the export folder the pages show.
const goldenFolder = `C:\Users\admin\Desktop\thirdparty.corp.example`

// The cards come from a report written out here: a generated export has
// new keys, so new thumbprints, on every run.
func TestGoldenFilesReport(t *testing.T) {
	for _, lang := range []string{"en", "fr"} {
		h := newHarness(t, func(d *flow.Deps) { d.Lang = lang })
		h.goTo(flow.StepFiles)
		h.do(func() {
			h.files().folder.SetText(goldenFolder)
			h.wiz.flow.Set(flow.FieldHost, testHost) // the entry stays empty
			answerCheck(t, h.wiz.flow, fixedReport())
			h.wiz.refresh()
		})
		test.AssertRendersToMarkup(t, "files-report."+lang+".xml", h.win.Canvas())
	}
}

// answerCheck answers the check the flow asks for with report, instead of
// reading an export.
func answerCheck(t *testing.T, f *flow.Install, report *validate.Report) {
	t.Helper()
	job := f.CheckDue()
	if job == nil {
		t.Fatal("no check is due")
	}
	f.ApplyCheck(flow.Checked{Rev: job.Rev, Report: report})
}

// answerPlan answers the plan the flow asks for, instead of looking at a
// store.
func answerPlan(t *testing.T, f *flow.Install, found []install.Found, plan *install.Plan) {
	t.Helper()
	job := f.PlanDue()
	if job == nil {
		t.Fatal("no plan is due")
	}
	f.ApplyPlan(flow.Planned{Rev: job.Rev, Found: found, Plan: plan})
}

func fixedReport() *validate.Report {
	from := time.Date(2026, 2, 1, 9, 30, 0, 0, time.UTC)
	to := from.AddDate(10, 0, 0)
	root := "CN=" + testHost + "-CA"
	return &validate.Report{
		Format: qlik.FormatWindows,
		Certificates: []qlik.CertificateInfo{
			{Role: qlik.RoleRoot, Subject: root, Issuer: root, NotBefore: from, NotAfter: to,
				SHA1: "3F1C6A0B9E2D47C85A10F3B6D29E4C7A81B05D2E", File: "root.cer"},
			{Role: qlik.RoleClient, Subject: "CN=QlikClient", Issuer: root, NotBefore: from, NotAfter: to,
				SHA1: "A4E2B7C91D0F36E85B2A7C4D19E03F6B8A25C71D", HasPrivateKey: true, File: "client.pfx"},
			{Role: qlik.RoleServer, Subject: "CN=reporting01.corp.example", Issuer: root, NotBefore: from, NotAfter: to,
				SHA1: "0B7D3E6F2A91C45D8E07B3A6F1C29D4E57A80B63", HasPrivateKey: true, File: "server.pfx"},
		},
		Findings: []finding.Finding{{
			Error: coded.Error{Code: validate.CodeMachineMismatch,
				Params: map[string]string{"cn": "reporting01.corp.example", "machine": testMachine, "role": "server", "file": "server.pfx"}},
			Severity: coded.SeverityWarning, Role: qlik.RoleServer, File: "server.pfx",
		}},
	}
}

// fixedFound is what a store holds: an older root and client of the site,
// with fixed bytes so that thumbprints do not change between runs.
func fixedFound() []install.Found {
	until := time.Date(2029, 5, 4, 0, 0, 0, 0, time.UTC)
	mk := func(loc store.Location, role qlik.Role, cn string, class install.Class, raw string) install.Found {
		return install.Found{
			Entry: store.Entry{Location: loc, Raw: []byte(raw), HasPrivateKey: role == qlik.RoleClient},
			Cert:  &x509.Certificate{Subject: pkix.Name{CommonName: cn}, NotAfter: until},
			Class: class, Role: role,
		}
	}
	return []install.Found{
		mk(store.LocalMachineRoot, qlik.RoleRoot, testHost+"-CA", install.ClassReplaced, "old root"),
		mk(store.CurrentUserMy, qlik.RoleClient, "QlikClient", install.ClassReplaced, "old client"),
		mk(store.LocalMachineRoot, qlik.RoleRoot, "other-site.corp.example-CA", install.ClassOtherSite, "other root"),
	}
}

func fixedSteps() []install.Step {
	root, client := "CN="+testHost+"-CA", "CN=QlikClient"
	return []install.Step{
		{Kind: install.StepBackup, Location: store.LocalMachineRoot, Role: qlik.RoleRoot, Subject: root},
		{Kind: install.StepBackup, Location: store.CurrentUserMy, Role: qlik.RoleClient, Subject: client},
		{Kind: install.StepAdd, Location: store.LocalMachineRoot, Role: qlik.RoleRoot, Subject: root},
		{Kind: install.StepAdd, Location: store.CurrentUserMy, Role: qlik.RoleClient, Subject: client},
		{Kind: install.StepRemove, Location: store.LocalMachineRoot, Role: qlik.RoleRoot, Subject: root},
		{Kind: install.StepRemove, Location: store.CurrentUserMy, Role: qlik.RoleClient, Subject: client},
	}
}

// goldenBackup is the backup folder the pages show.
const goldenBackup = `C:\ProgramData\qscert\backups\qscert-backup-20260301-120000`

// goldenAt walks the flow to step id, answering each step's work with a
// fixed outcome, shows it, lets fill answer what the step waits for, then
// compares.
func goldenAt(t *testing.T, lang string, id flow.StepID, fill func(h *harness)) {
	h := newHarness(t, func(d *flow.Deps) {
		d.Lang = lang
		d.SaveReport = func(string, flow.ReportInput) error { return nil }
	})
	h.do(func() {
		f := h.wiz.flow
		f.Next()
		f.Next()
		f.Set(flow.FieldFolder, goldenFolder)
		f.Set(flow.FieldHost, testHost)
		answerCheck(t, f, fixedReport())
		for f.Step().ID != id {
			switch f.Step().ID {
			case flow.StepOld:
				answerPlan(t, f, nil, &install.Plan{})
			case flow.StepInstall: // the empty plan has nothing to do
				f.InstallDue(nil)
				f.ApplyInstall(flow.Installed{Result: &install.Result{}})
			}
			if !f.Next() {
				t.Fatalf("the flow stops at %s", f.Step().ID)
			}
		}
		if id == flow.StepInstall {
			f.InstallDue(nil) // fill answers it
		}
		h.wiz.show()
	})
	h.do(func() {
		fill(h)
		h.wiz.refresh()
	})
	test.AssertRendersToMarkup(t, string(id)+"."+lang+".xml", h.win.Canvas())
}

func TestGoldenOld(t *testing.T) {
	for _, lang := range []string{"en", "fr"} {
		goldenAt(t, lang, flow.StepOld, func(h *harness) {
			h.wiz.flow.Set(flow.FieldBackupPassword, testPassword) // the entry stays empty
			answerPlan(t, h.wiz.flow, fixedFound(), &install.Plan{Steps: fixedSteps()})
			h.wiz.refresh()
			// Changing the backup folder makes the plan stale: the page
			// shows it being made again.
			h.old().backupDir.SetText(`C:\ProgramData\qscert\backups`)
		})
	}
}

func TestGoldenInstallRolledBack(t *testing.T) {
	goldenAt(t, "en", flow.StepInstall, func(h *harness) {
		f := h.wiz.flow
		res := &install.Result{Done: fixedSteps()[:3], RolledBack: true, BackupDir: goldenBackup}
		for i, s := range res.Done {
			f.Progressed(i+1, len(fixedSteps()), s)
		}
		f.ApplyInstall(flow.Installed{Result: res,
			Err: coded.New(install.CodeInstallRolledBack, nil, "step", "add", "location", `CurrentUser\My`, "backup", res.BackupDir)})
	})
}

func TestGoldenDone(t *testing.T) {
	for _, lang := range []string{"en", "fr"} {
		goldenAt(t, lang, flow.StepDone, func(h *harness) {
			f := h.wiz.flow
			f.ApplyInstall(flow.Installed{Result: &install.Result{Done: fixedSteps(), BackupDir: goldenBackup}})
			job := f.ConnectionTest()
			f.ApplyTest(flow.Tested{Rev: job.Rev, Diagnosis: &qrs.Diagnosis{
				Error: coded.Error{Code: qrs.CodeOK, Params: map[string]string{"host": testHost}},
				About: &qrs.About{BuildVersion: "14.173.4"}, ElapsedMS: 12}})
		})
	}
}
