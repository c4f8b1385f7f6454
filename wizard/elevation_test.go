package wizard

import (
	"errors"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"qscert/app/elevation"
	"qscert/certs/coded"
	"qscert/wizard/flow"
)

// buttonLabeled is the button labelled label on the page shown, or nil.
func buttonLabeled(o fyne.CanvasObject, label string) *button {
	switch x := o.(type) {
	case *button:
		if x.Text == label {
			return x
		}
	case *fyne.Container:
		for _, c := range x.Objects {
			if b := buttonLabeled(c, label); b != nil {
				return b
			}
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			if b := buttonLabeled(c, label); b != nil {
				return b
			}
		}
	}
	return nil
}

// The welcome page says whether the program runs as administrator; not
// elevated, "Restart as administrator" restarts it with the folder, host
// and language typed so far, never a password, and quits.
func TestTheWelcomePageOffersToRestartAsAdministrator(t *testing.T) {
	var asked []flow.Restart
	h := newHarness(t, func(d *flow.Deps) {
		d.Folder, d.Host = `C:\Exports\rep01`, "qlik.corp.example"
		d.RestartElevated = func(r flow.Restart) error {
			asked = append(asked, r)
			return nil
		}
	})
	h.requireSays(en.T("wizard.welcome.not-elevated"))
	b := buttonLabeled(h.wiz.root, en.T("wizard.elevate"))
	if b == nil {
		t.Fatal("no Restart as administrator button")
	}
	h.do(func() { test.Tap(b) })
	want := flow.Restart{Flow: flow.FlowInstall, Folder: `C:\Exports\rep01`, Host: "qlik.corp.example", Lang: "en"}
	if len(asked) != 1 || asked[0] != want || h.quits != 1 {
		t.Fatalf("restart asked %+v, quits %d", asked, h.quits)
	}
}

// Recreate chosen on the welcome page, "Restart as administrator" asks
// for the recreate flow, and a wizard started on it (--flow recreate, as
// the elevated copy is) opens with Recreate chosen: the administrator does
// not have to find the choice again after the UAC prompt.
func TestRestartingAsAdministratorKeepsTheRecreateFlow(t *testing.T) {
	var asked []flow.Restart
	h := newHarness(t, func(d *flow.Deps) {
		d.RestartElevated = func(r flow.Restart) error {
			asked = append(asked, r)
			return nil
		}
	})
	h.do(func() { h.wiz.useRecreate() })
	b := buttonLabeled(h.wiz.root, en.T("wizard.elevate"))
	if b == nil {
		t.Fatal("no Restart as administrator button under Recreate")
	}
	h.do(func() { test.Tap(b) })
	if len(asked) != 1 || asked[0].Flow != flow.FlowRecreate || asked[0].Lang != "en" {
		t.Fatalf("restart asked %+v", asked)
	}

	elevated := newHarness(t, func(d *flow.Deps) {
		d.StartFlow = asked[0].Flow
		d.Elevated = true
	})
	if !elevated.wiz.recreating() || elevated.wiz.flowName() != flow.FlowRecreate {
		t.Fatalf("a wizard started on %q walks %q", asked[0].Flow, elevated.wiz.flowName())
	}
	elevated.requireSays(en.T("wizard.welcome.elevated"))
}

// A wizard started on the restore flow (--flow restore) opens on it.
func TestTheWizardOpensOnTheRestoreFlowItIsStartedOn(t *testing.T) {
	h := newHarness(t, func(d *flow.Deps) { d.StartFlow = flow.FlowRestore })
	if !h.wiz.restoring() {
		t.Fatalf("walks %q", h.wiz.flowName())
	}
}

// A refused prompt is said, and the wizard stays.
func TestARefusedElevationIsSaid(t *testing.T) {
	h := newHarness(t, func(d *flow.Deps) {
		d.RestartElevated = func(flow.Restart) error { return coded.New(elevation.CodeDeclined, errors.New("cancelled")) }
	})
	h.do(func() { test.Tap(buttonLabeled(h.wiz.root, en.T("wizard.elevate"))) })
	if h.quits != 0 {
		t.Fatal("the wizard quit though the restart was refused")
	}
	if h.dialogButton(en.T("wizard.ok")) == nil {
		t.Fatal("no dialog says the restart was refused")
	}
}

// Elevated, the page says so and offers nothing; where no restart is
// possible (not Windows), no button either.
func TestElevatedOrNotWindowsNoRestartButton(t *testing.T) {
	h := newHarness(t, func(d *flow.Deps) {
		d.Elevated = true
		d.RestartElevated = func(flow.Restart) error { return nil }
	})
	h.requireSays(en.T("wizard.welcome.elevated"))
	if buttonLabeled(h.wiz.root, en.T("wizard.elevate")) != nil {
		t.Fatal("a restart button while elevated")
	}
	h2 := newHarness(t)
	if buttonLabeled(h2.wiz.root, en.T("wizard.elevate")) != nil {
		t.Fatal("a restart button with no way to restart")
	}
}

// What the program did before the window opened is said in a dialog.
func TestNoticesAreShownWhenTheWindowOpens(t *testing.T) {
	notice := "A qscert that was stopped had left a change unfinished in this store. It has been undone."
	h := newHarness(t, func(d *flow.Deps) { d.Notices = []string{notice} })
	top := h.win.Canvas().Overlays().Top()
	if top == nil || !strings.Contains(strings.Join(texts(top), " "), "It has been undone") {
		t.Fatalf("the notice is not shown")
	}
}
