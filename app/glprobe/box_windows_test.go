package glprobe

import (
	"strings"
	"testing"
	"time"
	"unsafe"

	"golang.org/x/sys/windows"
)

// The test answers the real box the way a user would: it finds the
// box's window by its caption, reads its text, and presses a button.
var (
	testUser32         = windows.NewLazySystemDLL("user32.dll")
	procFindWindowW    = testUser32.NewProc("FindWindowW")
	procGetDlgItemText = testUser32.NewProc("GetDlgItemTextW")
	procPostMessageW   = testUser32.NewProc("PostMessageW")
)

const (
	wmCommand     = 0x0111 // WM_COMMAND
	idNo          = 7      // IDNO
	messageTextID = 0xFFFF // the static control that holds a message box's text
)

// answerBox waits for the box titled caption, returns its text and
// presses button (IDYES or IDNO).
func answerBox(t *testing.T, caption string, button uintptr) <-chan string {
	got := make(chan string, 1)
	go func() {
		c, _ := windows.UTF16PtrFromString(caption)
		deadline := time.Now().Add(20 * time.Second)
		for time.Now().Before(deadline) {
			hwnd, _, _ := procFindWindowW.Call(0, uintptr(unsafe.Pointer(c)))
			if hwnd == 0 {
				time.Sleep(20 * time.Millisecond)
				continue
			}
			buf := make([]uint16, 8192)
			procGetDlgItemText.Call(hwnd, messageTextID, uintptr(unsafe.Pointer(&buf[0])), uintptr(len(buf)))
			got <- windows.UTF16ToString(buf)
			procPostMessageW.Call(hwnd, wmCommand, button, 0)
			return
		}
		got <- ""
		t.Error("no message box appeared")
	}()
	return got
}

func TestMessageBoxShowsTheExplanationAndTakesTheAnswer(t *testing.T) {
	for _, tc := range []struct {
		lang    string
		button  uintptr
		want    Start
		caption string
		words   []string
	}{
		{"en", idYes, StartConsole, "Qlik Sense Certificate Wizard", []string{"Remote Desktop session", "bEnumerateHWBeforeSW", "console window instead?"}},
		{"fr", idNo, StartQuit, "Assistant de certificats Qlik Sense", []string{"session Bureau à distance", "opengl32.dll", "fenêtre de console à la place ?"}},
	} {
		text := answerBox(t, tc.caption, tc.button)
		d := choose(refused, Config{Lang: tc.lang, Getenv: fakeEnv(nil)}, "windows")
		shown := <-text
		if d.Start != tc.want || d.Told != "box" {
			t.Errorf("%s: %+v", tc.lang, d)
		}
		for _, w := range tc.words {
			if !strings.Contains(shown, w) {
				t.Errorf("%s: the box says %q, without %q", tc.lang, shown, w)
			}
		}
	}
}
