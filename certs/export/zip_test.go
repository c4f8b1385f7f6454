package export_test

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"hash/crc32"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"qscert/certs/certstest"
	"qscert/certs/export"
	"qscert/certs/qlik"
)

// People copy the export as a .zip: with its files at the top, with the
// machine's folder inside (Explorer's "Send to > Compressed folder" of the
// folder), or the whole "Exported Certificates" folder with one machine.
func TestZippedExportsLoadAsTheirFolder(t *testing.T) {
	e := sharedExport(t)
	for _, format := range []qlik.Format{qlik.FormatPEM, qlik.FormatWindows} {
		for _, folder := range []string{"", "rep01", "Exported Certificates/rep01"} {
			t.Run(string(format)+"/"+folder, func(t *testing.T) {
				zipPath := filepath.Join(t.TempDir(), "rep01.zip")
				o := certstest.WriteOptions{Format: format, Password: "Qlik!2026"}
				// macOS adds __MACOSX/ and ._ files to zips it makes.
				if err := e.WriteZipOf(zipPath, folder, o, certstest.ZipEntry{Name: "__MACOSX/._client.pem", Data: []byte("junk")}); err != nil {
					t.Fatal(err)
				}
				exp := load(t, zipPath, "Qlik!2026")
				wantClean(t, exp)
				if exp.Format != format {
					t.Errorf("format %s, want %s", exp.Format, format)
				}
				if want := filepath.Join(zipPath, filepath.FromSlash(folder)); exp.Dir != want {
					t.Errorf("Dir = %q, want %q", exp.Dir, want)
				}
				if exp.Client.File != qlik.CertificateFile(qlik.RoleClient, format) {
					t.Errorf("client file %q", exp.Client.File)
				}
			})
		}
	}
}

func TestZipWithoutItsExtensionIsStillRead(t *testing.T) {
	zipPath := filepath.Join(t.TempDir(), "export")
	if err := sharedExport(t).WriteZipOf(zipPath, "rep01", certstest.WriteOptions{Format: qlik.FormatWindows}); err != nil {
		t.Fatal(err)
	}
	wantClean(t, load(t, zipPath, ""))
}

// A zip among picked files adds its export; its files are named by their
// path inside it, and their names still hint at their roles.
func TestPickedZipAddsItsFiles(t *testing.T) {
	dir := t.TempDir()
	zipPath := filepath.Join(dir, "export.zip")
	if err := sharedExport(t).WriteZipOf(zipPath, "rep01", certstest.WriteOptions{Format: qlik.FormatWindows, Password: "pw"}); err != nil {
		t.Fatal(err)
	}
	exp := export.LoadFiles([]string{zipPath}, "pw")
	wantClean(t, exp)
	if exp.Client.File != "export.zip/rep01/client.pfx" {
		t.Errorf("client file %q", exp.Client.File)
	}
	// A refused zip among picked files is a finding about it.
	bad := filepath.Join(dir, "bad.zip")
	if err := os.WriteFile(bad, []byte("PK\x03\x04 not really"), 0o600); err != nil {
		t.Fatal(err)
	}
	exp = export.LoadFiles([]string{bad}, "")
	if got := findingsWith(exp.Findings, export.CodeZipCorrupt); len(got) != 1 || got[0].File != "bad.zip" {
		t.Fatalf("findings %+v, want zip-corrupt on bad.zip", exp.Findings)
	}
}

// Several machines' exports in one zip: nothing is guessed; the finding
// lists them, and naming one as Explorer shows it reads it.
func TestZipOfSeveralMachinesAsksWhichOne(t *testing.T) {
	e := sharedExport(t)
	src := t.TempDir()
	var entries []certstest.ZipEntry
	for _, m := range []string{"rep01", "rep02"} {
		if err := e.Write(filepath.Join(src, m), certstest.WriteOptions{Format: qlik.FormatPEM}); err != nil {
			t.Fatal(err)
		}
		es, err := certstest.FolderEntries(filepath.Join(src, m), "Exported Certificates/"+m)
		if err != nil {
			t.Fatal(err)
		}
		entries = append(entries, es...)
	}
	data, err := certstest.Zip(entries)
	if err != nil {
		t.Fatal(err)
	}
	zipPath := filepath.Join(t.TempDir(), "all.zip")
	if err := os.WriteFile(zipPath, data, 0o600); err != nil {
		t.Fatal(err)
	}
	exp := load(t, zipPath, "")
	got := findingsWith(exp.Findings, export.CodeZipSeveralExports)
	if len(got) != 1 || got[0].Params["folders"] != "Exported Certificates/rep01/, Exported Certificates/rep02/" {
		t.Fatalf("findings %+v", exp.Findings)
	}
	if want := filepath.Join(zipPath, "Exported Certificates", "rep01"); got[0].Params["example"] != want {
		t.Errorf("example %q, want %q", got[0].Params["example"], want)
	}
	if len(exp.Certificates()) != 0 {
		t.Error("certificates were read from an ambiguous zip")
	}
	wantClean(t, load(t, filepath.Join(zipPath, "Exported Certificates", "rep02"), ""))
}

func TestZipFolderNamedInThePath(t *testing.T) {
	zipPath := filepath.Join(t.TempDir(), "export.zip")
	if err := sharedExport(t).WriteZipOf(zipPath, "rep01", certstest.WriteOptions{Format: qlik.FormatPEM}); err != nil {
		t.Fatal(err)
	}
	wantClean(t, load(t, filepath.Join(zipPath, "rep01"), ""))
	exp := load(t, filepath.Join(zipPath, "rep02"), "")
	got := findingsWith(exp.Findings, export.CodeZipFolderNotFound)
	if len(got) != 1 || got[0].Params["folder"] != "rep02" || got[0].Params["folders"] != "rep01/" {
		t.Fatalf("findings %+v, want zip-folder-not-found listing rep01/", exp.Findings)
	}
	// A path below something that is not a zip is still not found.
	_, err := export.LoadExport(filepath.Join(t.TempDir(), "nothing", "rep01"), "")
	wantCode(t, err, export.CodeFolderNotFound)
}

// deflated compresses data the way a zip tool does.
func deflated(t *testing.T, data []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	w, err := flate.NewWriter(&buf, flate.BestCompression)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// An entry whose directory says "1 KiB" but inflates to 64 MiB passes the
// ratio check on its declared size; it must still never be inflated past
// what it declares.
func TestZipEntryLyingAboutItsSizeIsNotInflatedPastIt(t *testing.T) {
	zeros := make([]byte, 64<<20)
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	compressed := deflated(t, zeros)
	f, err := w.CreateRaw(&zip.FileHeader{Name: "client.pem", Method: zip.Deflate, CRC32: crc32.ChecksumIEEE(zeros[:1024]),
		CompressedSize64: uint64(len(compressed)), UncompressedSize64: 1024})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Write(compressed); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	zipPath := filepath.Join(t.TempDir(), "liar.zip")
	if err := os.WriteFile(zipPath, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	exp := load(t, zipPath, "")
	runtime.ReadMemStats(&after)
	if got := after.TotalAlloc - before.TotalAlloc; got > 16<<20 {
		t.Errorf("reading the zip allocated %d MiB", got>>20)
	}
	got := findingsWith(exp.Findings, export.CodeFileCorrupt)
	if len(got) != 1 || got[0].Params["detail"] != zip.ErrFormat.Error() {
		t.Fatalf("findings %+v, want file-corrupt (%v) for the entry", exp.Findings, zip.ErrFormat)
	}
}

// Every refusal has its code; the corpus (certs/validate) runs them through
// Validate, the CLI and the install, here the zip reader alone.
func TestZipRefusalsHaveTheirCodes(t *testing.T) {
	b := &certstest.Base{Export: sharedExport(t), Host: testHost, Machine: testMachine,
		Options: certstest.WriteOptions{Format: qlik.FormatWindows, Password: "Qlik!2026"}}
	seen := 0
	for _, v := range certstest.Variants {
		if !strings.HasPrefix(string(v.Code), "zip-") {
			continue
		}
		seen++
		t.Run(v.Name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "export.zip")
			if err := v.Write(path, b); err != nil {
				t.Fatal(err)
			}
			exp := load(t, path, "Qlik!2026")
			if len(exp.Findings) != 1 || exp.Findings[0].Code != v.Code || exp.Findings[0].File != "export.zip" {
				t.Fatalf("findings %+v, want only %s about export.zip", exp.Findings, v.Code)
			}
			if len(exp.Certificates()) != 0 {
				t.Error("certificates read from a refused zip")
			}
		})
	}
	if seen < 7 {
		t.Fatalf("%d zip variants, want one per refusal", seen)
	}
}
