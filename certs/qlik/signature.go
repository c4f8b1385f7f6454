package qlik

import (
	"bytes"
	"crypto/x509"
)

// SignedBy reports whether parent's key signed child. It checks the signature
// over child's TBS bytes and nothing else, on purpose: real Qlik CA
// certificates have no basicConstraints and no keyUsage, so
// x509.Certificate.CheckSignatureFrom and Verify reject them ("parent
// certificate cannot sign this kind of certificate") and would fail every
// real export. The name chaining is checked separately (IssuedBy).
func SignedBy(child, parent *x509.Certificate) bool {
	if child == nil || parent == nil {
		return false
	}
	// CheckSignature, unlike CheckSignatureFrom, applies no CA constraints.
	return parent.CheckSignature(child.SignatureAlgorithm, child.RawTBSCertificate, child.Signature) == nil
}

// IssuedBy reports whether child names parent as its issuer.
func IssuedBy(child, parent *x509.Certificate) bool {
	if child == nil || parent == nil {
		return false
	}
	return bytes.Equal(child.RawIssuer, parent.RawSubject)
}

// SelfSigned reports whether c names itself as issuer and its own key
// verifies its signature.
func SelfSigned(c *x509.Certificate) bool {
	return IssuedBy(c, c) && SignedBy(c, c)
}
