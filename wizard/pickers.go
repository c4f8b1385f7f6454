package wizard

import (
	"os"
	"path/filepath"

	"qscert/certs/qlik"
	"qscert/wizard/flow"

	"fyne.io/fyne/v2"
)

// chooseFolder opens the folder picker, starting from the last folder.
func (p *filesPage) chooseFolder() {
	w := p.w
	w.picker.folder(w.t("wizard.files.pick.folder.title"), startFolder(w.flow.Folder(), w.flow.Files()), p.setFolder)
}

// chooseFile adds one file to the selection, for exports copied file by
// file or mixed with other files, or a zip of the export.
func (p *filesPage) chooseFile() {
	w := p.w
	filter := fileFilter{desc: w.t("wizard.files.pick.file.filter"), exts: qlik.PickerExtensions}
	w.picker.openFile(w.t("wizard.files.pick.file.title"), startFolder(w.flow.Folder(), w.flow.Files()), filter, p.addFile)
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
	if w.restoring() || w.dialogOpen() {
		return // an export dropped while restoring, or over a dialog, is not taken
	}
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
