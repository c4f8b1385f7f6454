package central

import (
	"encoding/base64"
	"strings"
	"testing"
	"unicode/utf16"
)

func utf16LE(s string, bom bool) []byte {
	var out []byte
	if bom {
		out = append(out, 0xFF, 0xFE)
	}
	for _, u := range utf16.Encode([]rune(s)) {
		out = append(out, byte(u), byte(u>>8))
	}
	return out
}

// Host.cfg as the installer writes it, and as people rewrite it by hand
// in the "change the host name" procedure: PowerShell, Notepad.
func TestParseHostCfg(t *testing.T) {
	fqdn := "qlik-central.corp.example"
	b64 := base64.StdEncoding.EncodeToString([]byte(fqdn))
	good := map[string][]byte{
		"installer":            []byte(b64),
		"line end":             []byte(b64 + "\r\n"),
		"UTF-8 BOM":            append([]byte{0xEF, 0xBB, 0xBF}, b64...),
		"UTF-16LE with BOM":    utf16LE(b64+"\r\n", true),
		"UTF-16LE without BOM": utf16LE(b64, false),
		"name in UTF-16LE":     []byte(base64.StdEncoding.EncodeToString(utf16LE(fqdn, false))),
		"no padding":           []byte(strings.TrimRight(base64.StdEncoding.EncodeToString([]byte(fqdn+"x")), "=")),
		"spaces around":        []byte("  " + b64 + "  \n"),
		"trailing dot in name": []byte(base64.StdEncoding.EncodeToString([]byte(fqdn + "."))),
		"short name":           []byte(base64.StdEncoding.EncodeToString([]byte("QLIK01"))),
	}
	for name, data := range good {
		got, err := ParseHostCfg(data)
		if err != nil || got == "" || strings.ContainsAny(got, "\r\n .") && !strings.Contains(got, "corp") {
			t.Errorf("%s: %q, %v", name, got, err)
		}
	}
	if got, _ := ParseHostCfg(good["UTF-16LE with BOM"]); got != fqdn {
		t.Errorf("UTF-16: %q", got)
	}
	bad := map[string][]byte{
		"empty":          {},
		"not base64":     []byte("not base64!"),
		"binary":         []byte(base64.StdEncoding.EncodeToString([]byte{0, 1, 2, 0xff})),
		"a path":         []byte(base64.StdEncoding.EncodeToString([]byte(`C:\Qlik`))),
		"two names":      []byte(base64.StdEncoding.EncodeToString([]byte("a b"))),
		"only spaces":    []byte("   \r\n"),
		"invalid UTF-16": utf16LE("\xff", true),
	}
	for name, data := range bad {
		if got, err := ParseHostCfg(data); err == nil {
			t.Errorf("%s: accepted as %q", name, got)
		}
	}
}

func FuzzParseHostCfg(f *testing.F) {
	f.Add([]byte(base64.StdEncoding.EncodeToString([]byte("qlik.corp.example"))))
	f.Add(utf16LE("cWxpaw==", true))
	f.Fuzz(func(t *testing.T, data []byte) {
		name, err := ParseHostCfg(data)
		if err == nil && (name == "" || strings.ContainsAny(name, " /\\\r\n")) {
			t.Fatalf("accepted %q", name)
		}
	})
}

func TestProgramOfAServiceCommandLine(t *testing.T) {
	for in, want := range map[string]string{
		`"C:\Program Files\Qlik\Sense\Repository\Repository.exe" -iscentral`: `C:\Program Files\Qlik\Sense\Repository\Repository.exe`,
		`"D:\Qlik\Repository.exe"`:                                 `D:\Qlik\Repository.exe`,
		`C:\Program Files\Qlik\Sense\Repository\Repository.exe -x`: `C:\Program Files\Qlik\Sense\Repository\Repository.exe`,
		`C:\svc.bin -x`: `C:\svc.bin`,
		`"unterminated`: "unterminated",
		"":              "",
	} {
		if got := programOf(in); got != want {
			t.Errorf("programOf(%q) = %q, want %q", in, got, want)
		}
	}
	if baseName(`C:\Program Files\Qlik\Sense\Repository\Repository.exe`) != "Repository.exe" || baseName("/x/y") != "y" {
		t.Error("baseName")
	}
}

// A line of the bootstrap's output is passed on however long it grows,
// cut at maxOutputLine, and in valid UTF-8 (the console's code page).
func TestReadLinesBoundsAndCleans(t *testing.T) {
	long := strings.Repeat("x", 3*maxOutputLine)
	in := "first\r\n" + long + "\n\xe9t\xe9\nlast without end"
	var got []string
	readLines(strings.NewReader(in), func(s string) { got = append(got, s) })
	if len(got) != 4 || got[0] != "first" || len(got[1]) != maxOutputLine || got[2] != "?t?" || got[3] != "last without end" {
		t.Fatalf("lines %q", func() []string {
			out := make([]string, len(got))
			for i, g := range got {
				if len(g) > 20 {
					g = g[:20] + "…"
				}
				out[i] = g
			}
			return out
		}())
	}
}

// Where a stopped procedure goes on.
func TestResumePoint(t *testing.T) {
	at := func(events ...journalEvent) *record {
		r := &record{backups: map[Part]string{}, done: map[StepID]bool{}, attempt: 1}
		for _, e := range events {
			r.apply(e)
		}
		return r
	}
	start := func(s StepID) journalEvent { return journalEvent{Step: s, State: jStart, Attempt: 1} }
	done := func(s StepID) journalEvent { return journalEvent{Step: s, State: jDone} }
	failed := func(s StepID) journalEvent { return journalEvent{Step: s, State: jFailed, Code: CodeDuplicates} }
	cases := []struct {
		name    string
		r       *record
		step    StepID
		attempt int
	}{
		{"nothing", at(), StepBackup, 1},
		{"backup under way", at(start(StepBackup)), StepBackup, 1},
		{"backup done", at(start(StepBackup), done(StepBackup)), StepDelete, 1},
		{"delete under way", at(start(StepBackup), done(StepBackup), start(StepDelete)), StepDelete, 1},
		{"deleted", at(start(StepBackup), done(StepBackup), start(StepDelete), done(StepDelete)), StepBootstrap, 1},
		{"bootstrap under way", at(done(StepBackup), done(StepDelete), start(StepBootstrap)), StepDelete, 2},
		{"bootstrap failed", at(done(StepBackup), done(StepDelete), start(StepBootstrap), failed(StepBootstrap)), StepDelete, 2},
		{"bootstrap done", at(done(StepDelete), start(StepBootstrap), done(StepBootstrap)), StepVerify, 1},
		{"duplicates", at(done(StepBootstrap), start(StepVerify), failed(StepVerify)), StepDelete, 2},
		{"verified", at(done(StepBootstrap), start(StepVerify), done(StepVerify)), StepRestart, 1},
		{"restart failed", at(done(StepVerify), start(StepRestart), journalEvent{Step: StepRestart, State: jFailed}), StepRestart, 1},
		{"restarted", at(done(StepVerify), start(StepRestart), done(StepRestart)), StepNext, 1},
		// A second attempt that started again: its earlier done steps no
		// longer count.
		{"second attempt under way", at(done(StepBootstrap), failed(StepVerify), journalEvent{Step: StepDelete, State: jStart, Attempt: 2},
			done(StepDelete), journalEvent{Step: StepBootstrap, State: jStart, Attempt: 2}), StepDelete, 3},
	}
	for _, c := range cases {
		if step, attempt := resumePoint(c.r); step != c.step || attempt != c.attempt {
			t.Errorf("%s: goes on at %s (attempt %d), want %s (attempt %d)", c.name, step, attempt, c.step, c.attempt)
		}
	}
}
