package wizard

import (
	"path/filepath"
	"testing"

	"qscert/certs/export"
	"qscert/certs/qlik"
	"qscert/certs/validate"
	"qscert/wizard/flow"
	"qscert/wizard/flow/flowtest"

	"fyne.io/fyne/v2/test"
)

func TestAGoodExportEnablesNext(t *testing.T) {
	h := newHarness(t)
	dir := writeExport(t, testHost, testMachine, qlik.FormatWindows)
	h.fillFiles(dir, testPassword, testHost)
	if h.wiz.frame.next.Disabled() {
		t.Fatalf("Next stays disabled on a good export: %v", texts(h.wiz.root))
	}
	h.requireSays(en.T("wizard.files.status.ok", map[string]string{"count": "3", "format": en.T("format.windows")}))
	if n := len(h.files().cards.Objects); n != 3 {
		t.Errorf("%d certificate cards, want 3", n)
	}
	h.requireSays("CN=QlikClient")
	h.requireSays(h.wiz.flow.Report().Certificates[0].SHA1)
}

func TestWrongPasswordShowsTheSentenceAndKeepsNextDisabled(t *testing.T) {
	h := newHarness(t)
	dir := writeExport(t, testHost, testMachine, qlik.FormatWindows)
	h.fillFiles(dir, "not-the-password", testHost)
	if !h.wiz.frame.next.Disabled() {
		t.Fatal("Next is enabled with a wrong password")
	}
	// One sentence for the one password, naming every file it does not open.
	wrong := en.Code(export.CodeWrongPassword, map[string]string{"file": "client.pfx, server.pfx"})
	h.requireSays(wrong)
	n := 0
	for _, s := range texts(h.wiz.root) {
		if s == wrong {
			n++
		}
	}
	if n != 1 {
		t.Errorf("the wrong password is said %d times, want once", n)
	}
	h.requireSays(en.T("wizard.files.status.blocking"))

	// Typing the right one fixes it, without choosing the folder again.
	h.do(func() {
		h.files().password.SetText("")
		test.Type(h.files().password, testPassword)
	})
	if h.wiz.frame.next.Disabled() {
		t.Fatalf("Next stays disabled once the password is right: %v", texts(h.wiz.root))
	}
}

func TestSiteMismatchWarnsAndLetsYouContinue(t *testing.T) {
	h := newHarness(t)
	dir := writeExport(t, "old-central.corp.example", testMachine, qlik.FormatPEM)
	h.fillFiles(dir, testPassword, testHost)
	h.requireSays(en.Code(validate.CodeSiteMismatch, map[string]string{"site": "old-central.corp.example", "host": testHost}))
	h.requireSays(en.T("wizard.files.status.warnings", map[string]string{"count": "3", "format": en.T("format.pem")}))
	if h.wiz.frame.next.Disabled() {
		t.Fatal("a site mismatch blocks Next; it is only a warning")
	}
}

func TestMachineMismatchWarnsAndLetsYouContinue(t *testing.T) {
	h := newHarness(t)
	dir := writeExport(t, testHost, "reporting01.corp.example", qlik.FormatWindows)
	h.fillFiles(dir, testPassword, testHost)
	h.requireSays(en.Code(validate.CodeMachineMismatch, map[string]string{"cn": "reporting01.corp.example", "machine": testMachine}))
	if h.wiz.frame.next.Disabled() {
		t.Fatal("a machine mismatch blocks Next; it is only a warning")
	}
}

func TestAMissingFolderSaysSoAndBlocks(t *testing.T) {
	h := newHarness(t)
	missing := t.TempDir() + "/nowhere"
	h.fillFiles(missing, testPassword, testHost)
	h.requireSays(en.Code(export.CodeFolderNotFound, map[string]string{"folder": missing}))
	if !h.wiz.frame.next.Disabled() {
		t.Fatal("Next is enabled for a folder that does not exist")
	}
}

func TestTheHostMustBeAServerName(t *testing.T) {
	h := newHarness(t)
	dir := writeExport(t, testHost, testMachine, qlik.FormatWindows)
	h.fillFiles(dir, testPassword, "https://"+testHost+"/qmc")
	if !h.wiz.frame.next.Disabled() {
		t.Fatal("Next is enabled with a URL as the host")
	}
	if err := h.files().host.Validate(); err == nil || err.Error() != en.T("wizard.files.host.only-name") {
		t.Errorf("host validation = %v", err)
	}
}

func TestDroppingAFolderChoosesItAndOpensTheFilesPage(t *testing.T) {
	h := newHarness(t)
	dir := writeExport(t, testHost, testMachine, qlik.FormatWindows)
	h.do(func() { h.wiz.dropped(fyne0, uris(dir)) })
	if h.stepID() != "files" || h.wiz.flow.Folder() != dir {
		t.Fatalf("after the drop: step %s, folder %q", h.stepID(), h.wiz.flow.Folder())
	}
	if h.files().folder.Text != dir {
		t.Errorf("the folder entry shows %q", h.files().folder.Text)
	}
}

func TestFilesPickedOneByOneAreChecked(t *testing.T) {
	h := newHarness(t)
	dir := writeExport(t, testHost, testMachine, qlik.FormatWindows)
	h.goTo("files")
	h.do(func() {
		test.Type(h.files().password, testPassword)
		test.Type(h.files().host, testHost)
		for _, f := range []string{"client.pfx", "root.cer"} {
			h.files().addFile(dir + "/" + f)
		}
	})
	if got := len(h.wiz.flow.Report().Certificates); got != 2 {
		t.Fatalf("%d certificates from two files", got)
	}
	h.requireSays("client.pfx, root.cer")
	if h.wiz.frame.next.Disabled() {
		t.Errorf("client and root alone are enough for a third-party machine: %v", texts(h.wiz.root))
	}
}

func TestDroppingAFolderOnTheFilesPageShowsAndChecksIt(t *testing.T) {
	h := newHarness(t)
	dir := writeExport(t, testHost, testMachine, qlik.FormatWindows)
	h.goTo("files")
	h.do(func() {
		test.Type(h.files().password, testPassword)
		test.Type(h.files().host, testHost)
	})
	h.do(func() { h.wiz.dropped(fyne0, uris(dir)) })
	if h.files().folder.Text != dir || h.wiz.flow.Report() == nil {
		t.Fatalf("after the drop: entry %q, report %v", h.files().folder.Text, h.wiz.flow.Report())
	}
	if h.wiz.frame.next.Disabled() {
		t.Errorf("the dropped export does not enable Next: %v", texts(h.wiz.root))
	}
}

func TestADroppedZipWorksLikeAFolder(t *testing.T) {
	h := newHarness(t)
	zip := flowtest.WriteZip(t, testHost, testMachine)
	h.do(func() { h.wiz.dropped(fyne0, uris(zip)) })
	if h.stepID() != flow.StepFiles || h.files().folder.Text != zip {
		t.Fatalf("after dropping a zip: step %s, folder entry %q", h.stepID(), h.files().folder.Text)
	}
	h.do(func() {
		test.Type(h.files().password, testPassword)
		test.Type(h.files().host, testHost)
	})
	if h.wiz.frame.next.Disabled() {
		t.Fatalf("the dropped zip does not enable Next: %v", texts(h.wiz.root))
	}
}

func TestTheFoldersOfAZipOfSeveralExportsAreOfferedAsAChoice(t *testing.T) {
	h := newHarness(t)
	zip := flowtest.WriteZip(t, testHost, "rep01.corp.example", testMachine)
	h.fillFiles(zip, testPassword, testHost)
	choice := h.files().zipChoice
	if !h.files().zipBox.Visible() || len(choice.Options) != 2 {
		t.Fatalf("no choice of the zip's exports: %v", texts(h.wiz.root))
	}
	h.do(func() { choice.SetSelected("Exported Certificates/" + testMachine) })
	want := filepath.Join(zip, "Exported Certificates", testMachine)
	if h.files().folder.Text != want || h.wiz.frame.next.Disabled() {
		t.Fatalf("after choosing: folder %q, Next disabled %v", h.files().folder.Text, h.wiz.frame.next.Disabled())
	}
	if h.files().zipBox.Visible() {
		t.Error("the choice stays once made")
	}
}
