package console

import "golang.org/x/sys/windows"

// Wine's console is the one place the console wizard treats differently
// from Windows, and this file is where. Run from a terminal, Wine's
// console (Wine 8) takes ENABLE_VIRTUAL_TERMINAL_PROCESSING and passes
// huh's escape sequences on to that terminal, but keeps a screen buffer
// of its own that does not follow them: lines a form erased come back,
// and text wraps at the buffer's width rather than the terminal's. A
// finished form then stays half drawn on the screen, the demo's password
// hint with it. So under Wine the wizard asks with plain lines. Windows'
// own consoles never come here: ntdll exports wine_get_version only
// under Wine.
func wineConsole() bool {
	return windows.NewLazySystemDLL("ntdll.dll").NewProc("wine_get_version").Find() == nil
}
