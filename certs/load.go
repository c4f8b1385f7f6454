package certs

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"qscert/certs/coded"
)

// exportExtensions are the file name endings LoadExport looks at. Other files
// in the folder (a README, a zip of the export) are ignored.
var exportExtensions = []string{".pem", ".cer", ".crt", ".der", ".pfx", ".p12", ".key"}

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
		if isExportFileName(e.Name()) {
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

// qmcNames are the file names a QMC export has, in either format.
var qmcNames = map[string]bool{
	"client.pem": true, "client_key.pem": true, "server.pem": true, "server_key.pem": true, "root.pem": true,
	"client.pfx": true, "server.pfx": true, "root.cer": true,
}

func isQMCName(name string) bool { return qmcNames[strings.ToLower(name)] }

func isExportFileName(name string) bool {
	lower := strings.ToLower(name)
	for _, ext := range exportExtensions {
		if strings.HasSuffix(lower, ext) {
			return true
		}
	}
	return false
}

func loadPaths(paths []string, password string) *Export {
	// The names the QMC writes come first, so that when a folder holds a
	// stray copy ("root (2).pem") the real file wins and the copy is the
	// one reported.
	sort.SliceStable(paths, func(i, j int) bool {
		ci, cj := isQMCName(filepath.Base(paths[i])), isQMCName(filepath.Base(paths[j]))
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
func fileFinding(err error, name string) Finding {
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
