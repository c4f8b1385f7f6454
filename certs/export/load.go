package export

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"unicode/utf8"

	"qscert/certs/coded"
	"qscert/certs/finding"
	"qscert/certs/qlik"
)

// LoadExport reads a QMC export in either format (PEM or Windows) and
// detects which. dir is a folder, a .zip of the export (with or without
// its folder inside), or a folder inside a zip written as Explorer shows
// it ("C:\Downloads\export.zip\rep01"). Roles and keys are found from the
// files' content, not their names. Problems with single files, and with
// the zip, become findings; the error is only for a path that cannot be
// used at all (folder-not-found, folder-unreadable).
func LoadExport(dir, password string) (*Export, error) {
	info, err := os.Stat(dir)
	if err != nil {
		// On Linux, stat of "export.zip/rep01" fails with ENOTDIR, on
		// Windows with "path not found": look for the zip above.
		if zipPath, inner, ok := zipAbove(dir); ok {
			return loadZipExport(zipPath, inner, password), nil
		}
		if errors.Is(err, fs.ErrNotExist) {
			return nil, coded.New(CodeFolderNotFound, err, "folder", dir)
		}
		return nil, coded.New(CodeFolderUnreadable, err, "folder", dir)
	}
	if info.Mode().IsRegular() && (isZipName(dir) || startsLikeZip(dir)) {
		return loadZipExport(dir, "", password), nil
	}
	if !info.IsDir() {
		return nil, coded.New(CodeFolderUnreadable, errors.New("not a folder"), "folder", dir)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, coded.New(CodeFolderUnreadable, err, "folder", dir)
	}
	var sources []source
	for _, e := range entries {
		if qlik.IsExportFileName(e.Name()) {
			sources = append(sources, fileSource(filepath.Join(dir, e.Name())))
		}
	}
	exp := loadSources(sources, password)
	exp.Dir = dir
	return exp, nil
}

// LoadFiles reads export files chosen one by one, as when the user picks
// files rather than a folder. A picked .zip adds the export it holds; its
// files are named by their path inside it ("export.zip/rep01/client.pfx").
func LoadFiles(paths []string, password string) *Export {
	var sources []source
	var zipFindings []finding.Finding
	for _, p := range paths {
		if !isZipName(p) {
			sources = append(sources, fileSource(p))
			continue
		}
		z, problem := readZip(p)
		if problem == nil {
			var folder string
			folder, problem = z.choose("", func(folder string) string { return filepath.Join(p, filepath.FromSlash(folder)) })
			sources = append(sources, z.sources(folder, z.shown)...)
		}
		if problem != nil {
			zipFindings = append(zipFindings, *problem)
		}
	}
	exp := loadSources(sources, password)
	exp.Findings = append(zipFindings, exp.Findings...)
	if len(paths) > 0 {
		exp.Dir = filepath.Dir(paths[0])
	}
	return exp
}

// loadZipExport reads the export a zip holds, in the folder inner inside
// it ("" to find the one folder that holds an export).
func loadZipExport(zipPath, inner, password string) *Export {
	z, problem := readZip(zipPath)
	var folder string
	if problem == nil {
		folder, problem = z.choose(inner, func(folder string) string { return filepath.Join(zipPath, filepath.FromSlash(folder)) })
	}
	if problem != nil {
		return &Export{Dir: zipPath, Format: qlik.FormatNone, Files: []string{problem.File}, Findings: []finding.Finding{*problem}}
	}
	exp := loadSources(z.sources(folder, ""), password)
	exp.Dir = filepath.Join(zipPath, filepath.FromSlash(folder))
	return exp
}

// readZip reads a zip file from disk, within MaxZipSize, and opens it.
func readZip(path string) (*zipArchive, *finding.Finding) {
	name := filepath.Base(path)
	data, problem := readLimited(path, name, MaxZipSize, CodeZipTooLarge)
	if problem != nil {
		problem.Role = ""
		delete(problem.Params, "role")
		return nil, problem
	}
	return openZip(data, displayName(name))
}

// zipAbove finds, for a path that does not exist, a zip file among its
// parents: "export.zip/rep01" is the folder rep01 inside export.zip.
func zipAbove(p string) (zipPath, inner string, ok bool) {
	p = filepath.Clean(p)
	for child := p; ; {
		parent := filepath.Dir(child)
		if parent == child {
			return "", "", false
		}
		if info, err := os.Stat(parent); err == nil {
			if !info.Mode().IsRegular() || !(isZipName(parent) || startsLikeZip(parent)) {
				return "", "", false
			}
			rel, err := filepath.Rel(parent, p)
			if err != nil {
				return "", "", false
			}
			return parent, filepath.ToSlash(rel), true
		}
		child = parent
	}
}

// startsLikeZip reports whether a regular file starts with a zip
// signature: a zip renamed without its extension.
func startsLikeZip(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 4)
	n, _ := io.ReadFull(f, head)
	return isZip(head[:n])
}

func loadSources(sources []source, password string) *Export {
	// The names the QMC writes come first, so that when a folder holds a
	// stray copy ("root (2).pem") the real file wins and the copy is the
	// one reported.
	sort.SliceStable(sources, func(i, j int) bool {
		ci, cj := qlik.IsQMCFileName(sources[i].name), qlik.IsQMCFileName(sources[j].name)
		if ci != cj {
			return ci
		}
		return sources[i].shown < sources[j].shown
	})
	a := newAssembly()
	budget := newWorkBudget()
	for _, src := range sources {
		hint := nameHint(src.name)
		if !utf8.ValidString(src.name) {
			a.findings = append(a.findings, newFinding(CodeFileNameNotUTF8, hint, src.shown))
		}
		data, problem := src.read()
		if problem != nil {
			a.failed(hint, *problem)
			continue
		}
		if err := budget.spendFile(len(data)); err != nil {
			a.failed(hint, fileFinding(err, src.name, src.shown))
			break // the rest of the folder is not read either
		}
		p, err := parseFile(src.name, data, password, budget)
		if err != nil {
			a.failed(hint, fileFinding(err, src.name, src.shown))
			continue
		}
		a.add(src.shown, p)
	}
	return a.export()
}

// fileFinding turns a parse error into a finding about that file.
func fileFinding(err error, name, shown string) finding.Finding {
	code := coded.CodeOf(err)
	if code == "" {
		code = CodeFileCorrupt
	}
	f := newFinding(code, nameHint(name), shown)
	if e := coded.As(err); e != nil {
		for k, v := range e.Params {
			f.Params[k] = v
		}
	}
	if cause := errors.Unwrap(err); cause != nil {
		f.Params["detail"] = cause.Error()
	}
	if code == CodeNoPrivateKey && f.Role == qlik.RoleServer {
		f.Severity = coded.SeverityInfo // only Qlik nodes need the server key
	}
	return f
}
