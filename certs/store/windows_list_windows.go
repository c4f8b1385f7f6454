package store

import (
	"crypto/x509"
	"unsafe"

	"golang.org/x/sys/windows"
)

// List enumerates loc. Entries carry the DER only; parsing waits until a
// caller needs it, so a certificate Go cannot parse (Windows accepts some
// that crypto/x509 rejects, such as negative serial numbers) hides nothing.
func (w *windowsStore) List(loc Location) ([]Entry, error) {
	h, err := w.open(loc, forReading)
	if err != nil {
		return nil, err
	}
	defer windows.CertCloseStore(h, 0)

	var out []Entry
	var ctx *windows.CertContext
	for {
		// CertEnumCertificatesInStore frees the previous context it is
		// given, so only the last one (nil at the end) needs no free.
		ctx, err = windows.CertEnumCertificatesInStore(h, ctx)
		if err != nil {
			if isNotFound(err) {
				return out, nil
			}
			return nil, failed(loc, "CertEnumCertificatesInStore", err)
		}
		out = append(out, Entry{
			Location:      loc,
			Raw:           encodedCert(ctx),
			HasPrivateKey: hasKey(ctx),
			FriendlyName:  friendlyName(ctx),
		})
	}
}

// encodedCert copies the DER of ctx out of crypt32's memory, which is
// freed with the context.
func encodedCert(ctx *windows.CertContext) []byte {
	return append([]byte(nil), unsafe.Slice(ctx.EncodedCert, ctx.Length)...)
}

// property reads a certificate context property, or nil when it is absent.
func property(ctx *windows.CertContext, id uint32) ([]byte, error) {
	var size uint32
	if err := certGetCertificateContextProperty(ctx, id, nil, &size); err != nil {
		if isNotFound(err) {
			return nil, nil
		}
		return nil, err
	}
	if size == 0 {
		return []byte{}, nil
	}
	buf := make([]byte, size)
	if err := certGetCertificateContextProperty(ctx, id, &buf[0], &size); err != nil {
		if isNotFound(err) {
			return nil, nil
		}
		return nil, err
	}
	return buf[:size], nil
}

// hasKey reports whether the certificate names a key container
// (CERT_KEY_PROV_INFO_PROP_ID), which is what certlm.msc's key icon shows.
// It does not open the key: that is slow, and may need rights the
// account lacks while listing does not.
func hasKey(ctx *windows.CertContext) bool {
	b, err := property(ctx, certKeyProvInfoPropID)
	return err == nil && b != nil
}

// friendlyName reads CERT_FRIENDLY_NAME_PROP_ID, a NUL-terminated UTF-16
// string.
func friendlyName(ctx *windows.CertContext) string {
	b, err := property(ctx, certFriendlyNamePropID)
	if err != nil || len(b) < 2 {
		return ""
	}
	u := unsafe.Slice((*uint16)(unsafe.Pointer(&b[0])), len(b)/2)
	return windows.UTF16ToString(u)
}

// parseContext parses the certificate of ctx, for the operations that need
// its public key.
func parseContext(ctx *windows.CertContext) (*x509.Certificate, error) {
	return x509.ParseCertificate(encodedCert(ctx))
}
