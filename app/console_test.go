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
