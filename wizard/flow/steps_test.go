package flow_test

import (
	"slices"
	"testing"

	"qscert/assets/i18n"
	"qscert/wizard/flow"
)

func TestTheInstallFlowsStepsInOrder(t *testing.T) {
	c := newConsole(t)
	var ids []flow.StepID
	for _, s := range c.f.Steps() {
		ids = append(ids, s.ID)
	}
	want := []flow.StepID{flow.StepWelcome, flow.StepGuide, flow.StepFiles, flow.StepAccount, flow.StepOld, flow.StepInstall, flow.StepDone}
	if !slices.Equal(ids, want) {
		t.Fatalf("steps %v, want %v", ids, want)
	}
	c.at(flow.StepWelcome)
	if s := c.f.Steps(); !s[len(s)-1].Last || s[0].Last {
		t.Error("only the confirmation step finishes the flow")
	}
}

// Every word a step shows is a key both languages translate: a console
// and the window show the same sentences.
func TestEveryKeyOfTheStepsIsTranslated(t *testing.T) {
	c := newConsole(t)
	for _, lang := range i18n.Languages {
		keys, err := i18n.Keys(lang)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range c.f.Steps() {
			words := []string{s.Name, s.Title, s.Intro, s.NextLabel}
			for _, field := range s.Fields {
				words = append(words, field.Label)
				if field.Placeholder != "" {
					words = append(words, field.Placeholder)
				}
			}
			for _, k := range words {
				if !slices.Contains(keys, k) {
					t.Errorf("%s: step %s uses %q, which has no translation", lang, s.ID, k)
				}
			}
		}
	}
}

func TestTheQuestionsOfEachStepInOrder(t *testing.T) {
	c := newConsole(t)
	asked := map[flow.StepID][]flow.FieldID{}
	for _, s := range c.f.Steps() {
		for _, field := range s.Fields {
			asked[s.ID] = append(asked[s.ID], field.ID)
		}
	}
	if got := asked[flow.StepFiles]; !slices.Equal(got, []flow.FieldID{flow.FieldFolder, flow.FieldPassword, flow.FieldHost}) {
		t.Errorf("files asks %v", got)
	}
	if got := asked[flow.StepAccount]; !slices.Equal(got, []flow.FieldID{flow.FieldAccountName, flow.FieldAccountPassword, flow.FieldGrantAccount}) {
		t.Errorf("account asks %v", got)
	}
	if got := asked[flow.StepOld]; !slices.Equal(got, []flow.FieldID{flow.FieldBackupDir, flow.FieldBackupPassword, flow.FieldBackupRetype}) {
		t.Errorf("old asks %v", got)
	}
	for _, s := range c.f.Steps() {
		for _, field := range s.Fields {
			secret := field.ID == flow.FieldPassword || field.ID == flow.FieldBackupPassword || field.ID == flow.FieldBackupRetype ||
				field.ID == flow.FieldAccountPassword
			if field.Secret != secret {
				t.Errorf("field %s: secret %v", field.ID, field.Secret)
			}
		}
	}
}
