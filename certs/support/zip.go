package support

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"time"

	"qscert/assets/i18n"
	"qscert/certs/coded"
)

// Names of the files inside the support report.
const (
	JSONName = "qscert-report.json"
	TextName = "qscert-report.txt"
)

// Codes is the table of the support report's codes.
var Codes = &coded.Registry{}

// CodeReportUnwritable: the zip cannot be written where asked.
var CodeReportUnwritable = Codes.Error("report-unwritable")

// WriteZip writes the report as a zip holding the JSON and the text.
// Entries are stored, not deflated: the report is a few kilobytes, and a
// plain archive lets anyone (and the tests) scan its bytes for what must
// not be there, such as "PRIVATE KEY". The file is written beside out and
// renamed, so an interrupted run leaves no half report.
func (r *Report) WriteZip(out string, t *i18n.Translator) error {
	var text bytes.Buffer
	r.WriteText(&text, t)
	data, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return coded.New(CodeReportUnwritable, err, "file", out)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range []struct {
		name string
		data []byte
	}{{JSONName, append(data, '\n')}, {TextName, text.Bytes()}} {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.name, Method: zip.Store, Modified: r.GeneratedAt.In(time.Local)})
		if err != nil {
			return coded.New(CodeReportUnwritable, err, "file", out)
		}
		if _, err := w.Write(f.data); err != nil {
			return coded.New(CodeReportUnwritable, err, "file", out)
		}
	}
	if err := zw.Close(); err != nil {
		return coded.New(CodeReportUnwritable, err, "file", out)
	}
	tmp, err := os.CreateTemp(filepath.Dir(out), ".qscert-report-*.zip")
	if err != nil {
		return coded.New(CodeReportUnwritable, err, "file", out)
	}
	_, err = tmp.Write(buf.Bytes())
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), out)
	}
	if err != nil {
		_ = os.Remove(tmp.Name())
		return coded.New(CodeReportUnwritable, err, "file", out)
	}
	return nil
}
