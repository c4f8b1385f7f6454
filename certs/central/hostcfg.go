package central

import (
	"bytes"
	"encoding/base64"
	"errors"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"qscert/certs/boundedfile"
	"qscert/certs/qlik"
)

// maxHostCfg bounds what is read of Host.cfg: one name, base64.
const maxHostCfg = 64 << 10

// ReadHostCfg reads C:\ProgramData\Qlik\Sense\Host.cfg: the node's name,
// base64-encoded, as the installer and the "change the host name"
// procedure write it.
func ReadHostCfg(path string) (string, error) {
	data, err := boundedfile.Read(path, maxHostCfg)
	if err != nil {
		return "", err
	}
	return ParseHostCfg(data)
}

// ParseHostCfg decodes Host.cfg's content. The file is written by hand
// too (PowerShell's Set-Content, Notepad), so a BOM, a UTF-16 encoding,
// line ends and spaces around the base64 are accepted; the decoded name
// may itself be UTF-8 or UTF-16LE (what [Text.Encoding]::Unicode gives in
// the PowerShell recipes). It must be a host name.
func ParseHostCfg(data []byte) (string, error) {
	text := decodeText(data)
	text = strings.Map(func(r rune) rune {
		if r == ' ' || r == '\t' || r == '\r' || r == '\n' {
			return -1
		}
		return r
	}, text)
	if text == "" {
		return "", errors.New("Host.cfg is empty")
	}
	raw, err := base64.StdEncoding.DecodeString(text)
	if err != nil {
		if raw, err = base64.RawStdEncoding.DecodeString(strings.TrimRight(text, "=")); err != nil {
			return "", errors.New("Host.cfg is not base64")
		}
	}
	name := strings.TrimSpace(decodeText(raw))
	name = strings.TrimSuffix(name, ".")
	if !qlik.ValidHostName(name) || strings.ContainsFunc(name, func(r rune) bool { return r < 0x20 || r == 0xfffd }) {
		return "", errors.New("Host.cfg does not hold a host name")
	}
	return name, nil
}

// decodeText reads bytes that may be UTF-8 (with or without a BOM) or
// UTF-16LE (with a BOM, or ASCII with a zero every other byte).
func decodeText(b []byte) string {
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		return string(b[3:])
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		return utf16le(b[2:])
	case len(b) >= 2 && len(b)%2 == 0 && b[1] == 0 && b[0] != 0:
		return utf16le(b)
	}
	if !utf8.Valid(b) {
		return string(bytes.ToValidUTF8(b, []byte("\uFFFD")))
	}
	return string(b)
}

func utf16le(b []byte) string {
	u := make([]uint16, 0, len(b)/2)
	for i := 0; i+1 < len(b); i += 2 {
		u = append(u, uint16(b[i])|uint16(b[i+1])<<8)
	}
	return string(utf16.Decode(u))
}
