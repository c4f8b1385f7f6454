package app

import (
	"path/filepath"
	"strings"
	"testing"

	"qscert/app/glprobe"
	"qscert/certs/store"
)

// withoutGL is a decision for a session without OpenGL 2.1.
func withoutGL(told string) glprobe.Decision {
	return glprobe.Decision{
		Start:       glprobe.StartConsole,
		Probe:       glprobe.Result{Probed: true, Reason: glprobe.ReasonContextRefused, Version: "1.1 Mesa", Renderer: "llvmpipe"},
		Explanation: "The wizard's window cannot open: it needs OpenGL 2.1.",
		Told:        told,
	}
}

// Without OpenGL the console wizard starts, after the explanation where
// the terminal does not show it yet. With no terminal to type in (an empty
// standard input), it stops at its first question, saying why.
func TestWithoutOpenGLTheConsoleWizardStartsAfterTheExplanation(t *testing.T) {
	for _, tc := range []struct {
		told, lang, welcome, stopped string
		explains                     bool
	}{
		// The terminal already shows the explanation.
		{"terminal", "", "Install the Qlik Sense certificates on this computer", "its input ended", false},
		// The box showed it; the new console did not.
		{"box", "", "Install the Qlik Sense certificates on this computer", "its input ended", true},
		{"scripted", "fr", "Installer les certificats Qlik Sense sur cet ordinateur", "son entrée s'est terminée", true},
	} {
		env, out, errOut := testEnv("", nil)
		env.OpenStore = tempFolderStore(t)
		var args []string
		if tc.lang != "" {
			args = []string{"--lang", tc.lang}
		}
		if code := startWithoutWindow(env, args, withoutGL(tc.told)); code != ExitUsage {
			t.Errorf("%s: exit %d", tc.told, code)
		}
		if !strings.Contains(out.String(), tc.welcome) {
			t.Errorf("%s: the console wizard did not start: %q", tc.told, out)
		}
		if !strings.Contains(errOut.String(), tc.stopped) || !strings.Contains(errOut.String(), "qscert help") {
			t.Errorf("%s: stderr %q", tc.told, errOut)
		}
		if got := strings.Contains(errOut.String(), "cannot open: it needs OpenGL 2.1"); got != tc.explains {
			t.Errorf("%s: explanation printed %v: %q", tc.told, got, errOut)
		}
	}
}

// tempFolderStore opens a folder store of the test's for the default
// store: a test must not touch the user's own.
func tempFolderStore(t *testing.T) func(string) (store.Store, error) {
	dir := filepath.Join(t.TempDir(), "store")
	return func(string) (store.Store, error) { return store.CreateFolder(dir) }
}

func TestTheConsoleWizardGetsTheDecision(t *testing.T) {
	var got glprobe.Decision
	ConsoleWizard = func(env *Env, args []string, why glprobe.Decision) int { got = why; return 7 }
	t.Cleanup(func() { ConsoleWizard = consoleAfterProbe })
	env, _, _ := testEnv("", nil)
	if code := startWithoutWindow(env, nil, withoutGL("terminal")); code != 7 {
		t.Fatalf("exit %d, want the console wizard's", code)
	}
	if got.Probe.Reason != glprobe.ReasonContextRefused {
		t.Fatalf("the console wizard got %+v", got)
	}
}

func TestDecliningTheConsoleQuits(t *testing.T) {
	ConsoleWizard = func(*Env, []string, glprobe.Decision) int { t.Error("the console wizard ran"); return 0 }
	t.Cleanup(func() { ConsoleWizard = consoleAfterProbe })
	env, out, errOut := testEnv("", nil)
	d := withoutGL("box")
	d.Start = glprobe.StartQuit
	if code := startWithoutWindow(env, nil, d); code != ExitUsage || out.Len()+errOut.Len() != 0 {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}
