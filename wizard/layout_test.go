package wizard

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"qscert/certs/qrs/qrstest"
	"qscert/wizard/flow"
)

// TestEveryPageFitsASmallScreenAt150Percent: a 1280x720 laptop at 150 %
// gives the window about 829x405 of Fyne's units (app.windowSize). Every
// page, with the demo banner, must fit: what does not fit scrolls.
func TestEveryPageFitsASmallScreenAt150Percent(t *testing.T) {
	const maxW, maxH = 829, 405
	s := newSite(t, qrstest.Options{})
	h := newHarness(t, func(d *flow.Deps) {
		d.Store = s.Store
		d.QRSAddress = s.QRS.Addr
		d.Demo = &flow.Demo{Folder: s.Dir, Password: testPassword, Host: testHost}
	})
	for {
		if m := h.wiz.Content().MinSize(); m.Width > maxW || m.Height > maxH {
			t.Errorf("the %s page needs %v, more than %dx%d", h.stepID(), m, maxW, maxH)
		}
		if h.stepID() == flow.StepDone {
			break
		}
		if h.stepID() == flow.StepFiles {
			h.fillFiles(s.Dir, testPassword, testHost)
		}
		h.next()
	}
}

func TestTheFrenchBackupFolderIsShownWhole(t *testing.T) {
	s := newSite(t, qrstest.Options{})
	dir := `C:\ProgramData\qscert\backups\Exported`
	h := newHarness(t, func(d *flow.Deps) { d.Store = s.Store; d.Lang = "fr"; d.BackupRoot = dir })
	h.fillFiles(s.Dir, testPassword, testHost)
	h.goTo(flow.StepOld)
	e := h.old().backupDir
	need := fyne.MeasureText(dir, theme.TextSize(), e.TextStyle).Width + 2*theme.InnerPadding()
	if e.Size().Width < need {
		t.Fatalf("the backup folder entry is %.0f wide; %q needs %.0f", e.Size().Width, dir, need)
	}
}

func TestANewBackupPasswordIsTypedTwice(t *testing.T) {
	s := newSite(t, qrstest.Options{})
	h := newHarness(t, func(d *flow.Deps) { d.Store = s.Store })
	h.fillFiles(s.Dir, testPassword, testHost)
	h.goTo(flow.StepOld)
	p := h.old()
	if p.retype.Visible() {
		t.Fatal("a retype is asked for the export's password, reused")
	}
	h.do(func() { p.backupPass.SetText(""); test.Type(p.backupPass, "Another-Pa55word") })
	if !p.retype.Visible() || !h.wiz.frame.next.Disabled() {
		t.Fatalf("a new backup password: retype shown %v, Install enabled %v", p.retype.Visible(), !h.wiz.frame.next.Disabled())
	}
	h.do(func() { test.Type(p.retype, "Another-Pa55wor") })
	if p.retype.Validate() == nil || !h.wiz.frame.next.Disabled() {
		t.Fatal("a retype that differs is accepted")
	}
	h.do(func() { test.Type(p.retype, "d") })
	if p.retype.Validate() != nil || h.wiz.frame.next.Disabled() {
		t.Fatalf("the matching retype does not enable Install: %v", texts(h.wiz.root))
	}
}
