package app

import (
	"path/filepath"
	"strings"
	"testing"

	"qscert/assets/i18n"
	"qscert/certs/central"
	"qscert/certs/central/centraltest"
)

// A recreate left stopped on the machine: every command that opens a
// store says where it stands and names --resume and --restore, in the
// user's language; nothing is resumed.
func TestACommandThatOpensAStoreSaysARecreateWasStopped(t *testing.T) {
	dir := simulatedNode(t)
	env, _, _ := testEnv("", map[string]string{"BPW": "Backup-pass-2026"})
	if code := Run(env, []string{"recreate", "--simulate", dir, "--simulate-bootstrap", "fail", "--yes",
		"--backup-dir", t.TempDir(), "--backup-password-env", "BPW", "--lang", "en"}); code == ExitOK {
		t.Fatal("a bootstrap that fails did not stop the procedure")
	}
	before := nodeContent(t, dir)
	node := func() (*central.Node, error) {
		child, _ := selfCommand(hiddenChild)
		repo, _ := selfCommand(hiddenRepository)
		return centraltest.Open(dir, centraltest.OpenOptions{Child: child, Repository: repo})
	}
	for _, lang := range []string{"en", "fr"} {
		env, _, errOut := testEnv("", nil)
		env.CentralNode = node
		if code := Run(env, []string{"list", "--store", "folder:" + t.TempDir(), "--lang", lang}); code != ExitOK {
			t.Fatalf("%s: list failed: %s", lang, errOut)
		}
		said := errOut.String()
		n, _ := node()
		st, err := central.Unfinished(n)
		_ = n.Close()
		if err != nil || st == nil {
			t.Fatalf("the procedure is no longer pending: %v", err)
		}
		want := i18n.New(lang).CommandLine().Code(central.CodeStopped, st.Params())
		if !strings.Contains(said, want) || !strings.Contains(said, "qscert recreate --resume") || !strings.Contains(said, "--restore") {
			t.Errorf("%s: list says:\n%s\nwant:\n%s", lang, said, want)
		}
	}
	if nodeContent(t, dir) != before {
		t.Error("saying it changed the node")
	}
	// Where nothing was left, nothing is said.
	env, _, errOut := testEnv("", nil)
	env.CentralNode = func() (*central.Node, error) {
		return centraltest.Open(filepath.Join(t.TempDir(), "none"), centraltest.OpenOptions{})
	}
	Run(env, []string{"list", "--store", "folder:" + t.TempDir(), "--lang", "en"})
	if strings.Contains(errOut.String(), "recreate") {
		t.Errorf("without a central node: %s", errOut)
	}
}
