package flow

// DropFolder takes a folder dropped onto the window. Before the files
// step it moves there, since that is what the user is doing; after it, or
// while an install runs, the drop is ignored. It reports whether it was
// taken.
func (f *Install) DropFolder(dir string) bool {
	if !f.toFiles() {
		return false
	}
	f.files = nil
	f.Set(FieldFolder, dir)
	return true
}

// DropFiles takes files dropped onto the window, as DropFolder does a
// folder. One zip dropped alone is taken as the export folder: it holds
// the whole export, and the folder field shows it.
func (f *Install) DropFiles(paths []string) bool {
	if len(paths) == 1 && isArchive(paths[0]) {
		return f.DropFolder(paths[0])
	}
	if len(paths) == 0 || !f.toFiles() {
		return false
	}
	for _, p := range paths {
		f.AddFile(p)
	}
	return true
}

// toFiles moves to the files step for a drop, unless the drop comes too
// late.
func (f *Install) toFiles() bool {
	files := f.IndexOf(StepFiles)
	if f.Busy() || f.index > files {
		return false
	}
	if f.index < files {
		f.moveTo(files)
	}
	return true
}
