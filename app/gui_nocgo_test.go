//go:build !cgo

package app

import (
	"strings"
	"testing"
)

func TestWithoutCgoTheWindowSaysToUseTheCommands(t *testing.T) {
	env, out, errOut := testEnv("", nil)
	if code := Run(env, nil); code != ExitUsage {
		t.Fatalf("exit %d, want %d", code, ExitUsage)
	}
	if !strings.Contains(errOut.String(), "qscert help") || out.Len() != 0 {
		t.Fatalf("stderr %q, stdout %q", errOut, out)
	}
}
