package app

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"qscert/certs/certstest"
	"qscert/certs/machine"
	"qscert/certs/qlik"
)

var cliNow = time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)

const (
	cliHost    = "qlik-central.corp.example"
	cliMachine = "rep01.corp.example"
)

// testEnv is an Env over buffers, a fixed clock and a fixed machine.
func testEnv(stdin string, vars map[string]string) (*Env, *bytes.Buffer, *bytes.Buffer) {
	var out, errOut bytes.Buffer
	return &Env{
		Stdin:     strings.NewReader(stdin),
		Stdout:    &out,
		Stderr:    &errOut,
		Getenv:    func(k string) string { return vars[k] },
		Now:       func() time.Time { return cliNow },
		Machine:   func() machine.Info { return machine.Info{Hostname: "rep01", FQDN: cliMachine} },
		OpenStore: openStore,
	}, &out, &errOut
}

var (
	cliExportOnce sync.Once
	cliExport     *certstest.Export
	cliExportErr  error
)

func writeExport(t *testing.T, opts certstest.WriteOptions) string {
	t.Helper()
	cliExportOnce.Do(func() {
		cliExport, cliExportErr = certstest.NewExport(cliHost, cliMachine, certstest.StyleLegacy, cliNow)
	})
	if cliExportErr != nil {
		t.Fatal(cliExportErr)
	}
	dir := filepath.Join(t.TempDir(), "export")
	if err := cliExport.Write(dir, opts); err != nil {
		t.Fatal(err)
	}
	return dir
}

func writePasswordFile(t *testing.T, password string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "password.txt")
	if err := os.WriteFile(path, []byte(password+"\r\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestValidateGoodExportExitsZero(t *testing.T) {
	dir := writeExport(t, certstest.WriteOptions{Format: qlik.FormatWindows, Password: "S3cret!pw"})
	for _, how := range []struct {
		name  string
		args  []string
		stdin string
		vars  map[string]string
	}{
		{"password-file", []string{"--password-file", writePasswordFile(t, "S3cret!pw")}, "", nil},
		{"password-env", []string{"--password-env", "QLIK_PW"}, "", map[string]string{"QLIK_PW": "S3cret!pw"}},
		{"password-stdin", []string{"--password-stdin"}, "S3cret!pw\n", nil},
	} {
		t.Run(how.name, func(t *testing.T) {
			env, out, errOut := testEnv(how.stdin, how.vars)
			args := append([]string{"validate", dir, "--host", cliHost, "--lang", "en"}, how.args...)
			if code := Run(env, args); code != ExitOK {
				t.Fatalf("exit %d, stderr %q, stdout %q", code, errOut, out)
			}
			if !strings.Contains(out.String(), "Ready to install (0 errors, 0 warnings)") {
				t.Fatalf("stdout = %q", out)
			}
			if strings.Count(out.String(), "CN=QlikClient") != 1 {
				t.Fatalf("want one line for the client: %q", out)
			}
			if strings.Contains(out.String()+errOut.String(), "S3cret!pw") {
				t.Fatal("the password was printed")
			}
		})
	}
}

// TestValidateCorpusVerdicts runs the bad-input corpus through the CLI:
// exit 1 when the variant's finding blocks, 0 when it is a warning, and the
// code is in the JSON output.
func TestValidateCorpusVerdicts(t *testing.T) {
	exp, err := certstest.NewExport(cliHost, cliMachine, certstest.StyleLegacy, cliNow)
	if err != nil {
		t.Fatal(err)
	}
	base := &certstest.Base{Export: exp, Host: cliHost, Machine: cliMachine,
		Options: certstest.WriteOptions{Format: qlik.FormatWindows, Password: "S3cret!pw"}}
	for _, v := range certstest.Variants {
		if !v.Applies(qlik.FormatWindows) {
			continue
		}
		t.Run(v.Name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "export")
			if err := v.Write(dir, base); err != nil {
				t.Fatal(err)
			}
			o := v.Options(base, cliNow)
			env, out, errOut := testEnv(v.ValidationPassword(base)+"\n", nil)
			code := Run(env, []string{"validate", dir, "--json", "--password-stdin", "--host", o.Host, "--machine", o.Machines[0]})
			var got struct {
				Installable bool
				Error       *struct{ Code string }
				Findings    []struct {
					Code     string
					Severity string
					Message  string
				}
			}
			if err := json.Unmarshal(out.Bytes(), &got); err != nil {
				t.Fatalf("exit %d, bad JSON %v: %s %s", code, err, out, errOut)
			}
			found := false
			for _, f := range got.Findings {
				if f.Code == string(v.Code) {
					found = true
					if f.Message == "" || strings.HasPrefix(f.Message, "code.") {
						t.Errorf("finding %s has no sentence: %q", f.Code, f.Message)
					}
				}
			}
			if !found {
				t.Fatalf("JSON lacks %s: %s", v.Code, out)
			}
			want := ExitOK
			if !got.Installable {
				want = ExitFindings
			}
			// Without the right password the export could not be checked:
			// the command could not do its job, as for `qscert test`.
			if v.Code == "password-required" || v.Code == "wrong-password" {
				want = ExitUsage
				if got.Error == nil || got.Error.Code != string(v.Code) {
					t.Errorf("error = %+v, want %s", got.Error, v.Code)
				}
			}
			if code != want {
				t.Fatalf("exit %d, want %d (installable=%v)", code, want, got.Installable)
			}
		})
	}
}

func TestValidateFrenchText(t *testing.T) {
	dir := writeExport(t, certstest.WriteOptions{Format: qlik.FormatPEM, Partial: true})
	env, out, _ := testEnv("", nil)
	if code := Run(env, []string{"validate", "--lang", "fr", dir}); code != ExitOK {
		t.Fatalf("exit %d: %s", code, out)
	}
	for _, want := range []string{"format PEM", "clé privée : oui", "AVERTISSEMENT", "[partial-export]", "Prêt à installer"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("French output lacks %q:\n%s", want, out)
		}
	}
}

// TestCommandLineErrors produces each of the command line's own codes.
func TestCommandLineErrors(t *testing.T) {
	dir := writeExport(t, certstest.WriteOptions{Format: qlik.FormatPEM})
	for _, c := range []struct {
		code string
		args []string
		vars map[string]string
		want int
	}{
		{"unknown-command", []string{"instal", dir}, nil, ExitUsage},
		{"unknown-flag", []string{"validate", dir, "--hots", "x"}, nil, ExitUsage},
		{"flag-needs-value", []string{"validate", dir, "--machine"}, nil, ExitUsage},
		{"bad-flag-value", []string{"validate", dir, "--password-stdin=yes"}, nil, ExitUsage},
		{"bad-usage", []string{"validate"}, nil, ExitUsage},
		{"bad-flag-value", []string{"validate", dir, "--at", "yesterday"}, nil, ExitUsage},
		{"password-on-command-line", []string{"validate", dir, "--password", "hunter2"}, nil, ExitUsage},
		{"password-sources", []string{"validate", dir, "--password-stdin", "--password-env", "X"}, map[string]string{"X": "y"}, ExitUsage},
		{"password-file-unreadable", []string{"validate", dir, "--password-file", "/nonexistent/pw"}, nil, ExitUsage},
		{"password-env-unset", []string{"validate", dir, "--password-env", "QLIK_PW"}, nil, ExitUsage},
		{"folder-not-found", []string{"validate", "/nonexistent/export"}, nil, ExitUsage},
	} {
		t.Run(c.code, func(t *testing.T) {
			env, out, errOut := testEnv("", c.vars)
			code := Run(env, append([]string{"--lang", "en"}, c.args...))
			if code != c.want {
				t.Fatalf("exit %d, want %d; stderr %q", code, c.want, errOut)
			}
			msg := errOut.String()
			if msg == "" || strings.Contains(msg, "code.") {
				t.Fatalf("no sentence on stderr: %q (stdout %q)", msg, out)
			}
			if strings.Contains(msg, "hunter2") {
				t.Fatal("the refused password was echoed")
			}
			// The same run with --json names the code.
			env, out, _ = testEnv("", c.vars)
			if Run(env, append([]string{"--json"}, c.args...)) != c.want || !strings.Contains(out.String(), `"code": "`+c.code+`"`) {
				t.Fatalf("--json: %s", out)
			}
		})
	}
}

func TestValidateAtTimeFindsExpiry(t *testing.T) {
	dir := writeExport(t, certstest.WriteOptions{Format: qlik.FormatPEM})
	env, out, _ := testEnv("", nil)
	code := Run(env, []string{"validate", dir, "--json", "--at", "2040-01-01T00:00:00Z"})
	if code != ExitFindings || !strings.Contains(out.String(), `"code": "expired"`) {
		t.Fatalf("exit %d, output %s", code, out)
	}
}

func TestVersionAndHelp(t *testing.T) {
	env, out, _ := testEnv("", nil)
	if Run(env, []string{"version"}) != ExitOK || !strings.Contains(out.String(), Version) {
		t.Fatalf("version printed %q", out)
	}
	env, out, _ = testEnv("", nil)
	if Run(env, []string{"help", "--lang", "fr"}) != ExitOK || !strings.Contains(out.String(), "validate") || !strings.Contains(out.String(), "Codes de sortie") {
		t.Fatalf("help printed %q", out)
	}
}

// qscert help also lists the wizard's own flags, which no command's help
// shows: switches without a value, --flow with its values; not --json.
func TestHelpListsTheWizardsFlags(t *testing.T) {
	env, out, _ := testEnv("", nil)
	if Run(env, []string{"help", "--lang", "en"}) != ExitOK {
		t.Fatalf("help: %q", out)
	}
	_, wizard, ok := strings.Cut(out.String(), "Wizard flags (qscert [flags], without a command):\n")
	if !ok {
		t.Fatalf("no wizard flags in %q", out)
	}
	wizard, _, _ = strings.Cut(wizard, "\n\n")
	for _, want := range []string{"  --console  ", "  --demo  ", "  --accessible  ", "  --flow FLOW  ", "recreate (the central node's certificates)", "  --folder FOLDER  ", "  --host SERVER  ", "  --simulate FOLDER  "} {
		if !strings.Contains(wizard, want) {
			t.Errorf("the wizard's flags lack %q:\n%s", want, wizard)
		}
	}
	if strings.Contains(wizard, "--json") || strings.Contains(wizard, "VALUE") {
		t.Errorf("the wizard's flags:\n%s", wizard)
	}
}
