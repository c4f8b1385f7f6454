package export

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"unicode/utf8"

	"qscert/certs/coded"
	"qscert/certs/finding"
	"qscert/certs/qlik"
)

// LoadExport reads a QMC export folder in either format (PEM or Windows) and
// detects which. Roles and keys are found from the files' content, not their
// names. Problems with single files become findings; the error is only for
// a folder that cannot be used at all (folder-not-found, folder-unreadable).
func LoadExport(dir, password string) (*Export, error) {
	info, err := os.Stat(dir)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, coded.New(CodeFolderNotFound, err, "folder", dir)
		}
		return nil, coded.New(CodeFolderUnreadable, err, "folder", dir)
	}
	if !info.IsDir() {
		return nil, coded.New(CodeFolderUnreadable, errors.New("not a folder"), "folder", dir)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, coded.New(CodeFolderUnreadable, err, "folder", dir)
	}
	var paths []string
	for _, e := range entries {
		if qlik.IsExportFileName(e.Name()) {
			paths = append(paths, filepath.Join(dir, e.Name()))
		}
	}
	exp := loadPaths(paths, password)
	exp.Dir = dir
	return exp, nil
}

// LoadFiles reads export files chosen one by one, as when the user picks
// files rather than a folder.
func LoadFiles(paths []string, password string) *Export {
	exp := loadPaths(paths, password)
	if len(paths) > 0 {
		exp.Dir = filepath.Dir(paths[0])
	}
	return exp
}

func loadPaths(paths []string, password string) *Export {
	// The names the QMC writes come first, so that when a folder holds a
	// stray copy ("root (2).pem") the real file wins and the copy is the
	// one reported.
	sort.SliceStable(paths, func(i, j int) bool {
		ci, cj := qlik.IsQMCFileName(filepath.Base(paths[i])), qlik.IsQMCFileName(filepath.Base(paths[j]))
		if ci != cj {
			return ci
		}
		return paths[i] < paths[j]
	})
	a := newAssembly()
	for _, path := range paths {
		name := filepath.Base(path)
		if !utf8.ValidString(name) {
			a.findings = append(a.findings, newFinding(CodeFileNameNotUTF8, nameHint(name), displayName(name)))
		}
		data, problem := readBounded(path, name)
		if problem != nil {
			a.failed(nameHint(name), *problem)
			continue
		}
		p, err := parseFile(name, data, password)
		if err != nil {
			a.failed(nameHint(name), fileFinding(err, name))
			continue
		}
		a.add(displayName(name), p)
	}
	return a.export()
}

// fileFinding turns a parse error into a finding about that file.
func fileFinding(err error, name string) finding.Finding {
	code := coded.CodeOf(err)
	if code == "" {
		code = CodeFileCorrupt
	}
	f := newFinding(code, nameHint(name), displayName(name))
	if cause := errors.Unwrap(err); cause != nil {
		f.Params["detail"] = cause.Error()
	}
	return f
}
