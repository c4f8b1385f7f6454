package flow

import (
	"path/filepath"
	"strings"

	"qscert/certs/export"
)

// ZipChoice is one export inside a zip of several machines' exports.
type ZipChoice struct {
	Folder string // inside the zip: "Exported Certificates/rep01"
	Path   string // what the export folder field takes: "C:\Downloads\export.zip\Exported Certificates\rep01"
}

// ZipChoices are the exports a zip of several machines' exports holds,
// each as a path the export folder field takes ("export.zip\rep01", as
// Explorer shows it), when the last check found such a zip; nil
// otherwise. certs does not guess which one is this computer's: the user
// chooses, and SetFolder takes the choice.
//
// They come from the zip-several-exports finding's parameters: example is
// the zip's path joined with the first folder, and folders lists them all
// as "rep01/, rep02/" (a folder whose name holds ", " is not offered).
func (f *Install) ZipChoices() []ZipChoice {
	if f.report == nil || f.checked != f.exportRev {
		return nil
	}
	for _, x := range f.report.Findings {
		if x.Code != export.CodeZipSeveralExports {
			continue
		}
		var folders []string
		for _, name := range strings.Split(x.Params["folders"], ", ") {
			if name = strings.TrimSuffix(name, "/"); name != "" {
				folders = append(folders, name)
			}
		}
		if len(folders) < 2 {
			return nil
		}
		zip, ok := strings.CutSuffix(x.Params["example"], filepath.FromSlash(folders[0]))
		zip = strings.TrimRight(zip, `\/`)
		if !ok || zip == "" {
			return nil
		}
		out := make([]ZipChoice, len(folders))
		for i, name := range folders {
			out[i] = ZipChoice{Folder: name, Path: filepath.Join(zip, filepath.FromSlash(name))}
		}
		return out
	}
	return nil
}

// isArchive: a file that holds a whole export (a .zip).
func isArchive(path string) bool {
	return strings.EqualFold(filepath.Ext(path), ".zip")
}
