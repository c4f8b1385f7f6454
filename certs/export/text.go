package export

import (
	"bytes"
	"encoding/asn1"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// Byte order marks that Windows tools put before text: Notepad may write a
// UTF-8 BOM, and PowerShell 5.1's `>` and `Out-File` write UTF-16LE with a
// BOM (and CRLF line ends, which encoding/pem already accepts).
var (
	bomUTF8    = []byte{0xef, 0xbb, 0xbf}
	bomUTF16LE = []byte{0xff, 0xfe}
	bomUTF16BE = []byte{0xfe, 0xff}
)

// asText returns a PEM file's text as UTF-8 without a BOM. Files that do
// not start with a BOM are returned as they are: DER certificates and PFX
// files start with 0x30 and are never touched.
func asText(data []byte) []byte {
	if !bytes.HasPrefix(data, bomUTF8) && !bytes.HasPrefix(data, bomUTF16LE) && !bytes.HasPrefix(data, bomUTF16BE) {
		return data
	}
	// BOMOverride reads the BOM, decodes UTF-16 by it and drops a UTF-8 BOM.
	text, _, err := transform.Bytes(unicode.BOMOverride(unicode.UTF8.NewDecoder()), data)
	if err != nil {
		return data
	}
	return text
}

// derWithoutTrailingSpace returns the DER element at the start of data when
// what follows it is only line ends, spaces or NUL padding: what a transfer
// in text mode or an editor adds to a root.cer. OpenSSL reads such files;
// Go's x509.ParseCertificate refuses the trailing bytes. The element itself
// is not changed, so its signature still proves it intact.
func derWithoutTrailingSpace(data []byte) ([]byte, bool) {
	var v asn1.RawValue
	rest, err := asn1.Unmarshal(data, &v)
	if err != nil || len(rest) == 0 {
		return nil, false
	}
	if len(bytes.Trim(rest, "\r\n\t \x00")) != 0 {
		return nil, false
	}
	return v.FullBytes, true
}
