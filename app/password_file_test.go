package app

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf16"

	"qscert/certs/certstest"
	"qscert/certs/qlik"
)

// Password files come as Notepad (a UTF-8 BOM) and PowerShell 5.1's >
// (UTF-16LE with a BOM and CRLF) write them; the right password in either
// opens the export.
func TestPasswordFilesAsWindowsToolsWriteThem(t *testing.T) {
	const pw = "Mot-de-passe-é2026"
	dir := writeExport(t, certstest.WriteOptions{Format: qlik.FormatWindows, Password: pw})
	utf16le := []byte{0xFF, 0xFE}
	for _, u := range utf16.Encode([]rune(pw + "\r\n")) {
		utf16le = append(utf16le, byte(u), byte(u>>8))
	}
	for name, data := range map[string][]byte{
		"notepad":    append([]byte{0xEF, 0xBB, 0xBF}, []byte(pw+"\r\n")...),
		"powershell": utf16le,
	} {
		file := filepath.Join(t.TempDir(), name+".txt")
		if err := os.WriteFile(file, data, 0o600); err != nil {
			t.Fatal(err)
		}
		env, out, errOut := testEnv("", nil)
		if code := Run(env, []string{"validate", dir, "--password-file", file, "--machine", cliMachine, "--lang", "en"}); code != ExitOK {
			t.Errorf("%s: exit %d\n%s\n%s", name, code, out, errOut)
		}
	}
}
