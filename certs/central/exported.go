package central

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"qscert/certs/coded"
)

// Limits of Exported Certificates, far above what a site holds (an
// export is about 10 kB): the backup zips it in memory, and a restore
// extracts the zip, so both are bounded.
const (
	MaxExportedBytes = 64 << 20
	MaxExportedFiles = 10_000
	maxExportedDepth = 8
)

// ExportedName is the zip of Exported Certificates in the procedure's
// folder.
const ExportedName = "exported-certificates.zip"

// Exported is what the Exported Certificates folder holds.
type Exported struct {
	Path   string `json:"path"`
	Exists bool   `json:"exists"`
	// Machines are its sub-folders: the machines exports were made for,
	// which need a new one.
	Machines []string `json:"machines"`
	Files    int      `json:"files"`
	Bytes    int64    `json:"bytes"`
}

// scanExported reads what the folder holds, without reading the files.
func scanExported(files Files, dir string) (Exported, error) {
	ex := Exported{Path: dir, Machines: []string{}}
	info, err := files.Stat(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return ex, nil
	}
	if err != nil {
		return ex, coded.New(CodeExportedUnreadable, err, "folder", dir)
	}
	if !info.IsDir() {
		return ex, coded.New(CodeExportedUnreadable, errors.New("not a folder"), "folder", dir)
	}
	ex.Exists = true
	err = walkExported(files, dir, "", 0, func(rel string, size int64) error {
		ex.Files++
		ex.Bytes += size
		if ex.Files > MaxExportedFiles || ex.Bytes > MaxExportedBytes {
			return coded.New(CodeExportedTooLarge, nil, "folder", dir, "files", fmt.Sprint(MaxExportedFiles), "mb", fmt.Sprint(MaxExportedBytes>>20))
		}
		return nil
	}, func(rel string) {
		if !strings.Contains(rel, "/") {
			ex.Machines = append(ex.Machines, rel)
		}
	})
	sort.Strings(ex.Machines)
	return ex, err
}

// walkExported visits the regular files and folders under dir (links and
// other kinds are left out: an export is plain files), in name order.
func walkExported(files Files, dir, rel string, depth int, file func(rel string, size int64) error, folder func(rel string)) error {
	if depth > maxExportedDepth {
		return nil
	}
	entries, err := files.ReadDir(filepath.Join(dir, filepath.FromSlash(rel)))
	if err != nil {
		return coded.New(CodeExportedUnreadable, err, "folder", dir)
	}
	for _, e := range entries {
		name := path.Join(rel, e.Name())
		switch {
		case e.Type().IsDir():
			if folder != nil {
				folder(name)
			}
			if err := walkExported(files, dir, name, depth+1, file, folder); err != nil {
				return err
			}
		case e.Type().IsRegular():
			info, err := e.Info()
			if err != nil {
				return coded.New(CodeExportedUnreadable, err, "folder", dir)
			}
			if err := file(name, info.Size()); err != nil {
				return err
			}
		}
	}
	return nil
}

// zipExported writes the folder's files and folders into a zip, in
// memory within the limits.
func zipExported(files Files, dir string) ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	total := int64(0)
	count := 0
	err := walkExported(files, dir, "", 0, func(rel string, size int64) error {
		count++
		if count > MaxExportedFiles {
			return coded.New(CodeExportedTooLarge, nil, "folder", dir, "files", fmt.Sprint(MaxExportedFiles), "mb", fmt.Sprint(MaxExportedBytes>>20))
		}
		data, err := files.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)), MaxExportedBytes-total)
		if err != nil {
			return coded.New(CodeExportedUnreadable, err, "folder", dir)
		}
		total += int64(len(data))
		w, err := zw.Create(rel)
		if err != nil {
			return err
		}
		_, err = w.Write(data)
		return err
	}, func(rel string) {
		_, _ = zw.Create(rel + "/")
	})
	if err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// unzipExported puts a zip made by zipExported back into dir, refusing
// any entry that would land outside it or pass the limits.
func unzipExported(files Files, data []byte, dir string) error {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return coded.New(CodeExportedUnreadable, err, "folder", dir)
	}
	if len(zr.File) > 2*MaxExportedFiles {
		return coded.New(CodeExportedTooLarge, nil, "folder", dir, "files", fmt.Sprint(MaxExportedFiles), "mb", fmt.Sprint(MaxExportedBytes>>20))
	}
	if err := files.MkdirAll(dir); err != nil {
		return coded.New(CodeExportedUnreadable, err, "folder", dir)
	}
	total := int64(0)
	for _, f := range zr.File {
		name := strings.TrimSuffix(f.Name, "/")
		if name == "" || !fs.ValidPath(name) || strings.Contains(name, `\`) {
			return coded.New(CodeExportedUnreadable, fmt.Errorf("entry %q", f.Name), "folder", dir)
		}
		target := filepath.Join(dir, filepath.FromSlash(name))
		if strings.HasSuffix(f.Name, "/") {
			if err := files.MkdirAll(target); err != nil {
				return coded.New(CodeExportedUnreadable, err, "folder", dir)
			}
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return coded.New(CodeExportedUnreadable, err, "folder", dir)
		}
		content, err := io.ReadAll(io.LimitReader(rc, MaxExportedBytes-total+1))
		rc.Close()
		total += int64(len(content))
		if err != nil || total > MaxExportedBytes {
			return coded.New(CodeExportedTooLarge, err, "folder", dir, "files", fmt.Sprint(MaxExportedFiles), "mb", fmt.Sprint(MaxExportedBytes>>20))
		}
		if err := files.MkdirAll(filepath.Dir(target)); err != nil {
			return coded.New(CodeExportedUnreadable, err, "folder", dir)
		}
		if err := files.WriteFile(target, content, 0o600); err != nil {
			return coded.New(CodeExportedUnreadable, err, "folder", dir)
		}
	}
	return nil
}
