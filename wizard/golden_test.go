package wizard

import (
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"qscert/certs"
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

func fixedReport() *certs.Report {
	from := time.Date(2026, 2, 1, 9, 30, 0, 0, time.UTC)
	to := from.AddDate(10, 0, 0)
	root := "CN=" + testHost + "-CA"
	return &certs.Report{
		Format: certs.FormatWindows,
		Certificates: []certs.CertificateInfo{
			{Role: certs.RoleRoot, Subject: root, Issuer: root, NotBefore: from, NotAfter: to,
				SHA1: "3F1C6A0B9E2D47C85A10F3B6D29E4C7A81B05D2E", File: "root.cer"},
			{Role: certs.RoleClient, Subject: "CN=QlikClient", Issuer: root, NotBefore: from, NotAfter: to,
				SHA1: "A4E2B7C91D0F36E85B2A7C4D19E03F6B8A25C71D", HasPrivateKey: true, File: "client.pfx"},
			{Role: certs.RoleServer, Subject: "CN=reporting01.corp.example", Issuer: root, NotBefore: from, NotAfter: to,
				SHA1: "0B7D3E6F2A91C45D8E07B3A6F1C29D4E57A80B63", HasPrivateKey: true, File: "server.pfx"},
		},
		Findings: []certs.Finding{{
			Code: certs.CodeMachineMismatch, Severity: certs.SeverityWarning, Role: certs.RoleServer, File: "server.pfx",
			Params: map[string]string{"cn": "reporting01.corp.example", "machine": testMachine, "role": "server", "file": "server.pfx"},
		}},
	}
}
