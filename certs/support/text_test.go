package support

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"qscert/assets/i18n"
	"qscert/certs/certstest"
	"qscert/certs/store"
	"qscert/certs/store/storetest"
)

// TestTheFrenchTextNamesRolesInFrench: a French report says « racine »
// and « client », as the QMC does, not the JSON's role codes.
func TestTheFrenchTextNamesRolesInFrench(t *testing.T) {
	now := time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)
	exp, err := certstest.NewExport("qlik-central.corp.example", "rep01.corp.example", certstest.StyleLegacy, now)
	if err != nil {
		t.Fatal(err)
	}
	m := storetest.NewMemory()
	for loc, c := range map[store.Location]any{store.LocalMachineRoot: nil, store.LocalMachineMy: exp.Server.Key} {
		cert := exp.Root.Cert
		if loc == store.LocalMachineMy {
			cert = exp.Server.Cert
		}
		if err := m.Add(loc, cert, c, ""); err != nil {
			t.Fatal(err)
		}
	}
	for lang, want := range map[string][]string{"fr": {"    racine   CN=", "    serveur  CN="}, "en": {"    root     CN=", "    server   CN="}} {
		tr := i18n.New(lang)
		var text bytes.Buffer
		Build(tr, Input{Now: now, Stores: []store.Store{m}}).WriteText(&text, tr)
		for _, w := range want {
			if !strings.Contains(text.String(), w) {
				t.Errorf("%s: the text lacks %q:\n%s", lang, w, text.String())
			}
		}
	}
}
