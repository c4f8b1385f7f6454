package secretfile_test

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf16"

	"qscert/certs/boundedfile"
	"qscert/certs/coded"
	"qscert/certs/secretfile"
)

// utf16File is what Windows writes for s in UTF-16 with a BOM: PowerShell
// 5.1's `>` and Out-File's default (LE), Notepad's "UTF-16 LE" and
// "UTF-16 BE".
func utf16File(s string, order binary.AppendByteOrder) []byte {
	var out []byte
	for _, u := range append([]uint16{0xFEFF}, utf16.Encode([]rune(s))...) {
		out = order.AppendUint16(out, u)
	}
	return out
}

const utf8BOM = "\xEF\xBB\xBF"

func TestPasswordFilesAsWindowsWritesThem(t *testing.T) {
	const pw = "Export-pw-2026é€"
	for _, c := range []struct {
		name string
		data []byte
	}{
		{"echo (Linux, LF)", []byte(pw + "\n")},
		{"no line ending", []byte(pw)},
		{"Notepad UTF-8 (CRLF)", []byte(pw + "\r\n")},
		{"Notepad UTF-8 with BOM", []byte(utf8BOM + pw + "\r\n")},
		{"PowerShell 5.1 Out-File -Encoding utf8", []byte(utf8BOM + pw + "\r\n")},
		{"PowerShell 5.1 \"pw\" > file (UTF-16LE BOM, CRLF)", utf16File(pw+"\r\n", binary.LittleEndian)},
		{"Notepad UTF-16 BE", utf16File(pw+"\r\n", binary.BigEndian)},
		{"UTF-16LE without line ending", utf16File(pw, binary.LittleEndian)},
		{"old Mac CR", []byte(pw + "\rsecond line")},
		{"more lines after", []byte(pw + "\nnot the password\n")},
	} {
		got, err := secretfile.Password(c.data)
		if err != nil || got != pw {
			t.Errorf("%s: Password = %q, %v; want %q", c.name, got, err, pw)
		}
	}
}

func TestPasswordKeepsSpacesAndTheEmptyPassword(t *testing.T) {
	for data, want := range map[string]string{
		"":                 "",
		"\n":               "",
		utf8BOM:            "",
		" pw with spaces ": " pw with spaces ",
		"\tpw\r\n":         "\tpw",
	} {
		if got, err := secretfile.Password([]byte(data)); err != nil || got != want {
			t.Errorf("Password(%q) = %q, %v; want %q", data, got, err, want)
		}
	}
}

func TestUndecodablePasswordFiles(t *testing.T) {
	for name, data := range map[string][]byte{
		"ANSI (Windows-1252) é":     []byte("caf\xe9\r\n"),
		"UTF-16LE without a BOM":    utf16File("pw", binary.LittleEndian)[2:],
		"UTF-16LE with an odd byte": append(utf16File("pw", binary.LittleEndian), 'x'),
		"unpaired surrogate":        {0xFF, 0xFE, 0x00, 0xD8, 'a', 0},
		"bad UTF-8 after a BOM":     []byte(utf8BOM + "\xff\xfe\xfd"),
	} {
		_, err := secretfile.Password(data)
		if coded.CodeOf(err) != secretfile.CodeEncoding {
			t.Errorf("%s: error = %v, want %s", name, err, secretfile.CodeEncoding)
		}
	}
}

func TestReadPassword(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "pw.txt")
	if err := os.WriteFile(path, utf16File("S3cret!pw\r\n", binary.LittleEndian), 0o600); err != nil {
		t.Fatal(err)
	}
	if got, err := secretfile.ReadPassword(path); err != nil || got != "S3cret!pw" {
		t.Fatalf("ReadPassword = %q, %v", got, err)
	}
	bad := filepath.Join(dir, "ansi.txt")
	if err := os.WriteFile(bad, []byte("caf\xe9"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := secretfile.ReadPassword(bad)
	if e := coded.As(err); e == nil || e.Code != secretfile.CodeEncoding || e.Params["file"] != bad {
		t.Fatalf("ReadPassword(ANSI) = %v", err)
	}
	_, err = secretfile.ReadPassword(dir)
	if coded.CodeOf(err) != boundedfile.CodeNotRegular {
		t.Fatalf("ReadPassword(folder) = %v", err)
	}
	big := filepath.Join(dir, "big.txt")
	if err := os.WriteFile(big, make([]byte, secretfile.MaxFileSize+1), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err = secretfile.ReadPassword(big)
	if coded.CodeOf(err) != boundedfile.CodeTooLarge {
		t.Fatalf("ReadPassword(big) = %v", err)
	}
}

func FuzzPassword(f *testing.F) {
	f.Add([]byte(utf8BOM + "pw\r\n"))
	f.Add(utf16File("pw\r\n", binary.LittleEndian))
	f.Add(utf16File("pw", binary.BigEndian))
	f.Fuzz(func(t *testing.T, data []byte) {
		pw, err := secretfile.Password(data)
		if err != nil {
			if coded.CodeOf(err) != secretfile.CodeEncoding {
				t.Fatalf("uncoded error %v", err)
			}
			return
		}
		for _, r := range pw {
			if r == '\r' || r == '\n' || r == 0 {
				t.Fatalf("password %q keeps %q", pw, r)
			}
		}
	})
}
