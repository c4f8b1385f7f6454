package wizard

import (
	"os"
	"path/filepath"

	"qscert/certs/qlik"
	"qscert/wizard/flow"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
)

// chooseFolder opens the folder picker, starting from the last folder.
func (p *filesPage) chooseFolder() {
	w := p.w
	d := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil || dir == nil {
			return
		}
		p.setFolder(dir.Path())
	}, w.win)
	p.preparePicker(d, "wizard.files.pick.folder.title")
	d.Show()
}

// chooseFile adds one file to the selection, for exports copied file by
// file or mixed with other files.
func (p *filesPage) chooseFile() {
	w := p.w
	d := dialog.NewFileOpen(func(f fyne.URIReadCloser, err error) {
		if err != nil || f == nil {
			return
		}
		path := f.URI().Path()
		_ = f.Close() // certs reads the file itself
		p.addFile(path)
	}, w.win)
	d.SetFilter(storage.NewExtensionFileFilter(qlik.PickerExtensions))
	p.preparePicker(d, "wizard.files.pick.file.title")
	d.Show()
}

// preparePicker translates what Fyne's dialog lets us set, sizes it to the
// window and opens it where the user was last.
func (p *filesPage) preparePicker(d *dialog.FileDialog, title string) {
	w := p.w
	d.SetTitleText(w.t(title))
	d.SetConfirmText(w.t("wizard.files.pick.confirm"))
	d.SetDismissText(w.t("wizard.cancel"))
	if start := startFolder(w.flow.Folder(), w.flow.Files()); start != "" {
		if l, err := storage.ListerForURI(storage.NewFileURI(start)); err == nil {
			d.SetLocation(l)
		}
	}
	d.Resize(w.win.Canvas().Size())
}

// startFolder is the folder a picker opens in: the one chosen, or its
// parent (the "Exported Certificates" folder with one folder per machine).
func startFolder(folder string, files []string) string {
	dir := folder
	if dir == "" && len(files) > 0 {
		dir = filepath.Dir(files[0])
	}
	for dir != "" {
		if info, err := os.Stat(dir); err == nil && info.IsDir() {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
	return ""
}

// setFolder selects a folder chosen in the picker.
func (p *filesPage) setFolder(dir string) {
	p.w.flow.Set(flow.FieldFolder, dir)
	p.showFolder(p.w.flow.Folder())
	p.changed()
}

// dropped takes a folder (or files) dropped anywhere on the window. Before
// the files page the flow moves there, since that is what the user is
// doing; on it, the page shows the new choice.
func (w *Wizard) dropped(_ fyne.Position, uris []fyne.URI) {
	before := w.flow.Index()
	switch {
	case !w.drop(uris):
	case w.flow.Index() != before:
		w.show()
	default:
		w.page().enter()
		w.refresh()
	}
}

// drop hands the first folder dropped, or else the files, to the flow, and
// reports whether it took them.
func (w *Wizard) drop(uris []fyne.URI) bool {
	var files []string
	for _, u := range uris {
		if u.Scheme() != "file" {
			continue
		}
		if info, err := os.Stat(u.Path()); err == nil && info.IsDir() {
			return w.flow.DropFolder(u.Path())
		}
		files = append(files, u.Path())
	}
	return w.flow.DropFiles(files)
}
