package wizard

import (
	"net/url"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"qscert/wizard/flow"
)

func TestTheAboutBoxGivesTheVersionAndTheHelp(t *testing.T) {
	var opened []*url.URL
	h := newHarness(t, func(d *flow.Deps) {
		d.Version = "1.2.3"
		d.HelpURL = func(lang string) string { return "https://help.example/" + lang }
	})
	h.wiz.openURL = func(u *url.URL) error { opened = append(opened, u); return nil }
	h.tabTo(h.wiz.frame.indicator.about)
	h.press(fyne.KeyReturn)
	if h.overlays() != 1 || !strings.Contains(strings.Join(texts(h.win.Canvas().Overlays().Top()), " "), en.T("wizard.about.version", map[string]string{"version": "1.2.3"})) {
		t.Fatalf("no About box with the version: %v", texts(h.win.Canvas().Overlays().Top()))
	}
	h.tabTo(h.wiz.aboutHelp)
	h.press(fyne.KeyReturn)
	if len(opened) != 1 || opened[0].String() != "https://help.example/en" {
		t.Errorf("opened %v", opened)
	}
	h.press(fyne.KeyEscape)
	if h.overlays() != 0 || h.quits != 0 {
		t.Fatalf("Escape on the About box: %d overlays, %d quits", h.overlays(), h.quits)
	}
}
