package app

import (
	"strings"
	"testing"

	"qscert/app/elevation"
	"qscert/assets/i18n"
	"qscert/certs/coded"
	"qscert/certs/store"
)

// On Windows, not elevated, a store that needs administrator rights gets
// the sentence naming the command to run elevated; elevated, or on another
// system, or for another error, the error stays as it was.
func TestAccessDeniedSaysWhichCommandToRunElevated(t *testing.T) {
	denied := coded.New(store.CodeStoreAccessDenied, nil, "store", "windows", "location", `LocalMachine\Root`)
	args := []string{"C:\\Exports\\rep01", "--password-file", "pw.txt", "--yes"}
	got := elevationAdvice(denied, "install", args, "windows", func() bool { return false })
	if coded.CodeOf(got) != elevation.CodeRequired {
		t.Fatalf("code %q, want elevation-required", coded.CodeOf(got))
	}
	for _, lang := range i18n.Languages {
		s := i18n.New(lang).Error(got)
		if !strings.Contains(s, `qscert install`) || !strings.Contains(s, "--yes") {
			t.Errorf("%s: %q does not name the command", lang, s)
		}
	}
	for name, c := range map[string]struct {
		err      error
		goos     string
		elevated bool
	}{
		"elevated":      {denied, "windows", true},
		"linux":         {denied, "linux", false},
		"another error": {coded.New(store.CodeStoreReadOnly, nil), "windows", false},
	} {
		if got := elevationAdvice(c.err, "install", args, c.goos, func() bool { return c.elevated }); got != c.err {
			t.Errorf("%s: the error changed to %v", name, got)
		}
	}
}
