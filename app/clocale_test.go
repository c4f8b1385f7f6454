//go:build cgo

package app

import (
	"bytes"
	"os"
	"os/exec"
	"strings"
	"testing"

	"qscert/certs/certstest"
	"qscert/certs/qlik"
)

// TestCommandsAreQuietInTheCLocale runs the real desktop build (cgo, Fyne
// linked) under the locales of containers and SSH sessions: standard error
// stays empty. Fyne's lang package used to log "Error parsing user locale
// C" at init for LANG=C.UTF-8 (see package clocale).
func TestCommandsAreQuietInTheCLocale(t *testing.T) {
	bin := qscertBinary(t)
	dir := writeExport(t, certstest.WriteOptions{Format: qlik.FormatPEM})
	for _, locale := range [][]string{
		{"LANG=C.UTF-8"}, {"LC_ALL=C"}, {"LC_ALL=C.UTF-8", "LANG=fr_FR.UTF-8"}, {"LANG=C.utf8", "LC_MESSAGES=POSIX.UTF-8"},
	} {
		for _, args := range [][]string{{"version"}, {"help"}, {"validate", dir}, {"validate", dir, "--json"}} {
			cmd := exec.Command(bin, args...)
			cmd.Env = append(withoutLocale(os.Environ()), locale...)
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			if err := cmd.Run(); err != nil {
				t.Fatalf("%v %v: %v\n%s", locale, args, err, stderr.String())
			}
			if stderr.Len() != 0 {
				t.Errorf("%v qscert %s: stderr %q", locale, strings.Join(args, " "), stderr.String())
			}
			if stdout.Len() == 0 {
				t.Errorf("%v qscert %s printed nothing", locale, strings.Join(args, " "))
			}
		}
	}
}

// withoutLocale drops the locale variables of the test's own environment.
func withoutLocale(env []string) []string {
	var out []string
	for _, kv := range env {
		name, _, _ := strings.Cut(kv, "=")
		switch name {
		case "LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES":
			continue
		}
		out = append(out, kv)
	}
	return out
}
