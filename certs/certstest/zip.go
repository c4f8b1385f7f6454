package certstest

import (
	"archive/zip"
	"bytes"
	"hash/crc32"
	"os"
	"path"
	"path/filepath"
	"sort"
)

// ZipEntry is one entry of a zip made for a test.
type ZipEntry struct {
	Name string
	Data []byte
	// Method is the compression method; 0 means Deflate, as Explorer's
	// "Send to > Compressed (zipped) folder" writes.
	Method uint16
	// Flags are added to the entry's general purpose flags (bit 0 marks an
	// encrypted entry).
	Flags uint16
	// Raw writes Data as the entry's compressed bytes, for methods
	// archive/zip cannot compress with.
	Raw bool
}

// Zip makes a zip of the entries, in memory.
func Zip(entries []ZipEntry) ([]byte, error) {
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for _, e := range entries {
		h := &zip.FileHeader{Name: e.Name, Method: e.Method, Flags: e.Flags}
		if e.Method == 0 && !e.Raw {
			h.Method = zip.Deflate
		}
		if e.Raw {
			h.CRC32 = crc32.ChecksumIEEE(e.Data)
			h.CompressedSize64 = uint64(len(e.Data))
			h.UncompressedSize64 = uint64(len(e.Data))
			f, err := w.CreateRaw(h)
			if err != nil {
				return nil, err
			}
			if _, err := f.Write(e.Data); err != nil {
				return nil, err
			}
			continue
		}
		f, err := w.CreateHeader(h)
		if err != nil {
			return nil, err
		}
		if _, err := f.Write(e.Data); err != nil {
			return nil, err
		}
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// FolderEntries returns the files of dir as zip entries under folder ("" for
// the top of the zip, "rep01" for a zip of the folder itself), with an entry
// for the folder as Explorer writes one.
func FolderEntries(dir, folder string) ([]ZipEntry, error) {
	names, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []ZipEntry
	if folder != "" {
		out = append(out, ZipEntry{Name: folder + "/", Method: zip.Store})
	}
	sort.Slice(names, func(i, j int) bool { return names[i].Name() < names[j].Name() })
	for _, n := range names {
		data, err := os.ReadFile(filepath.Join(dir, n.Name()))
		if err != nil {
			return nil, err
		}
		out = append(out, ZipEntry{Name: path.Join(folder, n.Name()), Data: data})
	}
	return out, nil
}

// WriteZipOf writes the export as a zip at zipPath, its files under folder
// ("" for the top), with extra entries after them.
func (e *Export) WriteZipOf(zipPath, folder string, o WriteOptions, extra ...ZipEntry) error {
	src, err := os.MkdirTemp(filepath.Dir(zipPath), ".zip-source-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(src)
	if err := e.Write(src, o); err != nil {
		return err
	}
	entries, err := FolderEntries(src, folder)
	if err != nil {
		return err
	}
	data, err := Zip(append(entries, extra...))
	if err != nil {
		return err
	}
	return os.WriteFile(zipPath, data, 0o600)
}
