package app

import (
	"strings"
	"testing"

	"qscert/app/glprobe"
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

func TestWithoutOpenGLAndNoConsoleWizardTheErrorIsNoOpenGL(t *testing.T) {
	for _, tc := range []struct {
		told, lang, want string
		explains         bool
	}{
		// The terminal already shows the explanation.
		{"terminal", "", "no OpenGL 2.1", false},
		// The box showed it; the new console did not.
		{"box", "", "no OpenGL 2.1", true},
		{"scripted", "fr", "pas d'OpenGL 2.1", true},
	} {
		env, out, errOut := testEnv("", nil)
		var args []string
		if tc.lang != "" {
			args = []string{"--lang", tc.lang}
		}
		if code := startWithoutWindow(env, args, withoutGL(tc.told)); code != ExitUsage {
			t.Errorf("%s: exit %d", tc.told, code)
		}
		if !strings.Contains(errOut.String(), tc.want) || !strings.Contains(errOut.String(), "qscert help") || out.Len() != 0 {
			t.Errorf("%s: stderr %q, stdout %q", tc.told, errOut, out)
		}
		if got := strings.Contains(errOut.String(), "cannot open: it needs OpenGL 2.1"); got != tc.explains {
			t.Errorf("%s: explanation printed %v: %q", tc.told, got, errOut)
		}
	}
}

func TestTheConsoleWizardGetsTheDecision(t *testing.T) {
	var got glprobe.Decision
	ConsoleWizard = func(env *Env, args []string, why glprobe.Decision) int { got = why; return 7 }
	t.Cleanup(func() { ConsoleWizard = noConsoleWizard })
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
	t.Cleanup(func() { ConsoleWizard = noConsoleWizard })
	env, out, errOut := testEnv("", nil)
	d := withoutGL("box")
	d.Start = glprobe.StartQuit
	if code := startWithoutWindow(env, nil, d); code != ExitUsage || out.Len()+errOut.Len() != 0 {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}
