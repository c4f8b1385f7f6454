package export

import (
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"

	"qscert/certs/coded"
	"qscert/certs/finding"
	"qscert/certs/qlik"
)

// readBounded reads one export file and refuses, before parsing, anything
// that is not a regular file of at most MaxFileSize bytes. Following a link
// is fine (people link their exports), but a loop, a folder or a FIFO is not:
// os.ReadFile on a FIFO would block the wizard forever.
func readBounded(path, name string) ([]byte, *finding.Finding) {
	return readLimited(path, name, MaxFileSize, CodeFileTooLarge)
}

// readLimited is readBounded with another limit and the code that says a
// file is over it (a zip has its own).
func readLimited(path, name string, limit int64, tooLarge coded.Code) ([]byte, *finding.Finding) {
	hint := nameHint(name)
	info, err := os.Stat(path)
	if err != nil {
		f := newFinding(CodeFileUnreadable, hint, displayName(name), "detail", err.Error())
		return nil, &f
	}
	if !info.Mode().IsRegular() {
		f := newFinding(CodeFileUnreadable, hint, displayName(name), "detail", "not a regular file: "+info.Mode().Type().String())
		return nil, &f
	}
	if info.Size() > limit {
		f := newFinding(tooLarge, hint, displayName(name), "size", fmt.Sprint(info.Size()), "limit", fmt.Sprint(limit))
		return nil, &f
	}
	file, err := os.Open(path)
	if err != nil {
		f := newFinding(CodeFileUnreadable, hint, displayName(name), "detail", err.Error())
		return nil, &f
	}
	defer file.Close()
	// The size may change between Stat and Read; never read past the limit.
	data, err := io.ReadAll(io.LimitReader(file, limit+1))
	if err != nil {
		f := newFinding(CodeFileUnreadable, hint, displayName(name), "detail", err.Error())
		return nil, &f
	}
	if int64(len(data)) > limit {
		f := newFinding(tooLarge, hint, displayName(name), "size", fmt.Sprint(len(data)), "limit", fmt.Sprint(limit))
		return nil, &f
	}
	return data, nil
}

// displayName makes a file name safe to show and to put in JSON: bytes that
// are not UTF-8 (a name copied from another code page) become U+FFFD.
func displayName(name string) string {
	if utf8.ValidString(name) {
		return name
	}
	return strings.ToValidUTF8(name, "\uFFFD")
}

// nameHint is the role a file's name suggests: "client.pem", "Client (1).pfx"
// and "client_key.pem" all suggest the client, and so does
// "export.zip/rep01/client.pem", a picked zip's file. It is only a hint:
// roles come from the certificates' content, and a disagreement is
// reported.
func nameHint(name string) qlik.Role {
	lower := strings.ToLower(name[strings.LastIndexByte(name, '/')+1:])
	for _, r := range qlik.Roles {
		if strings.HasPrefix(lower, string(r)) {
			return r
		}
	}
	return ""
}
