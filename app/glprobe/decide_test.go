package glprobe

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"qscert/assets/i18n"
)

// refused is what an RDP session without a GPU policy gives.
var refused = Result{
	Probed: true, Reason: ReasonNoDriver, Version: "1.1.0", Renderer: "GDI Generic",
	Vendor: "Microsoft Corporation", Session: "rdp",
}

func fakeEnv(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

// noBox fails the test if the message box would be shown.
func noBox(t *testing.T) {
	askBox = func(text, caption string) bool {
		t.Errorf("the box was shown: %q", text)
		return false
	}
	t.Cleanup(func() { askBox = messageBox })
}

func TestDecideOpensTheWindowWhenOpenGLIsThere(t *testing.T) {
	noBox(t)
	var errOut bytes.Buffer
	for _, goos := range []string{"windows", "linux"} {
		d := choose(Result{Usable: true, Probed: true, Version: "4.5"}, Config{Getenv: fakeEnv(nil), Stderr: &errOut}, goos)
		if d.Start != StartWindow || d.Explanation != "" || d.Told != "" {
			t.Errorf("%s: %+v", goos, d)
		}
	}
	if errOut.Len() != 0 {
		t.Errorf("printed %q", errOut.String())
	}
}

func TestDecideOutsideWindowsExplainsInTheTerminalThenTakesTheConsole(t *testing.T) {
	noBox(t)
	r := Result{Probed: true, Reason: ReasonContextRefused, Version: "1.1 Mesa 22.3.6", Renderer: "llvmpipe", Display: ":0"}
	for lang, want := range map[string][]string{
		"en": {"needs OpenGL 2.1", "offers only OpenGL 1.1 Mesa 22.3.6 (llvmpipe)", "turn on 3D acceleration", "continues in the terminal"},
		"fr": {"besoin d'OpenGL 2.1", "n'offre qu'OpenGL 1.1 Mesa 22.3.6 (llvmpipe)", "activez l'accélération 3D", "continue dans le terminal"},
	} {
		var errOut bytes.Buffer
		d := choose(r, Config{Lang: lang, Getenv: fakeEnv(nil), Stderr: &errOut}, "linux")
		if d.Start != StartConsole || d.Told != "terminal" {
			t.Fatalf("%s: %+v", lang, d)
		}
		for _, w := range want {
			if !strings.Contains(errOut.String(), w) {
				t.Errorf("%s: %q lacks %q", lang, errOut.String(), w)
			}
		}
	}
}

func TestDecideOnWindowsAsksWithAMessageBox(t *testing.T) {
	for _, answer := range []bool{true, false} {
		var shown, caption string
		askBox = func(text, c string) bool { shown, caption = text, c; return answer }
		d := choose(refused, Config{Lang: "fr", Getenv: fakeEnv(nil)}, "windows")
		askBox = messageBox
		want := StartQuit
		if answer {
			want = StartConsole
		}
		if d.Start != want || d.Told != "box" {
			t.Errorf("answer %v: %+v", answer, d)
		}
		if caption != "Assistant de certificats Qlik Sense" {
			t.Errorf("caption %q", caption)
		}
		for _, w := range []string{
			"OpenGL 1.1.0 (GDI Generic)", "session Bureau à distance", "bEnumerateHWBeforeSW",
			"opengl32.dll", "llvmpipe", "accélération 3D", "fenêtre de console à la place ?",
		} {
			if !strings.Contains(shown, w) {
				t.Errorf("the box %q lacks %q", shown, w)
			}
		}
	}
}

func TestDecideTakesAScriptedAnswerWithoutTheBox(t *testing.T) {
	noBox(t)
	for answer, want := range map[string]Start{"yes": StartConsole, "YES": StartConsole, "no": StartQuit, "maybe": StartQuit} {
		d := choose(refused, Config{Getenv: fakeEnv(map[string]string{EnvAnswer: answer})}, "windows")
		if d.Start != want || d.Told != "scripted" || d.Explanation == "" {
			t.Errorf("%q: %+v", answer, d)
		}
	}
}

func TestDecideRecordsTheDecisionForTests(t *testing.T) {
	noBox(t)
	probe = func(Options) Result { return refused }
	t.Cleanup(func() { probe = Probe })
	path := filepath.Join(t.TempDir(), "decision.json")
	d := Decide(Config{Getenv: fakeEnv(map[string]string{EnvRecord: path, EnvAnswer: "yes"})})
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var got Decision
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	if got.Start != d.Start || got.Probe.Reason != ReasonNoDriver || got.Explanation != d.Explanation || got.Explanation == "" {
		t.Fatalf("recorded %+v, decided %+v", got, d)
	}
}

func TestDecideSkipsTheProbeWhenAsked(t *testing.T) {
	probe = func(Options) Result { t.Error("probed"); return refused }
	t.Cleanup(func() { probe = Probe })
	d := Decide(Config{Getenv: fakeEnv(map[string]string{EnvProbe: "skip"})})
	if d.Start != StartWindow || d.Told != "skipped" {
		t.Fatalf("%+v", d)
	}
}

func TestExplainSaysWhyAndHow(t *testing.T) {
	en := i18n.New("en")
	vm := Result{Probed: true, Reason: ReasonContextRefused, Version: "1.1", Renderer: "llvmpipe", Machine: "VMware, Inc. VMware Virtual Platform"}
	for _, tc := range []struct {
		name string
		r    Result
		goos string
		want []string
		not  []string
	}{
		{"rdp", refused, "windows", []string{"Remote Desktop session", "Use hardware graphics adapters", "No OpenGL driver", "OpenGL 1.1.0 (GDI Generic)"}, []string{"virtual machine (", "SSH"}},
		{"vm", vm, "windows", []string{"virtual machine (VMware, Inc. VMware Virtual Platform)", "3D acceleration"}, []string{"Remote Desktop session"}},
		{"no display", Result{Probed: true, Reason: ReasonNoDisplay}, "linux", []string{"DISPLAY is not set", "desktop session"}, []string{"opengl32.dll"}},
		{"wayland", Result{Probed: true, Reason: ReasonWaylandOnly}, "linux", []string{"XWayland"}, nil},
		{"ssh", Result{Probed: true, Reason: ReasonNoGLX, Display: "localhost:10.0", Session: "ssh"}, "linux", []string{"localhost:10.0", "forwarded over SSH", "llvmpipe"}, nil},
		{"timeout", Result{Probed: true, Reason: ReasonTimeout}, "linux", []string{"did not answer within 5 seconds"}, nil},
		{"unknown version", Result{Probed: true, Reason: ReasonVersionTooLow}, "linux", []string{"could not be read"}, nil},
	} {
		got := Explain(tc.r, en, tc.goos)
		for _, w := range tc.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: %q lacks %q", tc.name, got, w)
			}
		}
		for _, w := range tc.not {
			if strings.Contains(got, w) {
				t.Errorf("%s: %q has %q", tc.name, got, w)
			}
		}
	}
}

func TestEveryReasonHasASentenceInEveryLanguage(t *testing.T) {
	for _, lang := range i18n.Languages {
		tr := i18n.New(lang)
		for _, r := range Reasons {
			if !tr.Has("glprobe.reason." + string(r)) {
				t.Errorf("%s: no sentence for %s", lang, r)
			}
		}
		for _, k := range []string{"glprobe.why.rdp", "glprobe.why.ssh", "glprobe.why.vm", "glprobe.fix.windows", "glprobe.fix.x11", "glprobe.fix.display", "glprobe.ask", "glprobe.console", "glprobe.press-enter"} {
			if !tr.Has(k) {
				t.Errorf("%s: no sentence for %s", lang, k)
			}
		}
	}
}
