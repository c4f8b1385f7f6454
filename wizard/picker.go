package wizard

// picker opens the choosers for a folder, a file to read and a file to
// write. On Windows they are Windows' own (picker_windows.go), which users
// know and which speak the system's language; elsewhere they are Fyne's
// (picker_fyne.go). chosen is called on the UI thread with the path, and
// not at all when the user cancels.
type picker interface {
	folder(title, start string, chosen func(dir string))
	openFile(title, start string, filter fileFilter, chosen func(path string))
	saveFile(title, start, name string, filter fileFilter, chosen func(path string))
}

// fileFilter is what a file chooser lists: a description and extensions
// (".pfx").
type fileFilter struct {
	desc string
	exts []string
}
