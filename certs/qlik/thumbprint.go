package qlik

import (
	"crypto/sha1"
	"crypto/sha256"
	"crypto/x509"
	"encoding/hex"
	"strings"
)

// Thumbprint is the SHA-1 of a certificate in upper-case hex: the form
// certmgr, the QMC and PowerShell's Cert: drive show, and the name of a
// certificate in every store.
func Thumbprint(c *x509.Certificate) string { return ThumbprintOfDER(c.Raw) }

// ThumbprintOfDER is Thumbprint of a certificate not parsed yet.
func ThumbprintOfDER(der []byte) string {
	sum := sha1.Sum(der)
	return strings.ToUpper(hex.EncodeToString(sum[:]))
}

// SHA256Thumbprint is the SHA-256 of the DER certificate in upper-case hex.
func SHA256Thumbprint(c *x509.Certificate) string {
	sum := sha256.Sum256(c.Raw)
	return strings.ToUpper(hex.EncodeToString(sum[:]))
}
