package elevation_test

import (
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"qscert/app/elevation"
	"qscert/assets/i18n"
	"qscert/certs/coded"
)

func TestCarryArgsGiveFolderHostAndLanguage(t *testing.T) {
	abs, err := filepath.Abs(filepath.Join("exports", "rep01"))
	if err != nil {
		t.Fatal(err)
	}
	got := elevation.Carry{Folder: filepath.Join("exports", "rep01"), Host: "qlik-central.corp.example", Lang: "fr"}.Args()
	want := []string{"--folder", abs, "--host", "qlik-central.corp.example", "--lang", "fr"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Args() = %q, want %q", got, want)
	}
	if got := (elevation.Carry{Host: "qlik"}).Args(); !reflect.DeepEqual(got, []string{"--host", "qlik"}) {
		t.Errorf("host only: Args() = %q", got)
	}
	if got := (elevation.Carry{}).Args(); len(got) != 0 {
		t.Errorf("nothing typed: Args() = %q, want none", got)
	}
	// The flow walked comes first; the install, the default, goes unsaid.
	if got := (elevation.Carry{Flow: "recreate", Lang: "en"}).Args(); !reflect.DeepEqual(got, []string{"--flow", "recreate", "--lang", "en"}) {
		t.Errorf("recreate: Args() = %q", got)
	}
	if got := (elevation.Carry{Flow: "install"}).Args(); len(got) != 0 {
		t.Errorf("install: Args() = %q, want none", got)
	}
}

func TestRelaunchRefusesPasswordArguments(t *testing.T) {
	for _, args := range [][]string{
		{"--folder", `C:\Exports`, "--password-file", `C:\pw.txt`},
		{"-password-env=QS_PW"},
		{"--Password", "secret"},
		{"--password-stdin"},
	} {
		err := elevation.Relaunch(0, args)
		if coded.CodeOf(err) != elevation.CodeSecretArgument {
			t.Errorf("Relaunch(%q) = %v, want %s", args, err, elevation.CodeSecretArgument)
			continue
		}
		arg := coded.As(err).Params["argument"]
		if !strings.HasPrefix(arg, "--") || !strings.Contains(strings.ToLower(arg), "password") {
			t.Errorf("Relaunch(%q) names %q", args, arg)
		}
		if strings.Contains(i18n.New("en").Error(err), "secret") {
			t.Errorf("the sentence repeats a value: %s", i18n.New("en").Error(err))
		}
	}
}

func TestRequiredErrorNamesTheCommandToRunElevated(t *testing.T) {
	args := []string{"install", "--dir", `C:\Exports\rep 01`, "--yes"}
	err := elevation.RequiredError(nil, args)
	if coded.CodeOf(err) != elevation.CodeRequired {
		t.Fatalf("code = %s", coded.CodeOf(err))
	}
	want := `qscert install --dir 'C:\Exports\rep 01' --yes`
	if runtime.GOOS == "windows" {
		want = `qscert install --dir "C:\Exports\rep 01" --yes`
	}
	for lang, words := range map[string]string{"en": "Run as administrator", "fr": "Exécuter en tant qu'administrateur"} {
		s := i18n.New(lang).Error(err)
		if !strings.Contains(s, want) || !strings.Contains(s, words) {
			t.Errorf("%s: %q lacks %q or %q", lang, s, want, words)
		}
		if strings.Count(s, ". ") > 0 {
			t.Errorf("%s: %q is more than one sentence", lang, s)
		}
	}
}

func TestEveryCodeHasAnEnglishAndAFrenchSentence(t *testing.T) {
	for _, lang := range i18n.Languages {
		tr := i18n.New(lang)
		for _, c := range elevation.Codes.Codes() {
			if !tr.Has("code." + string(c)) {
				t.Errorf("%s: no sentence for %s", lang, c)
			}
		}
	}
}
