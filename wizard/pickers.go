package wizard

import (
	"os"
	"path/filepath"

	"qscert/certs/qlik"

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
	d.SetFilter(storage.NewExtensionFileFilter(qlik.ExportExtensions))
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
	if start := startFolder(w.st); start != "" {
		if l, err := storage.ListerForURI(storage.NewFileURI(start)); err == nil {
			d.SetLocation(l)
		}
	}
	d.Resize(w.win.Canvas().Size())
}

// startFolder is the folder a picker opens in: the one chosen, or its
// parent (the "Exported Certificates" folder with one folder per machine).
func startFolder(st *state) string {
	dir := st.folder
	if dir == "" && len(st.files) > 0 {
		dir = filepath.Dir(st.files[0])
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

// dropped takes a folder (or files) dropped anywhere on the window. Before
// the files page it moves there, since that is what the user is doing.
func (w *Wizard) dropped(_ fyne.Position, uris []fyne.URI) {
	if len(uris) == 0 || w.step().isBusy() || w.current > w.indexOf("files") {
		return
	}
	var files []string
	for _, u := range uris {
		if u.Scheme() != "file" {
			continue
		}
		if info, err := os.Stat(u.Path()); err == nil && info.IsDir() {
			if w.current < w.indexOf("files") {
				w.show(w.indexOf("files"))
			}
			w.pageFiles().setFolder(u.Path())
			return
		}
		files = append(files, u.Path())
	}
	if len(files) == 0 {
		return
	}
	if w.current < w.indexOf("files") {
		w.show(w.indexOf("files"))
	}
	for _, f := range files {
		w.pageFiles().addFile(f)
	}
}

// indexOf returns the position of the step with that id, or -1.
func (w *Wizard) indexOf(id string) int {
	for i, s := range w.steps {
		if s.id == id {
			return i
		}
	}
	return -1
}
