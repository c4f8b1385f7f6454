package accounts

import (
	"encoding/binary"
	"encoding/xml"
	"strings"
	"testing"
	"unicode/utf16"
)

// decodeTask reads taskXML's output back as the Task Scheduler would.
func decodeTask(t *testing.T, b []byte) (text string, task struct {
	UserID    string `xml:"Principals>Principal>UserId"`
	LogonType string `xml:"Principals>Principal>LogonType"`
	Command   string `xml:"Actions>Exec>Command"`
	Arguments string `xml:"Actions>Exec>Arguments"`
}) {
	t.Helper()
	if len(b) < 2 || b[0] != 0xFF || b[1] != 0xFE || len(b)%2 != 0 {
		t.Fatal("not UTF-16LE with a byte-order mark")
	}
	u := make([]uint16, 0, len(b)/2)
	for i := 2; i < len(b); i += 2 {
		u = append(u, binary.LittleEndian.Uint16(b[i:]))
	}
	text = string(utf16.Decode(u))
	d := xml.NewDecoder(strings.NewReader(strings.Replace(text, `encoding="UTF-16"`, `encoding="UTF-8"`, 1)))
	if err := d.Decode(&task); err != nil {
		t.Fatal(err)
	}
	return text, task
}

func TestTaskXML(t *testing.T) {
	prog := `C:\Program Files\qscert & co\qscert.exe`
	args := `install-for-account --accounts-pipe=\\.\pipe\qscert-run-00 "<x>"`
	for _, c := range []struct {
		a           Account
		user, logon string
	}{
		{Account{Name: `NT AUTHORITY\SYSTEM`, SID: SIDLocalSystem, Kind: KindLocalSystem}, SIDLocalSystem, "ServiceAccount"},
		{Account{Name: `NT AUTHORITY\NETWORK SERVICE`, SID: SIDNetworkService, Kind: KindNetworkService}, SIDNetworkService, "ServiceAccount"},
		{Account{Name: `CORP\gmsa-report$`, SID: "S-1-5-21-1-2-3-1106", Kind: KindManaged}, `CORP\gmsa-report$`, "Password"},
	} {
		text, task := decodeTask(t, taskXML(c.a, prog, args))
		if task.UserID != c.user || task.LogonType != c.logon || task.Command != prog || task.Arguments != args {
			t.Errorf("%s: %+v", c.a.Name, task)
		}
		// No trigger: it runs only when started, once.
		if strings.Contains(text, "<Triggers>") || strings.Contains(text, "<Password>") {
			t.Errorf("%s: a trigger or a password in the definition", c.a.Name)
		}
	}
}
