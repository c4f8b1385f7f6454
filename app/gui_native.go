//go:build cgo

package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"
)

// nativeHandle is the window's HWND on Windows, for the UAC prompt to
// belong to it (it comes to the front with it); 0 elsewhere or when the
// driver does not say.
func nativeHandle(w fyne.Window) uintptr {
	var hwnd uintptr
	if nw, ok := w.(driver.NativeWindow); ok {
		nw.RunNative(func(ctx any) {
			if wc, ok := ctx.(driver.WindowsWindowContext); ok {
				hwnd = wc.HWND
			}
		})
	}
	return hwnd
}
