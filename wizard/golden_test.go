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
)

// Golden markup of each page at 800x600, in English and French. Update with
// `go test ./wizard -run Golden` after checking testdata/failed/.

func TestGoldenWelcome(t *testing.T) {
	for _, lang := range []string{"en", "fr"} {
		h := newHarness(t, func(d *Deps) { d.Lang = lang })
		test.AssertRendersToMarkup(t, "welcome."+lang+".xml", h.win.Canvas())
	}
}

func TestGoldenGuide(t *testing.T) {
	for _, lang := range []string{"en", "fr"} {
		h := newHarness(t, func(d *Deps) { d.Lang = lang })
		h.goTo("guide")
		test.AssertRendersToMarkup(t, "guide."+lang+".xml", h.win.Canvas())
	}
}

func TestGoldenFilesEmpty(t *testing.T) {
	h := newHarness(t)
	h.goTo("files")
	test.AssertRendersToMarkup(t, "files-empty.en.xml", h.win.Canvas())
}

// The cards come from a report written out here: a generated export has
// new keys, so new thumbprints, on every run.
func TestGoldenFilesReport(t *testing.T) {
	for _, lang := range []string{"en", "fr"} {
		h := newHarness(t, func(d *Deps) { d.Lang = lang })
		h.goTo("files")
		h.do(func() {
			st := h.wiz.st
			st.folder, st.host = `C:\Users\admin\Desktop\thirdparty.corp.example`, testHost
			st.report = fixedReport()
			st.checkedRev, st.inputRev = 7, 7
			h.wiz.files.folder.OnChanged = nil
			h.wiz.files.folder.SetText(st.folder)
			h.wiz.files.showReport()
			h.wiz.refresh()
		})
		test.AssertRendersToMarkup(t, "files-report."+lang+".xml", h.win.Canvas())
	}
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

// goldenAt shows step id with the state set by fill, then compares.
func goldenAt(t *testing.T, lang, id string, fill func(h *harness)) {
	h := newHarness(t, func(d *Deps) {
		d.Lang = lang
		d.SaveReport = func(string, ReportInput) error { return nil }
	})
	h.do(func() {
		h.wiz.st.host = testHost
		h.wiz.show(h.wiz.indexOf(id))
	})
	h.do(func() {
		fill(h)
		h.wiz.refresh()
	})
	test.AssertRendersToMarkup(t, id+"."+lang+".xml", h.win.Canvas())
}

func TestGoldenOld(t *testing.T) {
	for _, lang := range []string{"en", "fr"} {
		goldenAt(t, lang, "old", func(h *harness) {
			p := h.wiz.pageOld()
			p.found = fixedFound()
			p.showFound()
			h.wiz.st.plan = &install.Plan{Steps: fixedSteps()}
			h.wiz.st.backupDir, h.wiz.st.backupPassword = `C:\ProgramData\qscert\backups`, testPassword
			p.backupDir.SetText(h.wiz.st.backupDir)
			p.show()
		})
	}
}

func TestGoldenInstallRolledBack(t *testing.T) {
	goldenAt(t, "en", "install", func(h *harness) {
		p := h.wiz.pageInstall()
		st := h.wiz.st
		st.result = &install.Result{Done: fixedSteps()[:3], RolledBack: true, BackupDir: `C:\ProgramData\qscert\backups\qscert-backup-20260301-120000`}
		st.installErr = coded.New(install.CodeInstallRolledBack, nil, "step", "add", "location", `CurrentUser\My`, "backup", st.result.BackupDir)
		for _, s := range st.result.Done {
			p.log.Add(p.stepRow(s))
		}
		p.progress.SetValue(0.5)
		p.show()
	})
}

func TestGoldenDone(t *testing.T) {
	for _, lang := range []string{"en", "fr"} {
		goldenAt(t, lang, "done", func(h *harness) {
			st := h.wiz.st
			st.installed = true
			st.result = &install.Result{Done: fixedSteps(), BackupDir: `C:\ProgramData\qscert\backups\qscert-backup-20260301-120000`}
			st.diagnosis = &qrs.Diagnosis{Error: coded.Error{Code: qrs.CodeOK, Params: map[string]string{"host": testHost}}, About: &qrs.About{BuildVersion: "14.173.4"}, ElapsedMS: 12}
			p := h.wiz.pageDone()
			p.showSummary()
			p.showDiagnosis()
		})
	}
}
