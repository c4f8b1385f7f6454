package store

import (
	"crypto"
	"crypto/x509"

	"software.sslmate.com/src/go-pkcs12"
)

// EncodePFX writes a certificate and its key (or the certificate alone when
// key is nil) into a PFX protected by password, with AES-256 and a SHA-256
// MAC. Backups use it; Windows 10 1709 and later read it.
func EncodePFX(cert *x509.Certificate, key crypto.PrivateKey, password string) ([]byte, error) {
	if key == nil {
		return pkcs12.Modern.EncodeTrustStore([]*x509.Certificate{cert}, password)
	}
	return pkcs12.Modern.Encode(key, cert, nil, password)
}

// DecodePFX reads what EncodePFX wrote: the certificate and its key, if any.
func DecodePFX(data []byte, password string) (*x509.Certificate, crypto.PrivateKey, error) {
	key, cert, _, err := pkcs12.DecodeChain(data, password)
	if err == nil {
		return cert, key, nil
	}
	if certs, err2 := pkcs12.DecodeTrustStore(data, password); err2 == nil && len(certs) == 1 {
		return certs[0], nil, nil
	}
	return nil, nil, err
}
