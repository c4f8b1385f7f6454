package app

import (
	"encoding/json"
	"errors"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"qscert/certs/certstest"
	"qscert/certs/qlik"
)

// fakeTerminal answers the password prompts with answers, in turn, and
// records the prompts.
type fakeTerminal struct {
	answers []string
	prompts []string
}

func (f *fakeTerminal) read(prompt string) (string, error) {
	f.prompts = append(f.prompts, prompt)
	if len(f.prompts) > len(f.answers) {
		return "", io.EOF
	}
	return f.answers[len(f.prompts)-1], nil
}

func terminalEnv(answers ...string) (*Env, *fakeTerminal, func() (string, string)) {
	env, out, errOut := testEnv("what standard input holds\n", nil)
	ft := &fakeTerminal{answers: answers}
	env.StdinIsTerminal, env.ReadSecret = true, ft.read
	return env, ft, func() (string, string) { return out.String(), errOut.String() }
}

func TestAPasswordNeededIsAskedAtTheTerminal(t *testing.T) {
	dir := writeExport(t, certstest.WriteOptions{Format: qlik.FormatWindows, Password: "S3cret!pw"})
	env, ft, outputs := terminalEnv("S3cret!pw")
	code := Run(env, []string{"validate", dir, "--host", cliHost, "--lang", "en"})
	out, errOut := outputs()
	if code != ExitOK || !strings.Contains(out, "Ready to install") {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	if len(ft.prompts) != 1 || !strings.Contains(ft.prompts[0], "client.pfx") {
		t.Fatalf("prompts %q", ft.prompts)
	}

	// Wrong, then right: the wrong one is said, and asked again.
	env, ft, outputs = terminalEnv("nope", "S3cret!pw")
	code = Run(env, []string{"validate", dir, "--host", cliHost, "--lang", "en"})
	out, errOut = outputs()
	if code != ExitOK || len(ft.prompts) != 2 || !strings.Contains(errOut, "The password does not open client.pfx") {
		t.Fatalf("exit %d, prompts %q\n%s%s", code, ft.prompts, out, errOut)
	}

	// Three wrong answers: given up, exit 2, as without a terminal.
	env, ft, outputs = terminalEnv("a", "b", "c", "S3cret!pw")
	code = Run(env, []string{"validate", dir, "--json"})
	out, _ = outputs()
	if code != ExitUsage || len(ft.prompts) != passwordAttempts || !strings.Contains(out, `"code": "wrong-password"`) {
		t.Fatalf("exit %d, prompts %d\n%s", code, len(ft.prompts), out)
	}

	// Given with a flag, or not needed: nothing is asked.
	pw := writePasswordFile(t, "S3cret!pw")
	env, ft, _ = terminalEnv("x")
	if Run(env, []string{"validate", dir, "--password-file", pw}) != ExitOK || len(ft.prompts) != 0 {
		t.Fatalf("asked %q although --password-file was given", ft.prompts)
	}
	plain := writeExport(t, certstest.WriteOptions{Format: qlik.FormatPEM})
	env, ft, _ = terminalEnv("x")
	if Run(env, []string{"validate", plain}) != ExitOK || len(ft.prompts) != 0 {
		t.Fatalf("asked %q for an export without a password", ft.prompts)
	}
}

// TestPasswordStdinOnATerminalIsReadWithoutEcho: --password-stdin reads
// through the terminal's no-echo reader, not as a plain line.
func TestPasswordStdinOnATerminalIsReadWithoutEcho(t *testing.T) {
	dir := writeExport(t, certstest.WriteOptions{Format: qlik.FormatWindows, Password: "S3cret!pw"})
	env, ft, outputs := terminalEnv("S3cret!pw")
	code := Run(env, []string{"test", "--host", "127.0.0.1", "--port", "1", "--dir", dir, "--password-stdin", "--timeout", "2s"})
	out, errOut := outputs()
	if len(ft.prompts) != 1 || code == ExitUsage {
		t.Fatalf("exit %d, prompts %q\n%s%s", code, ft.prompts, out, errOut)
	}
}

// TestAMissingPasswordExitsTheSameEverywhere: without a terminal to ask,
// every command that needs the export's password exits 2 with
// password-required.
func TestAMissingPasswordExitsTheSameEverywhere(t *testing.T) {
	dir := writeExport(t, certstest.WriteOptions{Format: qlik.FormatWindows, Password: "S3cret!pw"})
	for _, args := range [][]string{
		{"validate", dir},
		{"test", "--host", "127.0.0.1", "--dir", dir},
		{"install", dir, "--store", "folder:" + t.TempDir(), "--yes"},
		{"list", "--dir", dir, "--store", "folder:" + t.TempDir()},
	} {
		env, out, errOut := testEnv("", nil)
		code := Run(env, append(args, "--json"))
		var doc struct{ Error *struct{ Code string } }
		if err := json.Unmarshal(out.Bytes(), &doc); err != nil {
			t.Fatalf("%v: %v\n%s%s", args, err, out, errOut)
		}
		if code != ExitUsage || doc.Error == nil || doc.Error.Code != "password-required" {
			t.Errorf("%s: exit %d, error %+v", args[0], code, doc.Error)
		}
	}
}

// TestPasswordFlagValuesAreNeverEchoed: whatever form a password takes on
// the command line, it does not come back in an error, as text or JSON.
func TestPasswordFlagValuesAreNeverEchoed(t *testing.T) {
	dir := writeExport(t, certstest.WriteOptions{Format: qlik.FormatPEM})
	for _, args := range [][]string{
		{"validate", dir, "--password-stdin=hunter2"},
		{"validate", dir, "--password", "hunter2"},
		{"validate", dir, "--password=hunter2"},
		{"install", dir, "--backup-password=hunter2"},
		{"test", "--host", "q", "--dir", dir, "--password=hunter2"},
		{"validate", dir, "--pasword=hunter2"},
		{"validate", dir, "--password-stdn=hunter2"},
		{"--password=hunter2", "validate", dir},
	} {
		for _, asJSON := range []bool{false, true} {
			a := append([]string{}, args...)
			if asJSON {
				a = append(a, "--json")
			}
			env, out, errOut := testEnv("", nil)
			code := Run(env, a)
			if code != ExitUsage {
				t.Errorf("%v: exit %d", a, code)
			}
			if strings.Contains(out.String()+errOut.String(), "hunter2") {
				t.Errorf("%v echoed the password: %s%s", a, out, errOut)
			}
			if out.Len()+errOut.Len() == 0 {
				t.Errorf("%v said nothing", a)
			}
		}
	}
}

// TestATerminalThatCannotBeReadIsAnError: the terminal reader failing is
// password-unreadable, exit 2.
func TestATerminalThatCannotBeReadIsAnError(t *testing.T) {
	dir := writeExport(t, certstest.WriteOptions{Format: qlik.FormatPEM})
	env, out, errOut := testEnv("", nil)
	env.StdinIsTerminal = true
	env.ReadSecret = func(string) (string, error) { return "", errors.New("inappropriate ioctl for device") }
	if code := Run(env, []string{"validate", dir, "--password-stdin", "--lang", "en"}); code != ExitUsage || !strings.Contains(errOut.String(), "could not be read from the terminal") {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
}

// TestRestoreAsksForTheBackupPasswordAtTheTerminal: every backup has a
// password, so a restore typed at a terminal without a password flag asks
// for the backup's (not the export's), and the answer opens the backup.
func TestRestoreAsksForTheBackupPasswordAtTheTerminal(t *testing.T) {
	var dirs []string
	for range 2 {
		gen, err := certstest.NewExport(cliHost, cliMachine, certstest.StyleLegacy, cliNow)
		if err != nil {
			t.Fatal(err)
		}
		dir := filepath.Join(t.TempDir(), "export")
		if err := gen.Write(dir, certstest.WriteOptions{Format: qlik.FormatWindows, Password: "Export-pw-2026"}); err != nil {
			t.Fatal(err)
		}
		dirs = append(dirs, dir)
	}
	dir1, dir2 := dirs[0], dirs[1]
	storeDir, backups := t.TempDir(), t.TempDir()
	pwFile := writePasswordFile(t, "Export-pw-2026")
	common := []string{"--store", "folder:" + storeDir, "--backup-dir", backups, "--host", cliHost, "--machine", cliMachine}
	if code, out, errOut := run(t, "", append([]string{"install", dir1, "--yes", "--password-file", pwFile}, common...)...); code != ExitOK {
		t.Fatalf("first install: exit %d\n%s%s", code, out, errOut)
	}
	first := storeState(t, storeDir)
	code, out, errOut := run(t, "", append([]string{"install", dir2, "--yes", "--json", "--password-file", pwFile}, common...)...)
	if code != ExitOK {
		t.Fatalf("second install: exit %d\n%s%s", code, out, errOut)
	}
	var second struct{ Result struct{ BackupDir string } }
	if err := json.Unmarshal([]byte(out), &second); err != nil || second.Result.BackupDir == "" {
		t.Fatalf("no backup folder in %s (%v)", out, err)
	}

	env, ft, outputs := terminalEnv("Export-pw-2026")
	code = Run(env, []string{"restore", second.Result.BackupDir, "--yes", "--store", "folder:" + storeDir, "--backup-dir", backups, "--lang", "en"})
	out, errOut = outputs()
	if code != ExitOK {
		t.Fatalf("restore: exit %d, prompts %q\n%s%s", code, ft.prompts, out, errOut)
	}
	if len(ft.prompts) != 1 || !strings.Contains(ft.prompts[0], "Backup password") {
		t.Fatalf("prompts %q", ft.prompts)
	}
	if got := storeState(t, storeDir); !sameState(got, first) {
		t.Fatalf("the restore did not bring the first export back: %d certificates", len(got))
	}
}
