package wizard

import (
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
)

// fynePicker is Fyne's file dialog, drawn inside the window. Its buttons
// and title are the wizard's words; the names of its places ("Home",
// "Computer", "Desktop") are Fyne's, untranslated, and its other labels
// follow the system's language, not the wizard's: Fyne 2.7 offers no way
// to set either.
type fynePicker struct{ w *Wizard }

func (p fynePicker) folder(title, start string, chosen func(string)) {
	d := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
		if err == nil && dir != nil {
			chosen(filepath.Clean(dir.Path()))
		}
	}, p.w.win)
	p.show(d, title, p.w.t("wizard.files.pick.confirm"), start)
}

func (p fynePicker) openFile(title, start string, filter fileFilter, chosen func(string)) {
	d := dialog.NewFileOpen(func(f fyne.URIReadCloser, err error) {
		if err != nil || f == nil {
			return
		}
		path := f.URI().Path()
		_ = f.Close() // certs reads the file itself
		chosen(path)
	}, p.w.win)
	d.SetFilter(storage.NewExtensionFileFilter(filter.exts))
	p.show(d, title, p.w.t("wizard.files.pick.confirm"), start)
}

func (p fynePicker) saveFile(title, start, name string, filter fileFilter, chosen func(string)) {
	d := dialog.NewFileSave(func(f fyne.URIWriteCloser, err error) {
		if err != nil || f == nil {
			return
		}
		path := f.URI().Path()
		_ = f.Close() // the file is written beside it and renamed into place
		chosen(path)
	}, p.w.win)
	d.SetFileName(name)
	d.SetFilter(storage.NewExtensionFileFilter(filter.exts))
	p.show(d, title, p.w.t("wizard.save"), start)
}

// show translates what Fyne's dialog lets us set, sizes it to the window,
// opens it where the user was last, and lets it own the keyboard.
func (p fynePicker) show(d *dialog.FileDialog, title, confirm, start string) {
	w := p.w
	d.SetTitleText(title)
	d.SetConfirmText(confirm)
	d.SetDismissText(w.t("wizard.cancel"))
	if start != "" {
		if l, err := storage.ListerForURI(storage.NewFileURI(start)); err == nil {
			d.SetLocation(l)
		}
	}
	d.Resize(w.win.Canvas().Size())
	w.openDialog(d, nil)
}
