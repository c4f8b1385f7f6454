package app

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

func TestTheReportIsProposedInDocumentsThenTheDesktop(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("USERPROFILE", home)
	if got := reportFolder(); got != home && !isKnownFolder(got) {
		t.Errorf("without Documents nor Desktop: %q, want the home folder", got)
	}
	desktop := filepath.Join(home, "Desktop")
	if err := os.Mkdir(desktop, 0o700); err != nil {
		t.Fatal(err)
	}
	if got := reportFolder(); got != desktop && !isKnownFolder(got) {
		t.Errorf("with a Desktop: %q", got)
	}
	docs := filepath.Join(home, "Documents")
	if err := os.Mkdir(docs, 0o700); err != nil {
		t.Fatal(err)
	}
	if got := reportFolder(); got != docs && !isKnownFolder(got) {
		t.Errorf("with Documents: %q", got)
	}
	if got := reportFolder(); got == os.TempDir() {
		t.Error("the report is proposed in the temporary folder")
	}
}

// isKnownFolder: on Windows the known folders come first, whatever HOME
// says.
func isKnownFolder(dir string) bool {
	if runtime.GOOS != "windows" {
		return false
	}
	for _, d := range userFolders() {
		if d == dir {
			return true
		}
	}
	return false
}
