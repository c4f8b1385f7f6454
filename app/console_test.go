package app

import (
	"strings"
	"testing"
)

func TestTheConsoleWizardTakesNoCommand(t *testing.T) {
	for _, args := range [][]string{{"--console", "validate"}, {"--accessible", "list"}} {
		env, out, errOut := testEnv("", nil)
		if code := Run(env, args); code != ExitUsage {
			t.Errorf("%v: exit %d", args, code)
		}
		if !strings.Contains(errOut.String(), "open the console wizard and take no command") || out.Len() != 0 {
			t.Errorf("%v: stderr %q", args, errOut)
		}
	}
}

// qscert --accessible (and --console where nothing can be typed) asks in
// plain lines; with no input it stops at the first question, saying why.
func TestTheConsoleWizardOnRequest(t *testing.T) {
	for _, args := range [][]string{{"--console"}, {"--accessible", "--lang", "fr"}, {"--lang=fr", "--console", "--demo"}} {
		env, out, errOut := testEnv("", nil)
		env.OpenStore = tempFolderStore(t)
		if code := Run(env, args); code != ExitUsage {
			t.Errorf("%v: exit %d", args, code)
		}
		if !strings.Contains(out.String(), "Qlik Sense") || strings.Contains(out.String(), "\x1b[") {
			t.Errorf("%v: stdout %q", args, out)
		}
		if !strings.Contains(errOut.String(), "its input ended") && !strings.Contains(errOut.String(), "son entrée s'est terminée") {
			t.Errorf("%v: stderr %q", args, errOut)
		}
	}
}

// --flow opens the wizard on a flow, as "Restart as administrator" starts
// its elevated copy: the console wizard opened on recreate starts at flow
// B's checks, not at the choice of flow. A flow that does not exist is a
// usage error that names the three.
func TestTheWizardOpensOnTheFlowGiven(t *testing.T) {
	env, out, errOut := testEnv("", nil)
	env.OpenStore = tempFolderStore(t)
	if code := Run(env, []string{"--console", "--flow", "recreate", "--lang", "en"}); code != ExitUsage {
		t.Fatalf("exit %d; stderr %q", code, errOut)
	}
	if !strings.Contains(out.String(), "Is this the central node?") {
		t.Fatalf("the console did not open on the recreate checks: %q; stderr %q", out, errOut)
	}

	for lang, want := range map[string]string{"en": "give install, restore or recreate", "fr": "indiquez install, restore ou recreate"} {
		env, out, errOut := testEnv("", nil)
		if code := Run(env, []string{"--flow", "resotre", "--lang", lang}); code != ExitUsage {
			t.Errorf("%s: exit %d", lang, code)
		}
		if !strings.Contains(errOut.String(), want) || !strings.Contains(errOut.String(), "--flow") || out.Len() != 0 {
			t.Errorf("%s: stderr %q, stdout %q", lang, errOut, out)
		}
	}
}
