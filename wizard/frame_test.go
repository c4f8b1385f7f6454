package wizard

import (
	"testing"

	"qscert/certs/qlik"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

func TestTheStepsOfFlowAInOrder(t *testing.T) {
	h := newHarness(t)
	want := []string{"welcome", "guide", "files", "account", "old", "install", "done"}
	var got []string
	for _, s := range h.wiz.steps {
		got = append(got, string(s.ID))
	}
	if len(got) != len(want) {
		t.Fatalf("steps %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("steps %v, want %v", got, want)
		}
	}
	h.requireSays("Step 1 of 7 · next: Export in the QMC")
}

func TestEveryStepOfTheFlowHasAPage(t *testing.T) {
	h := newHarness(t)
	for _, s := range h.wiz.steps {
		if s.new == nil {
			t.Errorf("step %s has no page", s.ID)
		}
	}
	if len(installPages()) != len(h.wiz.steps) {
		t.Errorf("%d pages for %d steps", len(installPages()), len(h.wiz.steps))
	}
}

func TestEnterMovesOnAndEscapeAsksBeforeLeaving(t *testing.T) {
	h := newHarness(t)
	h.do(func() { h.wiz.typedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) })
	if h.stepID() != "guide" {
		t.Fatalf("Enter on the welcome page led to %s", h.stepID())
	}
	h.do(func() { h.wiz.typedKey(&fyne.KeyEvent{Name: fyne.KeyEscape}) })
	if h.quits != 0 || h.dialogButton(en.T("wizard.cancel.stay")) == nil {
		t.Fatalf("Escape left without asking (quits=%d)", h.quits)
	}
	h.do(func() { h.tapDialog(en.T("wizard.cancel.stay")) })
	if h.quits != 0 || h.stepID() != "guide" {
		t.Fatalf("Stay: quits=%d, step %s", h.quits, h.stepID())
	}
	h.do(func() { test.Tap(h.wiz.frame.cancel) })
	h.do(func() { h.tapDialog(en.T("wizard.cancel.confirm")) })
	if h.quits != 1 {
		t.Fatalf("Leave did not close the wizard (quits=%d)", h.quits)
	}
}

func TestKeysWorkFromInsideAnEntry(t *testing.T) {
	h := newHarness(t)
	dir := writeExport(t, testHost, testMachine, qlik.FormatWindows)
	h.fillFiles(dir, testPassword, testHost)
	// The focused entry gets the keys first; it passes them on.
	h.do(func() { h.win.Canvas().Focus(h.files().host) })
	h.do(func() { h.files().host.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape}) })
	if h.dialogButton(en.T("wizard.cancel.stay")) == nil || h.quits != 0 {
		t.Fatal("Escape in an entry did not ask to cancel")
	}
	h.do(func() { h.tapDialog(en.T("wizard.cancel.stay")) })
	h.do(func() { h.files().host.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) })
	if h.stepID() != "account" {
		t.Fatalf("Enter in the host entry led to %s", h.stepID())
	}
}

func TestNextWaitsForTheStepAndBackReturns(t *testing.T) {
	h := newHarness(t)
	h.goTo("files")
	if !h.wiz.frame.next.Disabled() {
		t.Fatal("Next is enabled on an empty files page")
	}
	h.do(func() { h.wiz.Next() }) // Enter does the same: nothing
	if h.stepID() != "files" {
		t.Fatalf("Next moved on to %s without files", h.stepID())
	}
	h.do(func() { test.Tap(h.wiz.frame.back) })
	if h.stepID() != "guide" {
		t.Fatalf("Back led to %s", h.stepID())
	}
	if h.wiz.frame.back.Disabled() {
		t.Fatal("Back is disabled on the second page")
	}
}

func TestOnTheWelcomePageCancelClosesAtOnce(t *testing.T) {
	h := newHarness(t)
	if !h.wiz.frame.back.Disabled() {
		t.Error("Back is enabled on the first page")
	}
	h.do(func() { test.Tap(h.wiz.frame.cancel) })
	if h.quits != 1 {
		t.Fatal("Cancel on the welcome page did not close")
	}
}

func TestTabGoesThroughThePageThenTheButtons(t *testing.T) {
	h := newHarness(t)
	h.goTo("files")
	c := h.win.Canvas()
	p := h.files()
	var order []fyne.Focusable
	h.do(func() {
		for i := 0; i < 12; i++ {
			test.FocusNext(c)
			order = append(order, c.Focused())
		}
	})
	want := []fyne.Focusable{p.folder, p.pickFolder, p.pickFiles, p.password}
	for i, w := range want {
		if order[i] != w {
			t.Fatalf("Tab stop %d is %T, want %T", i+1, order[i], w)
		}
	}
	pos := func(f fyne.Focusable) int {
		for i, o := range order {
			if o == f {
				return i
			}
		}
		return -1
	}
	// The host, then Cancel and Back (Next is disabled: no export yet).
	if !(pos(p.host) > pos(p.password) && pos(h.wiz.frame.cancel) > pos(p.host) && pos(h.wiz.frame.back) > pos(h.wiz.frame.cancel)) {
		t.Errorf("Tab order: %v", order)
	}
}
