package i18n_test

import (
	"strings"
	"testing"

	"qscert/assets/i18n"
	"qscert/certs/coded"
)

func TestEveryKeyIsInEveryLanguage(t *testing.T) {
	en, err := i18n.Keys("en")
	if err != nil {
		t.Fatal(err)
	}
	fr, err := i18n.Keys("fr")
	if err != nil {
		t.Fatal(err)
	}
	inFR := map[string]bool{}
	for _, k := range fr {
		inFR[k] = true
	}
	inEN := map[string]bool{}
	for _, k := range en {
		inEN[k] = true
		if !inFR[k] {
			t.Errorf("%q has no French sentence", k)
		}
	}
	for _, k := range fr {
		if !inEN[k] {
			t.Errorf("%q has no English sentence", k)
		}
	}
	if len(en) == 0 {
		t.Fatal("no translations loaded")
	}
}

func TestCodeTranslatesItsRoleParameter(t *testing.T) {
	params := map[string]string{"file": "client.pem", "role": "client"}
	en := i18n.New("en").Code("no-private-key", params)
	fr := i18n.New("fr").Code("no-private-key", params)
	if !strings.Contains(en, "client certificate in client.pem") {
		t.Errorf("en = %q", en)
	}
	if !strings.Contains(fr, "certificat client de client.pem") {
		t.Errorf("fr = %q", fr)
	}
	if params["role"] != "client" {
		t.Error("Code changed the caller's params")
	}
}

func TestErrorFallsBackToInternalError(t *testing.T) {
	got := i18n.New("fr").Error(coded.New("folder-not-found", nil, "folder", `C:\x`))
	if !strings.Contains(got, `C:\x`) || !strings.Contains(got, "n'existe pas") {
		t.Errorf("coded error = %q", got)
	}
	got = i18n.New("en").Error(errString("disk on fire"))
	if !strings.Contains(got, "disk on fire") || !strings.Contains(got, "support report") {
		t.Errorf("plain error = %q", got)
	}
}

func TestMatchFollowsLocaleNames(t *testing.T) {
	for in, want := range map[string]string{"fr_FR.UTF-8": "fr", "fr-CA": "fr", "en_US": "en", "de_DE": "en", "": "en", "C": "en"} {
		if got := i18n.Match(in); got != want {
			t.Errorf("Match(%q) = %q, want %q", in, got, want)
		}
	}
}

type errString string

func (e errString) Error() string { return string(e) }
