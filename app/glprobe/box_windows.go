package glprobe

import "golang.org/x/sys/windows"

// Message box styles and answers, with their C names.
const (
	mbYesNo         = 0x00000004 // MB_YESNO
	mbIconWarning   = 0x00000030 // MB_ICONWARNING
	mbSetForeground = 0x00010000 // MB_SETFOREGROUND: no window of ours is in front yet
	idYes           = 6          // IDYES
)

// messageBox shows text with Yes and No (user32 MessageBoxW, owned by no
// window) and reports whether Yes was chosen. A box that cannot be shown
// counts as No: quitting is safer than starting something unasked.
func messageBox(text, caption string) bool {
	t, err := windows.UTF16PtrFromString(text)
	if err != nil {
		return false
	}
	c, err := windows.UTF16PtrFromString(caption)
	if err != nil {
		return false
	}
	ret, _ := windows.MessageBox(0, t, c, mbYesNo|mbIconWarning|mbSetForeground)
	return ret == idYes
}
