package wizard

import (
	"errors"
	"runtime"
	"strings"

	"github.com/sqweek/dialog"
	"golang.org/x/sys/windows"
)

// newPicker is Windows' own file and folder choosers (comdlg32's
// GetOpenFileName / GetSaveFileName, shell32's SHBrowseForFolder, through
// github.com/sqweek/dialog): the ones Windows users know, with their
// places, and in the system's language.
func newPicker(w *Wizard) picker { return nativePicker{w: w} }

type nativePicker struct{ w *Wizard }

func (p nativePicker) folder(title, start string, chosen func(string)) {
	p.run(chosen, func() (string, error) {
		return dialog.Directory().Title(title).SetStartDir(start).Browse()
	})
}

func (p nativePicker) openFile(title, start string, filter fileFilter, chosen func(string)) {
	p.run(chosen, func() (string, error) {
		return dialog.File().Title(title).Filter(filter.desc, bare(filter.exts)...).SetStartDir(start).Load()
	})
}

func (p nativePicker) saveFile(title, start, name string, filter fileFilter, chosen func(string)) {
	p.run(chosen, func() (string, error) {
		path, err := dialog.File().Title(title).Filter(filter.desc, bare(filter.exts)...).SetStartDir(start).SetStartFile(name).Save()
		if err == nil && !strings.Contains(baseName(path), ".") && len(filter.exts) > 0 {
			path += filter.exts[0] // GetSaveFileName adds no extension by itself
		}
		return path, err
	})
}

// run shows a chooser on a thread of its own, so that the window keeps
// drawing, and hands the path back on the UI thread. The chooser is not
// owned by the window (sqweek/dialog passes no owner), so the wizard
// counts it as an open dialog: Enter and Escape do nothing on the page
// meanwhile.
func (p nativePicker) run(chosen func(string), show func() (string, error)) {
	w := p.w
	d := &nativeDialog{}
	w.openDialog(d, nil)
	w.jobs.Add(1)
	go func() {
		defer w.jobs.Done()
		path, err := onCOMThread(show)
		w.onUI(func() {
			d.closed()
			if err == nil && path != "" {
				chosen(path)
			} else if err != nil && !errors.Is(err, dialog.ErrCancelled) {
				w.showError(err)
			}
			w.refresh()
		})
	}()
}

// onCOMThread runs f on an OS thread of its own with COM initialised as
// SHBrowseForFolder's new dialog style requires (single-threaded
// apartment).
func onCOMThread(f func() (string, error)) (string, error) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	// COINIT_APARTMENTTHREADED: the shell's dialogs need an STA.
	if err := windows.CoInitializeEx(0, windows.COINIT_APARTMENTTHREADED); err == nil {
		defer windows.CoUninitialize()
	}
	return f()
}

// nativeDialog stands for a Windows chooser on the wizard's dialog stack.
// It cannot be closed from here: Escape goes to the chooser itself.
type nativeDialog struct{ onClosed func() }

func (d *nativeDialog) Show()                {}
func (d *nativeDialog) Dismiss()             {}
func (d *nativeDialog) SetOnClosed(f func()) { d.onClosed = f }
func (d *nativeDialog) closed() {
	if d.onClosed != nil {
		d.onClosed()
	}
}

// bare is extensions without their dot, as sqweek/dialog wants them.
func bare(exts []string) []string {
	out := make([]string, len(exts))
	for i, e := range exts {
		out[i] = strings.TrimPrefix(e, ".")
	}
	return out
}

func baseName(path string) string {
	if i := strings.LastIndexAny(path, `\/`); i >= 0 {
		return path[i+1:]
	}
	return path
}
