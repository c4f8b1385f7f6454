package wizard

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"qscert/certs/central"
	"qscert/certs/central/centraltest"
	"qscert/wizard/flow"
	"qscert/wizard/flow/flowtest"
)

// recreateHarness is the wizard with flow B chosen on the welcome page,
// against a simulated central node.
func recreateHarness(t *testing.T, node *flowtest.Central, change ...func(*flow.Deps)) *harness {
	t.Helper()
	h := newHarness(t, append([]func(*flow.Deps){func(d *flow.Deps) { d.Recreate = node.Deps }}, change...)...)
	if h.wiz.dialogOpen() {
		return h // the offer of a stopped procedure: the test answers it
	}
	h.do(func() { h.welcome().flow.SetSelected(en.T("wizard.welcome.flow.recreate")) })
	if !h.wiz.recreating() {
		t.Fatal("choosing Recreate does not switch to flow B")
	}
	return h
}

// pageButton is the button labelled label on the page shown, or nil.
func (h *harness) pageButton(label string) *button {
	var found *button
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() || found != nil {
			return
		}
		switch x := o.(type) {
		case *button:
			if x.Text == label {
				found = x
			}
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(x).Objects() {
				walk(c)
			}
		}
	}
	walk(h.wiz.root)
	return found
}

// tapButton taps the page's button labelled label.
func (h *harness) tapButton(label string) {
	h.t.Helper()
	b := h.pageButton(label)
	if b == nil {
		h.t.Fatalf("the %s page has no button %q; it says:\n%s", h.stepID(), label, strings.Join(texts(h.wiz.root), "\n"))
	}
	if b.Disabled() {
		h.t.Fatalf("the button %q is disabled on %s", label, h.stepID())
	}
	h.do(func() { test.Tap(b) })
}

// fits fails when the page needs more than a small laptop's screen at
// 150 % (as the restore's test checks).
func (h *harness) fits() {
	h.t.Helper()
	if m := h.wiz.Content().MinSize(); m.Width > 829 || m.Height > 405 {
		h.t.Errorf("the %s page needs %v, more than a small screen at 150 %%", h.stepID(), m)
	}
}

// toConfirm walks flow B's checks and backup.
func (h *harness) toConfirm() {
	h.t.Helper()
	h.next()
	if h.stepID() != flow.StepRecreateCheck {
		h.t.Fatalf("at %s", h.stepID())
	}
	h.requireSays(en.T("wizard.recreate.check.ok", map[string]string{"host": centraltest.DefaultFQDN}))
	h.requireSays(en.T("code.production-site", map[string]string{"host": centraltest.DefaultFQDN}))
	h.fits()
	h.next()
	p := pageOf[*recreateBackupPage](h, flow.StepRecreateBackup)
	if !h.wiz.frame.next.Disabled() {
		t := h.t
		t.Fatal("Next before a backup password")
	}
	h.do(func() { test.Type(p.password, flowtest.BackupPassword) })
	h.do(func() { test.Type(p.retype, flowtest.BackupPassword+"x") })
	if !h.wiz.frame.next.Disabled() {
		h.t.Fatal("Next with a retype that differs")
	}
	h.do(func() { p.retype.SetText(""); test.Type(p.retype, flowtest.BackupPassword) })
	h.fits()
	h.next()
}

// confirm types the node's name and starts the procedure.
func (h *harness) confirm() {
	h.t.Helper()
	p := pageOf[*recreateConfirmPage](h, flow.StepRecreateConfirm)
	if h.wiz.frame.next.Text != en.T("wizard.recreate.confirm.go") || !h.wiz.frame.next.Disabled() {
		h.t.Fatalf("the confirmation's button: %q, disabled %v", h.wiz.frame.next.Text, h.wiz.frame.next.Disabled())
	}
	h.do(func() { test.Type(p.host, "qlik-central") })
	if !h.wiz.frame.next.Disabled() {
		h.t.Fatal("Recreate is enabled with the short name typed")
	}
	h.do(func() { p.host.SetText(""); test.Type(p.host, strings.ToUpper(centraltest.DefaultFQDN)) })
	h.fits()
	h.next()
	if h.stepID() != flow.StepRecreateRun {
		h.t.Fatalf("at %s after Recreate", h.stepID())
	}
}

// The whole flow in the window, on the simulated node: the checks, the
// backup, the host name typed, the live log, the new certificates, the
// services, and step 7's offers: the rim nodes' passwords shown masked
// with Show and Copy, an export for the old machines.
func TestFlowBInTheWindowRecreatesAndOffersWhatNext(t *testing.T) {
	node := flowtest.NewCentral(t)
	before := node.Certificates(t)
	h := recreateHarness(t, node)
	h.toConfirm()
	h.requireSays("CN=" + centraltest.DefaultFQDN + "-CA")
	h.requireSays(`CORP\qliksense$ CurrentUser\My`)
	h.confirm()
	r := h.wiz.recreate
	if !r.Done() {
		t.Fatalf("the procedure: %v", r.RunErr())
	}
	h.fits()
	if h.wiz.frame.title.Text != en.T("wizard.recreate.run.title.done") || h.wiz.frame.back.Disabled() == false {
		t.Errorf("title %q, back enabled %v", h.wiz.frame.title.Text, !h.wiz.frame.back.Disabled())
	}
	run := pageOf[*recreateRunPage](h, flow.StepRecreateRun)
	for i, d := range run.dots.dots {
		if !d.tick.Visible() {
			t.Errorf("step %d is not ticked", i+1)
		}
	}
	log := run.log.String()
	for _, want := range []string{central.StartupLine, en.T("central.done.verify"), en.T("central.step-of", map[string]string{"n": "4", "total": "7"})} {
		if !strings.Contains(log, want) {
			t.Errorf("the log lacks %q:\n%s", want, log)
		}
	}
	if len(run.log.Segments) > flow.MaxLogEvents {
		t.Errorf("the log holds %d lines", len(run.log.Segments))
	}
	h.requireSays(r.Result().Folder)
	if slices.Equal(before, node.Certificates(t)) {
		t.Fatal("the node's certificates did not change")
	}

	h.next()
	h.fits()
	h.requireSays(en.T("wizard.recreate.verify.ok"))
	for _, c := range r.Result().New {
		h.requireSays(c.Thumbprint)
	}
	h.next()
	h.fits()
	h.requireSays(en.T("wizard.recreate.restart.all"))
	h.requireSays("Qlik Sense Printing Service")
	h.next()
	h.fits()
	h.requireSays("Rim 1 (qlik-rim1.corp.example)")
	h.requireSays("rep01.corp.example")
	h.tapButton(en.T("wizard.recreate.next.redistribute"))
	ds, err := r.Distributed()
	if err != nil || len(ds) != 2 || ds[0].Password == "" {
		t.Fatalf("redistributed %v, %v", ds, err)
	}
	if h.pageSays(ds[0].Password) || !h.pageSays(mask(ds[0].Password)) {
		t.Fatal("a rim node's password is not masked")
	}
	if b := h.pageButton(en.T("wizard.recreate.next.redistribute")); b == nil || !b.Disabled() {
		t.Error("Redistribute can be asked twice")
	}
	h.tapButton(en.T("wizard.recreate.next.show"))
	h.requireSays(ds[0].Password)
	h.tapButton(en.T("wizard.copy"))
	if got := h.app.Clipboard().Content(); got != ds[0].Password {
		t.Errorf("clipboard %q", got)
	}
	next := pageOf[*recreateNextPage](h, flow.StepRecreateNext)
	if b := h.pageButton(en.T("wizard.recreate.export.go")); b == nil || !b.Disabled() {
		t.Fatal("Export is enabled without a password")
	}
	h.do(func() { test.Type(next.entries[flow.FieldExportPassword], "Export-2027") })
	h.do(func() { test.Type(next.entries[flow.FieldExportRetype], "Export-2027") })
	h.tapButton(en.T("wizard.recreate.export.go"))
	folder, machines, err := r.Exported()
	if err != nil || len(machines) != 2 {
		t.Fatalf("export: %v %v", machines, err)
	}
	if _, err := os.Stat(filepath.Join(folder, "rep01.corp.example", "client.pfx")); err != nil {
		t.Errorf("no export on disk: %v", err)
	}
	h.requireSays(folder)
	h.next()
	if h.quits != 1 {
		t.Fatal("Finish does not close the wizard")
	}
}

// Duplicates: the verification page says which certificates, and "Redo
// from step 3" runs a clean attempt.
func TestFlowBInTheWindowRedoesFromStep3(t *testing.T) {
	node := flowtest.NewCentral(t)
	node.SetBootstrap(t, centraltest.BootstrapDuplicatesOnce)
	h := recreateHarness(t, node)
	h.toConfirm()
	h.confirm()
	if h.wiz.frame.title.Text != en.T("wizard.recreate.run.title.stopped") || h.wiz.frame.next.Disabled() {
		t.Fatalf("after duplicates: title %q, %v", h.wiz.frame.title.Text, h.wiz.recreate.RunErr())
	}
	h.next()
	h.requireSays(en.Error(h.wiz.recreate.Duplicates()))
	if !h.wiz.frame.next.Disabled() {
		t.Fatal("Next from a verification that found duplicates")
	}
	h.tapButton(en.T("wizard.recreate.redo"))
	if h.stepID() != flow.StepRecreateRun || !h.wiz.recreate.Done() || node.Roots(t) != 1 {
		t.Fatalf("redo: at %s, %v, %d roots", h.stepID(), h.wiz.recreate.RunErr(), node.Roots(t))
	}
	h.next()
	h.requireSays(en.T("wizard.recreate.verify.ok"))
}

// A step that fails: the run page says where and in what state, Cancel
// says it too, and Restore brings the node's certificates back exactly.
func TestFlowBInTheWindowRestoresAStoppedRun(t *testing.T) {
	node := flowtest.NewCentral(t)
	before := node.Certificates(t)
	b := centraltest.ReadBehaviour(node.Dir)
	b.FailAt = "delete"
	if err := centraltest.SetBehaviour(node.Dir, b); err != nil {
		t.Fatal(err)
	}
	h := recreateHarness(t, node)
	h.toConfirm()
	h.confirm()
	r := h.wiz.recreate
	if r.Stopped() == nil || r.Stopped().Step != central.StepDelete {
		t.Fatalf("a failed deletion: %v", r.RunErr())
	}
	h.requireSays(en.T("reason.state-deleting", r.Stopped().Params()))
	h.do(h.wiz.askCancel)
	key, params := r.CancelQuestion()
	if said := strings.Join(texts(h.win.Canvas().Overlays().Top()), "\n"); !strings.Contains(said, en.T(key, params)) {
		t.Fatalf("Cancel after a stop says:\n%s", said)
	}
	h.do(func() { h.tapDialog(en.T("wizard.cancel.stay")) })
	b.FailAt = ""
	if err := centraltest.SetBehaviour(node.Dir, b); err != nil {
		t.Fatal(err)
	}
	h.tapButton(en.T("wizard.recreate.restore"))
	if !r.Restored() || h.wiz.frame.title.Text != en.T("wizard.recreate.run.title.restored") {
		t.Fatalf("restore: %v", r.RunErr())
	}
	if after := node.Certificates(t); !slices.Equal(before, after) {
		t.Fatalf("not the original certificates:\nbefore %v\nafter  %v", before, after)
	}
	if h.wiz.frame.next.Text != en.T("wizard.finish") {
		t.Errorf("after the restore Next reads %q", h.wiz.frame.next.Text)
	}
	h.next()
	if h.quits != 1 {
		t.Fatal("Finish after the restore does not close the wizard")
	}
}

// A procedure left stopped: the window says so when it opens and offers
// to go on or to restore; Restore asks the backup's password and puts the
// old certificates back.
func TestAStoppedProcedureIsOfferedWhenTheWindowOpens(t *testing.T) {
	node := flowtest.NewCentral(t)
	before := node.Certificates(t)
	node.SetBootstrap(t, centraltest.BootstrapFail)
	first := recreateHarness(t, node)
	first.toConfirm()
	first.confirm()
	node.SetBootstrap(t, centraltest.BootstrapNormal)
	st, err := central.Unfinished(node.Node)
	if err != nil || st == nil {
		t.Fatalf("no procedure left: %v", err)
	}
	rd := *node.Deps
	rd.Unfinished = st
	h := newHarness(t, func(d *flow.Deps) { d.Recreate = &rd })
	if h.dialogButton(en.T("wizard.recreate.resume")) == nil || h.dialogButton(en.T("wizard.recreate.unfinished.later")) == nil {
		t.Fatal("the window does not offer to go on with the stopped procedure")
	}
	h.requireSays(en.T("wizard.recreate.unfinished.welcome", st.Params()))
	h.do(func() { h.tapDialog(en.T("wizard.recreate.restore")) })
	if h.stepID() != flow.StepRecreateStopped || h.wiz.recreate.Action() != flow.ActionRestore {
		t.Fatalf("at %s, action %s", h.stepID(), h.wiz.recreate.Action())
	}
	h.fits()
	if h.wiz.frame.next.Text != en.T("wizard.recreate.restore") || !h.wiz.frame.next.Disabled() {
		t.Fatalf("the stopped step's button %q, disabled %v", h.wiz.frame.next.Text, h.wiz.frame.next.Disabled())
	}
	p := pageOf[*recreateStoppedPage](h, flow.StepRecreateStopped)
	h.do(func() { test.Type(p.password, flowtest.BackupPassword) })
	h.next()
	if !h.wiz.recreate.Restored() {
		t.Fatalf("restore: %v", h.wiz.recreate.RunErr())
	}
	if after := node.Certificates(t); !slices.Equal(before, after) {
		t.Fatalf("not the original certificates:\nbefore %v\nafter  %v", before, after)
	}
}

// Not run as administrator: the checks refuse, say why, and offer
// "Restart as administrator".
func TestFlowBOffersToRestartAsAdministrator(t *testing.T) {
	node := flowtest.NewCentral(t, func(dir string) {
		nf, _ := centraltest.ReadNode(dir)
		nf.Elevated = false
		_ = centraltest.WriteNode(dir, nf)
	})
	restarted := 0
	h := recreateHarness(t, node, func(d *flow.Deps) {
		d.RestartElevated = func(flow.Restart) error { restarted++; return nil }
	})
	h.next()
	h.requireSays(en.T("wizard.recreate.check.refused"))
	h.requireSays(en.T("code.not-elevated"))
	if !h.wiz.frame.next.Disabled() {
		t.Fatal("Next on a machine where qscert is not elevated")
	}
	h.tapButton(en.T("wizard.elevate"))
	if restarted != 1 || h.quits != 1 {
		t.Fatalf("restart as administrator: %d restarts, %d quits", restarted, h.quits)
	}
}
