package export_test

import (
	"os"
	"path/filepath"
	"testing"

	"qscert/certs/coded"
	"qscert/certs/export"
)

func TestLoadExportOfAFileIsFolderUnreadable(t *testing.T) {
	file := filepath.Join(t.TempDir(), "client.pfx")
	if err := os.WriteFile(file, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := export.LoadExport(file, "")
	wantCode(t, err, export.CodeFolderUnreadable)
}

func wantCode(t *testing.T, err error, code coded.Code) {
	t.Helper()
	if got := coded.CodeOf(err); got != code {
		t.Fatalf("error = %v (code %q), want code %q", err, got, code)
	}
}
