package app

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"qscert/certs/certstest"
	"qscert/certs/qlik"
	"qscert/certs/qrs/qrstest"
	"qscert/certs/store"
	"qscert/certs/store/storetest"
	"qscert/certs/support"
)

// TestCountsAgreeWithTheirNumber: "1 warning", not "1 warnings"; French
// "0 erreur" and "1 avertissement".
func TestCountsAgreeWithTheirNumber(t *testing.T) {
	dir := writeExport(t, certstest.WriteOptions{Format: qlik.FormatPEM, Partial: true})
	for lang, want := range map[string]string{"en": "(0 errors, 1 warning)", "fr": "(0 erreur, 1 avertissement)"} {
		env, out, _ := testEnv("", nil)
		if code := Run(env, []string{"validate", dir, "--lang", lang}); code != ExitOK || !strings.Contains(out.String(), want) {
			t.Errorf("%s: exit %d, want %q in\n%s", lang, code, want, out)
		}
	}
}

// TestPlanLinesReadWhole: the plan and its progress have no "<no value>"
// where a step has no private key, in either language.
func TestPlanLinesReadWhole(t *testing.T) {
	dir := writeExport(t, certstest.WriteOptions{Format: qlik.FormatPEM, Partial: true})
	for lang, want := range map[string]string{"en": "add CN=qlik-central.corp.example-CA to LocalMachine\\Root\n", "fr": "ajouter CN=qlik-central.corp.example-CA dans LocalMachine\\Root\n"} {
		env, out, errOut := testEnv("", nil)
		code := Run(env, []string{"install", dir, "--store", "folder:" + t.TempDir(), "--yes", "--lang", lang})
		if code != ExitOK || !strings.Contains(out.String(), want) {
			t.Fatalf("%s: exit %d, want %q in\n%s%s", lang, code, want, out, errOut)
		}
		assertNoLeak(t, "install in "+lang, out.String())
	}
}

// TestTheCommandLineSpeaksOfFlags: the advice names what to type on the
// command line, not a field of the window.
func TestTheCommandLineSpeaksOfFlags(t *testing.T) {
	dir := writeExport(t, certstest.WriteOptions{Format: qlik.FormatWindows, Password: "S3cret!pw"})
	for lang, window := range map[string]string{"en": "leave the field empty", "fr": "laissez le champ vide"} {
		env, out, _ := testEnv("wrong\n", nil)
		Run(env, []string{"validate", dir, "--password-stdin", "--lang", lang})
		if strings.Contains(out.String(), window) || !strings.Contains(out.String(), "--password-file") {
			t.Errorf("%s:\n%s", lang, out)
		}
	}
}

// TestListIsATable: a header line, then named columns, a role on every
// line, and no dangling colon.
func TestListIsATable(t *testing.T) {
	dir := writeExport(t, certstest.WriteOptions{Format: qlik.FormatPEM, Partial: true})
	storeDir := t.TempDir()
	if code, out, errOut := run(t, "", "install", dir, "--store", "folder:"+storeDir, "--yes"); code != ExitOK {
		t.Fatalf("install: exit %d\n%s%s", code, out, errOut)
	}
	for lang, want := range map[string][]string{
		"en": {"2 Qlik certificates in folder:" + storeDir + "\n", "LOCATION", "ROLE", "STATUS", "SUBJECT", "ISSUED BY", "VALID TO", "KEY", "SHA-1"},
		"fr": {"2 certificats Qlik dans folder:" + storeDir + "\n", "EMPLACEMENT", "RÔLE", "ÉTAT", "SUJET", "ÉMIS PAR", "VALIDE JUSQU'AU", "CLÉ"},
	} {
		env, out, _ := testEnv("", nil)
		if code := Run(env, []string{"list", "--store", "folder:" + storeDir, "--lang", lang}); code != ExitOK {
			t.Fatalf("list: exit %d", code)
		}
		text := out.String()
		for _, w := range want {
			if !strings.Contains(text, w) {
				t.Errorf("%s: list lacks %q:\n%s", lang, w, text)
			}
		}
		roles := map[string][]string{"en": {"root", "client"}, "fr": {"racine", "client"}}[lang]
		lines := strings.Split(strings.TrimSpace(text), "\n")
		rows := lines[len(lines)-2:]
		for i, role := range roles {
			if fields := strings.Fields(rows[i]); len(fields) < 3 || fields[1] != role {
				t.Errorf("%s: row %q has no role %s", lang, rows[i], role)
			}
		}
		if strings.HasSuffix(lines[0], ":") {
			t.Errorf("%s: header ends with a colon: %q", lang, lines[0])
		}
	}
	env, out, _ := testEnv("", nil)
	Run(env, []string{"list", "--store", "folder:" + t.TempDir(), "--lang", "en"})
	if got := strings.TrimSpace(out.String()); !strings.HasPrefix(got, "No Qlik certificate in folder:") || strings.Contains(got, "\n") {
		t.Errorf("an empty store: %q", got)
	}
}

// TestReportReadsTheDefaultStore: without --store, the report lists the
// store `qscert list` reads.
func TestReportReadsTheDefaultStore(t *testing.T) {
	site := connExport(t, certstest.StyleLegacy, "site")
	m := storetest.NewMemory()
	if err := m.Add(store.LocalMachineRoot, site.Root.Cert, nil, ""); err != nil {
		t.Fatal(err)
	}
	opened := []string{}
	e := connEnv("", nil, nil)
	e.env.OpenStore = func(spec string) (store.Store, error) {
		opened = append(opened, spec)
		return m, nil
	}
	out := filepath.Join(t.TempDir(), "r.zip")
	if code, stdout, stderr := runQscert(t, e, "report", "--out", out); code != ExitOK {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	if len(opened) != 1 || opened[0] != "" {
		t.Fatalf("stores opened: %q", opened)
	}
	_, files := readZip(t, out)
	var r support.Report
	if err := json.Unmarshal(files[support.JSONName], &r); err != nil {
		t.Fatal(err)
	}
	if len(r.Stores) != 1 || len(r.Stores[0].Locations) == 0 || len(r.Stores[0].Locations[0].Certificates) != 1 {
		t.Fatalf("stores %+v", r.Stores)
	}
}

// TestFrenchReadsAsFrench: the sentences a French administrator meets say
// « restaurer », and a report and a test in French name roles in French;
// Go's English says it is English.
func TestFrenchReadsAsFrench(t *testing.T) {
	env, out, _ := testEnv("", nil)
	Run(env, []string{"help", "--lang", "fr"})
	if !strings.Contains(out.String(), "restaurer une sauvegarde") || strings.Contains(out.String(), "remettre") {
		t.Errorf("help:\n%s", out)
	}

	site := connExport(t, certstest.StyleLegacy, "site")
	s := startSimulatedQRS(t, site, qrstest.Options{RespondStatus: 503})
	dir := writeConnExport(t, site, certstest.WriteOptions{Format: qlik.FormatPEM, Partial: true})
	storeDir := t.TempDir()
	code, stdout, _ := runQscert(t, connEnv("", nil, nil), "install", dir, "--store", "folder:"+storeDir, "--yes")
	if code != ExitOK {
		t.Fatalf("install: %d %s", code, stdout)
	}
	code, stdout, _ = runQscert(t, connEnv("", nil, nil), "test", "--host", "localhost", "--port", portOf(s), "--dir", dir, "--lang", "fr")
	if code != ExitFindings || !strings.Contains(stdout, "  racine ") || !strings.Contains(stdout, "Détail technique (message du système, en anglais)") {
		t.Errorf("test: exit %d\n%s", code, stdout)
	}
	out2 := filepath.Join(t.TempDir(), "r.zip")
	if code, stdout, stderr := runQscert(t, connEnv("", nil, nil), "report", "--out", out2, "--store", "folder:"+storeDir, "--dir", dir, "--lang", "fr"); code != ExitOK {
		t.Fatalf("report: %d %s %s", code, stdout, stderr)
	}
	_, files := readZip(t, out2)
	text := string(files[support.TextName])
	for _, want := range []string{"    racine   CN=", "    client   CN=", "  racine   CN="} {
		if !strings.Contains(text, want) {
			t.Errorf("French report lacks %q:\n%s", want, text)
		}
	}
	for _, english := range []string{"    root ", "  root ", "    server "} {
		if strings.Contains(text, english) {
			t.Errorf("French report has %q:\n%s", english, text)
		}
	}
}

// TestInstallMakesANewFolderStore: --store folder:PATH is made (0700) by
// the first install when the folder it goes in exists; a mistyped parent
// is still an error; a dry run leaves nothing behind.
func TestInstallMakesANewFolderStore(t *testing.T) {
	dir := writeExport(t, certstest.WriteOptions{Format: qlik.FormatPEM, Partial: true})
	parent := t.TempDir()
	fresh := filepath.Join(parent, "store")

	if code, out, errOut := run(t, "", "install", dir, "--store", "folder:"+fresh, "--dry-run"); code != ExitOK {
		t.Fatalf("dry run: exit %d\n%s%s", code, out, errOut)
	}
	if _, err := os.Stat(fresh); !os.IsNotExist(err) {
		t.Fatalf("the dry run left %s behind (%v)", fresh, err)
	}
	if code, out, errOut := run(t, "", "install", dir, "--store", "folder:"+fresh, "--yes"); code != ExitOK {
		t.Fatalf("install: exit %d\n%s%s", code, out, errOut)
	}
	info, err := os.Stat(fresh)
	if err != nil || !info.IsDir() || info.Mode().Perm() != 0o700 {
		t.Fatalf("store folder: %v, %v", info, err)
	}
	if len(storeState(t, fresh)) != 2 {
		t.Fatalf("store holds %d certificates", len(storeState(t, fresh)))
	}

	typo := filepath.Join(parent, "no-such-parent", "store")
	code, out, errOut := run(t, "", "install", dir, "--store", "folder:"+typo, "--yes", "--json")
	if code != ExitUsage || !strings.Contains(out, `"code": "store-missing"`) {
		t.Fatalf("missing parent: exit %d\n%s%s", code, out, errOut)
	}
	if _, err := os.Stat(filepath.Dir(typo)); !os.IsNotExist(err) {
		t.Fatal("the missing parent was made")
	}
}
