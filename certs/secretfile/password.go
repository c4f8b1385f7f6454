// Package secretfile reads a password from a file, the way administrators
// on Windows write them: Notepad saves UTF-8, with a byte order mark when
// "UTF-8 with BOM" is chosen, or UTF-16 ("UTF-16 LE/BE"); PowerShell 5.1's
// `"pw" > file` writes UTF-16LE with a BOM and a CRLF, and its
// `Out-File -Encoding utf8` UTF-8 with a BOM. The BOM and the line ending
// are not part of the password; keeping them makes the right password read
// as wrong.
package secretfile

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"qscert/certs/boundedfile"
	"qscert/certs/coded"
)

// CodeEncoding: the file is neither UTF-8 nor UTF-16 with a BOM, for
// example a password with accents saved as "ANSI" by an old Notepad, or
// UTF-16 without a BOM. Guessing a code page would turn the right password
// into a wrong one without saying so.
const CodeEncoding coded.Code = "password-file-encoding"

// Codes lists the codes of this package, for the translation tests.
var Codes = []coded.Code{CodeEncoding}

// MaxFileSize bounds a password file: the password is its first line, and
// nothing else in it is read.
const MaxFileSize = 64 << 10

// ReadPassword returns the password in the file at path: its first line,
// decoded as Password does. The file is read with boundedfile, so a FIFO,
// a device or a huge file gives that package's codes.
func ReadPassword(path string) (string, error) {
	data, err := boundedfile.Read(path, MaxFileSize)
	if err != nil {
		return "", err
	}
	pw, err := Password(data)
	if err != nil {
		if e := coded.As(err); e != nil {
			e.Params["file"] = path
		}
		return "", err
	}
	return pw, nil
}

// Password decodes a password file's bytes: a UTF-8, UTF-16LE or UTF-16BE
// byte order mark selects the encoding (UTF-8 without one), and the first
// line, without its line ending (LF, CRLF or CR), is the password. An empty
// file is the empty password (the QMC's password is optional). Text that
// does not decode, or holds a NUL (the sign of UTF-16 without a BOM), gives
// password-file-encoding.
func Password(data []byte) (string, error) {
	// BOMOverride with Nop: a BOM switches to its decoder; without one the
	// bytes are taken as they are and must be UTF-8.
	decoded, _, err := transform.Bytes(unicode.BOMOverride(transform.Nop), data)
	if err != nil {
		return "", coded.New(CodeEncoding, err, "file", "")
	}
	text := string(decoded)
	if i := strings.IndexAny(text, "\r\n"); i >= 0 {
		text = text[:i]
	}
	// The decoders turn what they cannot decode (an unpaired surrogate, an
	// odd last byte, bad UTF-8 after a BOM) into U+FFFD.
	if !utf8.ValidString(text) || strings.ContainsRune(text, utf8.RuneError) || strings.ContainsRune(text, 0) {
		return "", coded.New(CodeEncoding, nil, "file", "")
	}
	return text, nil
}
