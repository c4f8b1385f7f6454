//go:build cgo

package app

import (
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"

	"qscert/wizard"
)

// settle is how long a page is given to be drawn before it is captured.
const settle = 600 * time.Millisecond

// takeScreenshots walks the wizard's pages and saves one picture per page,
// <dir>/<lang>-<n>-<step>, then quits. tools/screenshots.sh runs the demo
// under Xvfb with QSCERT_SCREENSHOT_DIR set.
//
// With fb set (Xvfb's frame buffer file, -fbdir) each picture is a copy of
// that file (.xwd, which the script crops and converts): under Xvfb with
// Mesa llvmpipe, reading the GL front buffer (Canvas.Capture) gives an
// empty image. Without it, Canvas.Capture writes a PNG, which works with a
// real GPU driver.
// After the install flow's pages it opens the wizard again (again) and
// walks the restore flow, which restores the backup the tour's install
// made.
func takeScreenshots(a fyne.App, w fyne.Window, wiz *wizard.Wizard, again func() *wizard.Wizard, dir, fb string) {
	defer fyne.Do(a.Quit)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		fyne.LogError("screenshots", err)
		return
	}
	time.Sleep(2 * settle) // the window's first frames
	n := 0
	shot := func(name string) {
		// n is the number of the last page shot: a page's extra pictures
		// (4-account-machine) share its number, so the next tour goes on
		// from the page after it, not after the pictures.
		if page, _, ok := strings.Cut(name, "-"); ok {
			if k, err := strconv.Atoi(page); err == nil && k > n {
				n = k
			}
		}
		time.Sleep(settle)
		base := filepath.Join(dir, wiz.Lang()+"-"+name)
		var err error
		if fb != "" {
			err = copyFile(fb, base+".xwd")
		} else {
			var img image.Image
			fyne.DoAndWait(func() { img = w.Canvas().Capture() })
			err = writePNG(base+".png", img)
		}
		if err != nil {
			fyne.LogError("screenshot "+name, err)
		}
	}
	wiz.Tour(shot)
	var next *wizard.Wizard
	fyne.DoAndWait(func() { next = again() })
	next.Wait()
	time.Sleep(settle)
	next.TourRestore(n+1, shot)
	// Flow B, on the demo's simulated central node.
	var third *wizard.Wizard
	fyne.DoAndWait(func() { third = again() })
	third.Wait()
	time.Sleep(settle)
	third.TourRecreate(n+1, shot)
}

func copyFile(from, to string) error {
	data, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	return os.WriteFile(to, data, 0o644)
}

func writePNG(path string, img image.Image) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := png.Encode(f, img); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
