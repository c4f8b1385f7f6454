package output

import (
	"errors"
	"strings"
	"testing"

	"qscert/assets/i18n"
	"qscert/certs/coded"
	"qscert/certs/install"
	"qscert/certs/qrs"
	"qscert/certs/store"
)

// TestAnUncodedErrorStillHasACode: scripts always find a code to test.
func TestAnUncodedErrorStillHasACode(t *testing.T) {
	p := ProblemOf(i18n.New("en"), errors.New("disk on fire"))
	if p.Code != CodeInternalError || !strings.Contains(p.Message, "disk on fire") {
		t.Fatalf("%+v", p)
	}
	wrapped := ProblemOf(i18n.New("fr"), coded.New("install-rolled-back", coded.New("store-read-only", nil, "location", `CurrentUser\My`), "step", "x"))
	if wrapped.Cause == nil || wrapped.Cause.Code != "store-read-only" || wrapped.Cause.Message == "" {
		t.Fatalf("%+v", wrapped)
	}
}

// TestStepsSayWhatTheyDoInFull: with or without a key, in both languages.
func TestStepsSayWhatTheyDoInFull(t *testing.T) {
	for _, lang := range i18n.Languages {
		tr := i18n.New(lang)
		for _, s := range []install.Step{
			{Kind: install.StepAdd, Location: store.LocalMachineRoot, Subject: "CN=root-CA"},
			{Kind: install.StepAdd, Location: store.CurrentUserMy, Subject: "CN=QlikClient", WithKey: true},
			{Kind: install.StepBackup, Location: store.CurrentUserMy, Subject: "CN=QlikClient", Thumbprint: "AB"},
			{Kind: install.StepRemove, Location: store.CurrentUserMy, Subject: "CN=QlikClient", Thumbprint: "AB"},
			{Kind: install.StepPublish},
		} {
			got := StepSentence(tr, s)
			if strings.Contains(got, "no value") || strings.HasPrefix(got, "cli.") || (s.Subject != "" && !strings.Contains(got, s.Subject)) {
				t.Errorf("%s %s: %q", lang, s.Kind, got)
			}
		}
	}
	steps := stepsOf(i18n.New("en"), []install.Step{{Kind: install.StepPublish}, {Kind: install.StepAdd, Location: store.LocalMachineRoot}})
	if steps[0].Location != "" || steps[1].Location != `LocalMachine\Root` {
		t.Fatalf("locations %q %q", steps[0].Location, steps[1].Location)
	}
}

// TestACheckIsAProblem: a passed check is code ok, severity info; a
// failed one an error, with its sentence.
func TestACheckIsAProblem(t *testing.T) {
	tr := i18n.New("en")
	ok := CheckOf(tr, &qrs.Diagnosis{Check: "qrs", Error: coded.Error{Code: qrs.CodeOK, Params: map[string]string{"host": "q"}}})
	failed := CheckOf(tr, &qrs.Diagnosis{Check: "qrs", Error: coded.Error{Code: "http-401", Params: map[string]string{"host": "q"}}})
	if ok.Severity != coded.SeverityInfo || !ok.OK() || ok.Message == "" {
		t.Errorf("ok: %+v", ok)
	}
	if failed.Severity != coded.SeverityError || failed.OK() || !strings.Contains(failed.Message, "401") {
		t.Errorf("failed: %+v", failed)
	}
}
