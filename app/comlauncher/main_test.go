//go:build !cgo

package main

import (
	"bytes"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"qscert/app"
)

func testEnv() (*app.Env, *bytes.Buffer, *bytes.Buffer) {
	var out, errOut bytes.Buffer
	env := app.ProcessEnv()
	env.Stdin = strings.NewReader("")
	env.Stdout, env.Stderr = &out, &errOut
	env.Now = func() time.Time { return time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC) }
	return env, &out, &errOut
}

// The twin and qscert.exe must agree on what opens the window: this build
// has none (no cgo), so app.Run answers a window request with no-window.
func TestTheTwinAndTheProgramAgreeOnWhatOpensTheWindow(t *testing.T) {
	env, _, errOut := testEnv()
	app.Run(env, nil)
	noWindow := errOut.String()
	if noWindow == "" {
		t.Fatal("no answer to a window request")
	}
	for _, args := range [][]string{
		nil, {"--demo"}, {"--lang", "fr"}, {"-lang=fr", "--demo"},
		{"version"}, {"version", "--json"}, {"help"}, {"--help"}, {"validate", "--help"},
	} {
		env, _, errOut := testEnv()
		app.Run(env, args)
		appOpensWindow := errOut.String() == noWindow
		if got := wantsWindow(args); got != appOpensWindow {
			t.Errorf("wantsWindow(%q) = %v, but qscert.exe opens the window: %v", args, got, appOpensWindow)
		}
	}
}

func TestTheWindowIsStartedAndTheCommandsRunHere(t *testing.T) {
	var started [][]string
	start := func(args []string) error { started = append(started, args); return nil }

	env, out, _ := testEnv()
	if code := run(env, []string{"--demo", "--lang", "fr"}, start); code != app.ExitOK {
		t.Errorf("window: exit %d", code)
	}
	if !reflect.DeepEqual(started, [][]string{{"--demo", "--lang", "fr"}}) || out.Len() != 0 {
		t.Errorf("started %q, printed %q", started, out)
	}

	env, out, _ = testEnv()
	if code := run(env, []string{"version"}, start); code != app.ExitOK {
		t.Errorf("version: exit %d", code)
	}
	if !strings.HasPrefix(out.String(), "qscert "+app.Version+" ") || len(started) != 1 {
		t.Errorf("version printed %q; window started %d times", out, len(started))
	}

	env, _, _ = testEnv()
	if code := run(env, []string{"validate", os.DevNull + "-missing"}, start); code != app.ExitUsage {
		t.Errorf("validate of a missing folder: exit %d, want %d", code, app.ExitUsage)
	}
}

func TestWithoutTheWindowProgramTheTwinSaysWhatItCanDo(t *testing.T) {
	env, _, errOut := testEnv()
	code := run(env, nil, func([]string) error { return os.ErrNotExist })
	if code != app.ExitUsage || !strings.Contains(errOut.String(), "qscert help") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}
