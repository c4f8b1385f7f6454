package wizard

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"qscert/assets/i18n"
	"qscert/certs/qlik"
	"qscert/wizard/flow"
)

func TestWelcomeShowsThisComputerWithCopyButtons(t *testing.T) {
	h := newHarness(t)
	h.requireSays(testMachine)
	h.requireSays("10.20.30.40")
	var copyFQDN *button
	for _, row := range h.welcome().machine.Objects {
		if contains(texts(row), testMachine) {
			copyFQDN = findButton(row)
		}
	}
	if copyFQDN == nil {
		t.Fatal("no copy button beside the FQDN")
	}
	h.do(func() { test.Tap(copyFQDN) })
	if got := h.app.Clipboard().Content(); got != testMachine {
		t.Errorf("clipboard = %q, want %q", got, testMachine)
	}
	// "Copied" is said beside the button, not at the bottom of the card.
	var row fyne.CanvasObject
	for _, r := range h.welcome().machine.Objects {
		if contains(texts(r), testMachine) {
			row = r
		}
	}
	if !contains(texts(row), en.T("wizard.copied.short")) {
		t.Errorf("the FQDN's row does not say it was copied: %v", texts(row))
	}
}

func TestTheRecreateFlowIsOfferedOnTheWelcomePage(t *testing.T) {
	h := newHarness(t)
	h.do(func() { h.welcome().flow.SetSelected(en.T("wizard.welcome.flow.recreate")) })
	if !h.wiz.recreating() || len(h.wiz.steps) != 8 {
		t.Fatalf("choosing Recreate: recreating %v, %d steps", h.wiz.recreating(), len(h.wiz.steps))
	}
	h.requireSays(en.T("wizard.step.recreate.confirm"))
	h.do(func() { h.welcome().flow.SetSelected(en.T("wizard.welcome.flow.install")) })
	if h.wiz.recreating() || len(h.wiz.steps) != 7 {
		t.Fatalf("back to installing: recreating %v, %d steps", h.wiz.recreating(), len(h.wiz.steps))
	}
}

func TestSwitchingToFrenchRebuildsEveryPageAndKeepsWhatWasTyped(t *testing.T) {
	h := newHarness(t)
	dir := writeExport(t, testHost, testMachine, qlik.FormatWindows)
	h.fillFiles(dir, testPassword, testHost)
	h.do(func() { test.Tap(h.wiz.frame.back) })
	h.do(func() { test.Tap(h.wiz.frame.back) })
	h.do(func() { h.welcome().language.SetSelected("Français") })
	fr := i18n.New("fr")
	if h.wiz.Lang() != "fr" {
		t.Fatalf("language %s after choosing Français", h.wiz.Lang())
	}
	h.requireSays(fr.T("wizard.welcome.title"))
	if h.wiz.frame.next.Text != fr.T("wizard.next") || h.win.Title() != fr.T("wizard.title") {
		t.Errorf("Next reads %q, the title %q", h.wiz.frame.next.Text, h.win.Title())
	}
	if got := h.app.Preferences().String("language"); got != "fr" {
		t.Errorf("language preference = %q", got)
	}
	h.goTo("files")
	if h.files().folder.Text != dir || h.files().host.Text != testHost || h.files().password.Text != testPassword {
		t.Error("the files page lost what was typed when the language changed")
	}
	h.requireSays(fr.T("wizard.files.status.ok", map[string]string{"count": "3", "format": fr.T("format.windows")}))
	h.requireSays(fr.T("wizard.card.thumbprint"))
}

func TestTheLanguageChosenLastTimeIsUsed(t *testing.T) {
	app := test.NewTempApp(t)
	app.Preferences().SetString("language", "fr")
	h := newHarness(t, func(d *flow.Deps) { d.Lang = ""; d.Prefs = app.Preferences() })
	if h.wiz.Lang() != "fr" {
		t.Fatalf("language %s, want the remembered fr", h.wiz.Lang())
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// findButton returns the first button inside o.
func findButton(o fyne.CanvasObject) *button {
	switch x := o.(type) {
	case *button:
		return x
	case *fyne.Container:
		for _, c := range x.Objects {
			if b := findButton(c); b != nil {
				return b
			}
		}
	}
	return nil
}
