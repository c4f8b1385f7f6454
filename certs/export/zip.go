package export

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"path"
	"sort"
	"strings"

	"qscert/certs/coded"
	"qscert/certs/finding"
	"qscert/certs/qlik"
)

// Limits of a zipped export. A real one is a few kilobytes per machine; the
// limits leave room for a zip of the whole "Exported Certificates" folder
// of a large site while refusing zip bombs before anything is inflated. The
// zip is read in memory with archive/zip and never extracted to disk.
const (
	// MaxZipSize is the largest .zip read.
	MaxZipSize = 8 << 20
	// MaxZipEntries bounds the entries (files and folders) of a zip.
	MaxZipEntries = 1000
	// MaxZipTotal bounds the uncompressed size of the export files of a
	// zip, added up. Each is also bounded by MaxFileSize, as on disk.
	MaxZipTotal = 16 << 20
	// MaxZipRatio bounds how much an entry over zipRatioFloor bytes may
	// inflate. Certificates and keys barely compress (2:1 at most); a zip
	// bomb inflates a thousandfold.
	MaxZipRatio   = 100
	zipRatioFloor = 64 << 10
)

// zipMagic are the signatures a zip file starts with: a local file header,
// or the end of the central directory of an empty zip.
var zipMagic = [][]byte{[]byte("PK\x03\x04"), []byte("PK\x05\x06")}

func isZip(data []byte) bool {
	for _, m := range zipMagic {
		if bytes.HasPrefix(data, m) {
			return true
		}
	}
	return false
}

// isZipName reports whether a file name says it is a zip.
func isZipName(name string) bool { return strings.HasSuffix(strings.ToLower(name), ".zip") }

// zipArchive is a zip's export files, grouped by the folder that holds
// them inside the zip ("" for the top).
type zipArchive struct {
	shown   string // how findings name the zip
	folders map[string][]*zip.File
}

// openZip reads a zip's directory and checks every limit before any entry
// is inflated. A refused zip gives one finding about the zip.
func openZip(data []byte, shown string) (*zipArchive, *finding.Finding) {
	refuse := func(code coded.Code, params ...string) (*zipArchive, *finding.Finding) {
		f := newFinding(code, "", shown, params...)
		return nil, &f
	}
	if len(data) > MaxZipSize {
		return refuse(CodeZipTooLarge, "size", fmt.Sprint(len(data)), "limit", fmt.Sprint(MaxZipSize))
	}
	r, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) { // names like ../x are harmless: nothing is extracted
		return refuse(CodeZipCorrupt, "detail", err.Error())
	}
	if len(r.File) > MaxZipEntries {
		return refuse(CodeZipTooManyEntries, "count", fmt.Sprint(len(r.File)), "limit", fmt.Sprint(MaxZipEntries))
	}
	z := &zipArchive{shown: shown, folders: map[string][]*zip.File{}}
	var total uint64
	for _, f := range r.File {
		folder, _, ok := exportEntry(f.Name)
		if !ok {
			continue
		}
		entry := displayName(f.Name)
		switch {
		case f.Flags&0x1 != 0: // bit 0 of the general purpose flags: encrypted (ZipCrypto or WinZip AES)
			return refuse(CodeZipEncrypted, "entry", entry)
		case f.Method != zip.Store && f.Method != zip.Deflate:
			return refuse(CodeZipUnsupportedMethod, "entry", entry, "method", zipMethodName(f.Method))
		case f.UncompressedSize64 > zipRatioFloor && f.UncompressedSize64/MaxZipRatio > f.CompressedSize64:
			return refuse(CodeZipCompressionRatio, "entry", entry,
				"ratio", fmt.Sprint(f.UncompressedSize64/max(f.CompressedSize64, 1)), "limit", fmt.Sprint(MaxZipRatio))
		case f.UncompressedSize64 > MaxZipTotal || total+f.UncompressedSize64 > MaxZipTotal:
			return refuse(CodeZipTooLarge, "size", fmt.Sprint(total+min(f.UncompressedSize64, MaxZipTotal)), "limit", fmt.Sprint(MaxZipTotal))
		}
		total += f.UncompressedSize64
		z.folders[folder] = append(z.folders[folder], f)
	}
	return z, nil
}

// exportEntry splits an entry's name into its folder and file name, and
// tells whether it may be a file of an export. Some Windows tools write
// backslashes; macOS adds __MACOSX/ and ._ copies of every file.
func exportEntry(name string) (folder, file string, ok bool) {
	name = strings.ReplaceAll(name, `\`, "/")
	if strings.HasSuffix(name, "/") {
		return "", "", false
	}
	name = strings.TrimPrefix(path.Clean("/"+name), "/")
	folder, file = path.Split(name)
	folder = strings.TrimSuffix(folder, "/")
	if strings.HasPrefix(file, "._") || folder == "__MACOSX" || strings.HasPrefix(folder, "__MACOSX/") {
		return "", "", false
	}
	return folder, file, qlik.IsExportFileName(file)
}

// choose picks the one folder of the zip that holds an export, below inner
// when the path named a folder inside the zip ("export.zip\rep01", as
// Explorer shows it). With several, nothing is guessed: the files of
// another machine's export would install without a word, so the finding
// lists the folders and how to name one.
func (z *zipArchive) choose(inner string, example func(folder string) string) (string, *finding.Finding) {
	inner = strings.Trim(strings.ReplaceAll(inner, `\`, "/"), "/")
	var found []string
	for folder := range z.folders {
		if inner == "" || folder == inner || strings.HasPrefix(folder, inner+"/") {
			found = append(found, folder)
		}
	}
	sort.Strings(found)
	switch {
	case len(found) == 0 && inner != "":
		f := newFinding(CodeZipFolderNotFound, "", z.shown, "folder", displayName(inner), "folders", folderList(sortedKeys(z.folders)))
		return "", &f
	case len(found) > 1:
		f := newFinding(CodeZipSeveralExports, "", z.shown, "folders", folderList(found), "example", example(found[0]))
		return "", &f
	case len(found) == 0:
		return "", nil // no export file at all: no-certificates says so
	}
	return found[0], nil
}

// folderList shows folders of a zip the way a message lists them.
func folderList(folders []string) string {
	var names []string
	for _, f := range folders {
		names = append(names, displayName(f)+"/")
	}
	return strings.Join(names, ", ")
}

func sortedKeys(m map[string][]*zip.File) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// sources are the files of one folder of the zip. shownPrefix is put
// before each entry's name in findings: nothing when the zip is the export
// (its files are named as a folder's), the zip's name when it is one of
// several picked files.
func (z *zipArchive) sources(folder string, shownPrefix string) []source {
	var out []source
	for _, f := range z.folders[folder] {
		_, name, _ := exportEntry(f.Name)
		shown := name
		if shownPrefix != "" {
			shown = shownPrefix + "/" + strings.TrimPrefix(path.Join(folder, name), "/")
		}
		out = append(out, source{name: name, shown: displayName(shown), read: func() ([]byte, *finding.Finding) {
			return readZipEntry(f, name, displayName(shown))
		}})
	}
	return out
}

// readZipEntry inflates one entry, never more than MaxFileSize bytes
// (archive/zip also stops at the size the directory declares).
func readZipEntry(f *zip.File, name, shown string) ([]byte, *finding.Finding) {
	hint := nameHint(name)
	if f.UncompressedSize64 > MaxFileSize {
		ff := newFinding(CodeFileTooLarge, hint, shown, "size", fmt.Sprint(f.UncompressedSize64), "limit", fmt.Sprint(MaxFileSize))
		return nil, &ff
	}
	rc, err := f.Open()
	if err != nil {
		ff := newFinding(CodeFileCorrupt, hint, shown, "detail", err.Error())
		return nil, &ff
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, MaxFileSize+1))
	if err != nil {
		ff := newFinding(CodeFileCorrupt, hint, shown, "detail", err.Error())
		return nil, &ff
	}
	if len(data) > MaxFileSize {
		ff := newFinding(CodeFileTooLarge, hint, shown, "size", fmt.Sprint(len(data)), "limit", fmt.Sprint(MaxFileSize))
		return nil, &ff
	}
	return data, nil
}

// zipMethodName names the compression methods other tools use (APPNOTE
// 4.4.5), for the message that says to zip the folder again.
func zipMethodName(m uint16) string {
	switch m {
	case 9:
		return "Deflate64"
	case 12:
		return "BZIP2"
	case 14:
		return "LZMA"
	case 93:
		return "Zstandard"
	case 95:
		return "XZ"
	case 98:
		return "PPMd"
	case 99:
		return "AES"
	}
	return fmt.Sprintf("method %d", m)
}
