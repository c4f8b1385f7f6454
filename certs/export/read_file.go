package export

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"qscert/certs/boundedfile"
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
// file is over it (a zip has its own). It reads through boundedfile: the
// type is checked on the open handle, so a file swapped for a FIFO between
// a look and the open cannot hang the read, and a device never ends one.
func readLimited(path, name string, limit int64, tooLarge coded.Code) ([]byte, *finding.Finding) {
	hint := nameHint(name)
	data, err := boundedfile.Read(path, limit)
	if err == nil {
		return data, nil
	}
	e := coded.As(err)
	var f finding.Finding
	switch {
	case e != nil && e.Code == boundedfile.CodeTooLarge:
		f = newFinding(tooLarge, hint, displayName(name), "size", e.Params["size"], "limit", fmt.Sprint(limit))
	case e != nil && e.Code == boundedfile.CodeNotRegular:
		f = newFinding(CodeFileUnreadable, hint, displayName(name), "detail", "not a regular file: "+e.Params["kind"])
	default:
		detail := err.Error()
		if e != nil && e.Err != nil {
			detail = e.Err.Error()
		}
		f = newFinding(CodeFileUnreadable, hint, displayName(name), "detail", detail)
	}
	return nil, &f
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
